-- query-service's read model (schema "query"): the seed's ten tables (design §4.2) adapted to PostgreSQL.
-- Every row is a projection of events and can be rebuilt by replaying them. One identity for a user everywhere:
-- the Twitch user id. Ids of tournaments, participants, matches and votes are the aggregates' ids (strings).

CREATE TABLE users (
    user_id         VARCHAR(64)  PRIMARY KEY,          -- Twitch user id
    twitch_username VARCHAR(64)  NOT NULL,
    points_balance  BIGINT       NOT NULL DEFAULT 0 CHECK (points_balance >= 0),
    wallet_version  BIGINT       NOT NULL DEFAULT -1,  -- sequence number of the last wallet event applied
    is_banned       BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX ix_users_login ON users (lower(twitch_username));

CREATE TABLE tournaments (
    id               VARCHAR(64)  PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    description      TEXT,
    status           VARCHAR(32)  NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'REGISTRATION_OPEN',
                         'AWAITING_SELECTION', 'REGISTRATION_CLOSED', 'LEAGUE_PHASE', 'KNOCKOUTS', 'COMPLETED')),
    max_participants INTEGER      NOT NULL DEFAULT 36,
    starts_at        TIMESTAMPTZ,
    ends_at          TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX ix_tournaments_status ON tournaments (status, created_at DESC);

CREATE TABLE tournament_registrations (
    id            BIGSERIAL    PRIMARY KEY,
    user_id       VARCHAR(64)  NOT NULL REFERENCES users (user_id),
    tournament_id VARCHAR(64)  NOT NULL REFERENCES tournaments (id),
    status        VARCHAR(16)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED', 'NOT_SELECTED')),
    registered_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT uq_user_tournament_registration UNIQUE (user_id, tournament_id)
);
CREATE INDEX ix_registrations_tournament ON tournament_registrations (tournament_id, status, registered_at);

CREATE TABLE tournament_participants (
    id              VARCHAR(64)  PRIMARY KEY,
    registration_id BIGINT       NOT NULL UNIQUE REFERENCES tournament_registrations (id),
    user_id         VARCHAR(64)  NOT NULL REFERENCES users (user_id),
    tournament_id   VARCHAR(64)  NOT NULL REFERENCES tournaments (id),
    seed_position   INTEGER      NOT NULL,
    pot             INTEGER,
    status          VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ELIMINATED', 'WINNER')),
    confirmed_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT uq_participant_user UNIQUE (tournament_id, user_id)
);

CREATE TABLE league_standings (
    id             BIGSERIAL    PRIMARY KEY,
    participant_id VARCHAR(64)  NOT NULL UNIQUE REFERENCES tournament_participants (id),
    tournament_id  VARCHAR(64)  NOT NULL REFERENCES tournaments (id),
    points         INTEGER      NOT NULL DEFAULT 0,
    bonus_points   INTEGER      NOT NULL DEFAULT 0,
    matches_played INTEGER      NOT NULL DEFAULT 0,
    wins           INTEGER      NOT NULL DEFAULT 0,
    draws          INTEGER      NOT NULL DEFAULT 0,
    losses         INTEGER      NOT NULL DEFAULT 0,
    goals_for      INTEGER      NOT NULL DEFAULT 0,
    goals_against  INTEGER      NOT NULL DEFAULT 0,
    away_goals_for INTEGER      NOT NULL DEFAULT 0,
    away_wins      INTEGER      NOT NULL DEFAULT 0,
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX ix_standings_tournament ON league_standings (tournament_id);

CREATE TABLE matches (
    id                      VARCHAR(64)  PRIMARY KEY,
    tournament_id           VARCHAR(64)  NOT NULL REFERENCES tournaments (id),
    phase                   VARCHAR(32)  NOT NULL CHECK (phase IN ('LEAGUE', 'PLAYOFF_LEG_1', 'PLAYOFF_LEG_2',
                                'ROUND_OF_16_LEG_1', 'ROUND_OF_16_LEG_2', 'QUARTER_FINAL_LEG_1', 'QUARTER_FINAL_LEG_2',
                                'SEMI_FINAL_LEG_1', 'SEMI_FINAL_LEG_2', 'FINAL')),
    matchday                INTEGER,
    status                  VARCHAR(16)  NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'LIVE', 'COMPLETED')),
    player_a_participant_id VARCHAR(64)  NOT NULL REFERENCES tournament_participants (id),
    player_b_participant_id VARCHAR(64)  NOT NULL REFERENCES tournament_participants (id),
    player_a_score          INTEGER,
    player_b_score          INTEGER,
    winner_participant_id   VARCHAR(64)  REFERENCES tournament_participants (id),
    penalties_winner_participant_id VARCHAR(64) REFERENCES tournament_participants (id),
    scheduled_at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_matches_tournament ON matches (tournament_id, matchday, scheduled_at);
CREATE INDEX ix_matches_player_a ON matches (player_a_participant_id);
CREATE INDEX ix_matches_player_b ON matches (player_b_participant_id);

-- The ledger as viewers see it: one row per wallet event (W3). id = the event's identifier, so a replayed or
-- redelivered event is inserted once; wallet_version orders a user's rows exactly.
CREATE TABLE transactions (
    id                VARCHAR(64)  PRIMARY KEY,
    user_id           VARCHAR(64)  NOT NULL REFERENCES users (user_id),
    wallet_version    BIGINT       NOT NULL,
    type              VARCHAR(32)  NOT NULL,
    amount            BIGINT       NOT NULL CHECK (amount <> 0),
    balance_after     BIGINT       NOT NULL CHECK (balance_after >= 0),
    description       TEXT         NOT NULL,
    related_entity_id VARCHAR(128),
    created_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_transactions_wallet_version UNIQUE (user_id, wallet_version)
);

CREATE TABLE vote_events (
    id            VARCHAR(64)  PRIMARY KEY,
    match_id      VARCHAR(64)  NOT NULL REFERENCES matches (id),
    points_award  INTEGER      NOT NULL,
    cost_per_vote INTEGER      NOT NULL,
    status        VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'COMPLETED')),
    votes_a       INTEGER      NOT NULL DEFAULT 0,
    votes_b       INTEGER      NOT NULL DEFAULT 0,
    winner_participant_id VARCHAR(64) REFERENCES tournament_participants (id),
    end_time      TIMESTAMPTZ  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX ix_vote_events_match ON vote_events (match_id, created_at);

CREATE TABLE user_votes (
    id                       VARCHAR(64)  PRIMARY KEY,
    user_id                  VARCHAR(64)  NOT NULL REFERENCES users (user_id),
    vote_event_id            VARCHAR(64)  NOT NULL REFERENCES vote_events (id),
    voted_for_participant_id VARCHAR(64)  NOT NULL REFERENCES tournament_participants (id),
    votes                    INTEGER      NOT NULL CHECK (votes > 0),
    points_spent             BIGINT       NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX ix_user_votes_event ON user_votes (vote_event_id);
CREATE INDEX ix_user_votes_user ON user_votes (user_id);

CREATE TABLE predictions (
    id                              VARCHAR(64)  PRIMARY KEY,
    user_id                         VARCHAR(64)  NOT NULL REFERENCES users (user_id),
    match_id                        VARCHAR(64)  NOT NULL REFERENCES matches (id),
    predicted_winner_participant_id VARCHAR(64)  NOT NULL REFERENCES tournament_participants (id),
    points_wagered                  BIGINT       NOT NULL CHECK (points_wagered > 0),
    payout                          BIGINT,
    status                          VARCHAR(16)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'WON', 'LOST', 'REFUNDED')),
    created_at                      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT uq_user_match_prediction UNIQUE (user_id, match_id)
);
CREATE INDEX ix_predictions_match ON predictions (match_id);
