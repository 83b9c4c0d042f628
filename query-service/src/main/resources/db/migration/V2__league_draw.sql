-- The league draw as recorded (RULES D4): one row per tournament, with players named by user id exactly as the
-- engine takes them, so anyone can re-run LeagueDraw.draw(pots, seed) and compare the fixtures. The draw's matches
-- are rows of "matches" (one per MatchScheduledEvent), with the participants' current state.
CREATE TABLE league_draws (
    tournament_id             VARCHAR(64) PRIMARY KEY REFERENCES tournaments (id),
    seed                      BIGINT,                -- null for a draw held elsewhere (imported)
    seed_source               VARCHAR(16),           -- SERVER or ADMIN: who chose the seed (null when imported)
    engine_version            VARCHAR(32),           -- the engine that re-runs this seed (null when imported)
    imported                  BOOLEAN     NOT NULL,
    pots                      JSONB       NOT NULL,  -- [[9 user ids] x 4], pot 1 first
    fixtures                  JSONB       NOT NULL,  -- [{matchday, playerA, playerB}] x 144: user ids, A at home,
                                                     -- by matchday, then by the host's place in the pots
    first_matchday_at         TIMESTAMPTZ NOT NULL,
    matchday_interval_seconds BIGINT      NOT NULL CHECK (matchday_interval_seconds > 0),
    drawn_at                  TIMESTAMPTZ NOT NULL
);
