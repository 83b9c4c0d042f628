-- What a match's live channel sends first (SNAPSHOT, API.md Sockets): the match as of its latest event.
-- version = the number of events in the match's stream (sequence number + 1), the same as on every push, so it
-- only grows and a socket drops any push not newer than its snapshot. Ids are as long as the event store allows, so no
-- event can stop the processor (the socket path itself only takes match ids of up to 64 characters).
CREATE TABLE match_snapshot (
    match_id                        VARCHAR(255) PRIMARY KEY,
    tournament_id                   VARCHAR(255),
    version                         BIGINT       NOT NULL,
    status                          VARCHAR(16)  NOT NULL,
    phase                           VARCHAR(32),
    matchday                        INTEGER,
    scheduled_at                    TIMESTAMPTZ,
    player_a_participant_id         VARCHAR(255),
    player_a_user_id                VARCHAR(255),
    player_b_participant_id         VARCHAR(255),
    player_b_user_id                VARCHAR(255),
    -- the live score from the start (0–0), then the final (or corrected) one
    score_a                         INTEGER,
    score_b                         INTEGER,
    penalties_winner_participant_id VARCHAR(255),
    walkover_winner_participant_id  VARCHAR(255),
    winner_participant_id           VARCHAR(255),
    updated_at                      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
