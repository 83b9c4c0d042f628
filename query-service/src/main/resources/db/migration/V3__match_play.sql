-- Match play, the league table and the knockouts (RULES M1, S1–S3, K1–K4). Every row is a projection of events and
-- can be rebuilt by replaying them.

-- Matches as played (M1): when they started and ended, a walkover (recorded as its 3–0, flagged here), the latest
-- correction of the result (the original stays in the event history). scheduled_at follows reschedules; the players of
-- a knockout leg follow a recomposed tie. Which tie a knockout leg belongs to is knockout_ties' record.
ALTER TABLE matches
    ADD COLUMN walkover_winner_participant_id VARCHAR(64) REFERENCES tournament_participants (id),
    ADD COLUMN started_at                     TIMESTAMPTZ,
    ADD COLUMN completed_at                   TIMESTAMPTZ,
    ADD COLUMN correction_reason              TEXT,        -- the latest correction's reason; null if never corrected
    ADD COLUMN corrected_at                   TIMESTAMPTZ;
CREATE INDEX ix_matches_league_results ON matches (tournament_id) WHERE phase = 'LEAGUE' AND status = 'COMPLETED';

-- The league table (S1–S3), recomputed whole (LeagueTable.rank) whenever a league result lands or changes: the rank,
-- where it leads, and the opponents' criteria of S2. bonus_points (V5) is an input to the table, never recomputed.
ALTER TABLE league_standings
    ADD COLUMN rank                       INTEGER,
    ADD COLUMN zone                       VARCHAR(16) CHECK (zone IN ('ROUND_OF_16', 'PLAYOFFS', 'ELIMINATED')),
    ADD COLUMN opponents_points           INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN opponents_goal_difference  INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN opponents_goals_for        INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_standings_rank ON league_standings (tournament_id, rank);
-- No result existed before this migration: every existing table is all zeros, ranked by seeding (S2's last criterion).
UPDATE league_standings s
SET rank = p.seed_position,
    zone = CASE WHEN p.seed_position <= 8 THEN 'ROUND_OF_16' WHEN p.seed_position <= 24 THEN 'PLAYOFFS' ELSE 'ELIMINATED' END
FROM tournament_participants p
WHERE p.id = s.participant_id;

-- K4: the final's winner.
ALTER TABLE tournaments
    ADD COLUMN winner_participant_id VARCHAR(64) REFERENCES tournament_participants (id);

-- The knockouts' seeding as recorded (S3, K1): the final ranking (participant ids, place 1 first) and the halves
-- draw, so anyone can re-run KnockoutBracket.draw(ranking, seed) and compare its side S with side_s.
CREATE TABLE knockout_seedings (
    tournament_id  VARCHAR(64) PRIMARY KEY REFERENCES tournaments (id),
    seed           BIGINT      NOT NULL,
    seed_source    VARCHAR(16) NOT NULL,   -- SERVER or ADMIN: who chose the seed
    engine_version VARCHAR(32) NOT NULL,   -- the engine that re-runs this seed
    ranking        JSONB       NOT NULL,   -- [participant id] x 36, place 1 first
    side_s         JSONB       NOT NULL,   -- [participant id] x 12 on side S, in place order
    seeded_at      TIMESTAMPTZ NOT NULL
);

-- One row per knockout tie once both sides are known (K2); recomposed in place (same slot, same legs) when a corrected
-- result changes who won a tie feeding it, and decided again when a correction changes the tie itself (K3).
CREATE TABLE knockout_ties (
    tournament_id                   VARCHAR(64) NOT NULL REFERENCES tournaments (id),
    slot                            VARCHAR(8)  NOT NULL,  -- PO-S1 .. FINAL (ucl-format.md §6)
    round                           VARCHAR(16) NOT NULL CHECK (round IN ('PLAYOFF', 'ROUND_OF_16', 'QUARTER_FINAL',
                                        'SEMI_FINAL', 'FINAL')),
    better_participant_id           VARCHAR(64) NOT NULL REFERENCES tournament_participants (id), -- hosts leg 2
    worse_participant_id            VARCHAR(64) NOT NULL REFERENCES tournament_participants (id),
    leg1_match_id                   VARCHAR(64) NOT NULL,  -- the final's only match
    leg2_match_id                   VARCHAR(64),           -- null for the final
    recomposed_because              TEXT,
    started                         BOOLEAN     NOT NULL DEFAULT FALSE,
    winner_participant_id           VARCHAR(64) REFERENCES tournament_participants (id),
    loser_participant_id            VARCHAR(64) REFERENCES tournament_participants (id),
    winner_aggregate                INTEGER,
    loser_aggregate                 INTEGER,
    penalties_winner_participant_id VARCHAR(64) REFERENCES tournament_participants (id),
    correction_reason               TEXT,                  -- set when the decision came from a corrected result
    created_at                      TIMESTAMPTZ NOT NULL,
    decided_at                      TIMESTAMPTZ,
    PRIMARY KEY (tournament_id, slot)
);
CREATE UNIQUE INDEX ux_knockout_ties_leg1 ON knockout_ties (leg1_match_id);
CREATE UNIQUE INDEX ux_knockout_ties_leg2 ON knockout_ties (leg2_match_id);
