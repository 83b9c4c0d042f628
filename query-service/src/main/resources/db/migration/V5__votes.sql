-- Live votes (RULES V1–V5) and their league points (S1). Every row is a projection of events and can be rebuilt by
-- replaying them. No vote was projected before this migration (V1's two tables have been empty since), so they are
-- replaced by the shape the events give.
DROP TABLE user_votes;
DROP TABLE vote_events;

-- One row per vote event (V1), as started and closed (V3, V5). votes_a, votes_b and voters are running tallies, moved
-- by each cast in the same transaction that inserts it into user_votes, so they always equal user_votes' sums for the
-- vote (voters: its distinct voters). winner_participant_id is null while open and on a tie (V5: no award, refunds).
CREATE TABLE vote_events (
    id                    VARCHAR(64) PRIMARY KEY,
    match_id              VARCHAR(64) NOT NULL REFERENCES matches (id),
    tournament_id         VARCHAR(64) NOT NULL REFERENCES tournaments (id),
    participant_a_id      VARCHAR(64) NOT NULL REFERENCES tournament_participants (id),  -- the match's player A
    participant_b_id      VARCHAR(64) NOT NULL REFERENCES tournament_participants (id),
    points_award          INTEGER     NOT NULL CHECK (points_award > 0),
    cost_per_vote         BIGINT      NOT NULL CHECK (cost_per_vote > 0),
    started_at            TIMESTAMPTZ NOT NULL,
    ends_at               TIMESTAMPTZ NOT NULL,
    status                VARCHAR(16) NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    votes_a               BIGINT      NOT NULL DEFAULT 0 CHECK (votes_a >= 0),
    votes_b               BIGINT      NOT NULL DEFAULT 0 CHECK (votes_b >= 0),
    voters                INTEGER     NOT NULL DEFAULT 0 CHECK (voters >= 0),
    winner_participant_id VARCHAR(64) REFERENCES tournament_participants (id),
    ended_at              TIMESTAMPTZ
);
CREATE INDEX ix_vote_events_match ON vote_events (match_id, started_at DESC, id DESC);

-- One row per purchase of votes (V2): cast_id names it; cost = votes × the vote's cost per vote, the VOTE_SPEND debit
-- on the same wallet append. side: A or B of the vote (its participant_a_id or participant_b_id). refunded: the
-- viewer's VOTE_REFUND for this vote (V5, a tie) is in the ledger.
CREATE TABLE user_votes (
    cast_id        VARCHAR(64) PRIMARY KEY,
    user_id        VARCHAR(64) NOT NULL REFERENCES users (user_id),
    vote_event_id  VARCHAR(64) NOT NULL REFERENCES vote_events (id),
    match_id       VARCHAR(64) NOT NULL REFERENCES matches (id),
    participant_id VARCHAR(64) NOT NULL REFERENCES tournament_participants (id),
    side           CHAR(1)     NOT NULL CHECK (side IN ('A', 'B')),
    votes          INTEGER     NOT NULL CHECK (votes > 0),
    cost           BIGINT      NOT NULL CHECK (cost > 0),
    cast_at        TIMESTAMPTZ NOT NULL,
    refunded       BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX ix_user_votes_user ON user_votes (user_id, cast_at DESC, cast_id DESC);
CREATE INDEX ix_user_votes_voter ON user_votes (vote_event_id, user_id);

-- The league points votes awarded (V5, S1), one row per VoteBonusAwardedEvent (event_id = the event's identifier): the
-- insert that creates the row adds its points to league_standings.bonus_points, so a replayed or redelivered award is
-- added once.
CREATE TABLE vote_bonuses (
    event_id       VARCHAR(64) PRIMARY KEY,
    vote_event_id  VARCHAR(64) NOT NULL REFERENCES vote_events (id),
    tournament_id  VARCHAR(64) NOT NULL REFERENCES tournaments (id),
    participant_id VARCHAR(64) NOT NULL REFERENCES tournament_participants (id),
    points         INTEGER     NOT NULL CHECK (points > 0),
    awarded_at     TIMESTAMPTZ NOT NULL
);
