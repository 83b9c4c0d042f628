-- A match's live votes in its SNAPSHOT (RULES V1-V5, API.md Sockets): one row per vote event, OPEN from its start,
-- CLOSED with the final tallies and the winner (null on a tie). Kept by the shared processor realtime-votes
-- (VoteSnapshots); the SNAPSHOT shows the match's latest vote, and the running tallies are read from here too
-- (VoteTallies), so every realtime instance sends the same numbers. No checks on the numbers: the events are the
-- truth, and no event may stop the processor.
CREATE TABLE vote_snapshot (
    vote_event_id         VARCHAR(255) PRIMARY KEY,
    match_id              VARCHAR(255) NOT NULL,
    status                VARCHAR(16)  NOT NULL,
    participant_a_id      VARCHAR(255),
    participant_b_id      VARCHAR(255),
    points_award          INTEGER,
    cost_per_vote         BIGINT,
    started_at            TIMESTAMPTZ,
    ends_at               TIMESTAMPTZ,
    votes_a               BIGINT       NOT NULL DEFAULT 0,
    votes_b               BIGINT       NOT NULL DEFAULT 0,
    voters                INTEGER      NOT NULL DEFAULT 0,
    winner_participant_id VARCHAR(255),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- the match's latest vote, for its SNAPSHOT
CREATE INDEX vote_snapshot_by_match ON vote_snapshot (match_id, started_at DESC NULLS LAST);

-- Who has voted in a running vote, and the version of their wallet's stream after their last counted cast: a cast
-- is counted once (a redelivered one is not newer), and a first cast counts a voter. Emptied when the vote closes.
CREATE TABLE vote_voter (
    vote_event_id  VARCHAR(255) NOT NULL,
    user_id        VARCHAR(255) NOT NULL,
    wallet_version BIGINT       NOT NULL,
    PRIMARY KEY (vote_event_id, user_id)
);
