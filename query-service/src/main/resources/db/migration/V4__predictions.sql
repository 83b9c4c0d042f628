-- Predictions (RULES P1–P4) and the points leaderboard (W3). Every row is a projection of events and can be rebuilt
-- by replaying them.

-- One row per prediction (P1), as placed, locked and settled. No prediction was projected before this migration (the
-- table has been empty since V1), so the new NOT NULL columns need no backfill.
--   side:             A or B, the match's player A (home) or B, as the book counts it
--   book_order:       the prediction's place in its match's book (0 = first), P2's tie-break for rounding
--   settlement_round: the settlement the row shows (0 until settled; each P4 re-settlement adds one)
--   payout:           what the current round pays or refunds it (0 for a lost prediction; null until settled)
--   reversed:         what P4 re-settlements reversed of earlier rounds' payouts and refunds, in total
--   written_off:      the part of "reversed" the balance could not cover (W2), as the ledger recorded it
ALTER TABLE predictions DROP CONSTRAINT predictions_status_check;
ALTER TABLE predictions
    ADD CONSTRAINT predictions_status_check CHECK (status IN ('OPEN', 'LOCKED', 'WON', 'LOST', 'REFUNDED')),
    ADD CONSTRAINT predictions_payout_check CHECK (payout >= 0),
    ADD COLUMN tournament_id    VARCHAR(64) NOT NULL REFERENCES tournaments (id),
    ADD COLUMN side             CHAR(1)     NOT NULL CHECK (side IN ('A', 'B')),
    ADD COLUMN book_order       INTEGER     NOT NULL CHECK (book_order >= 0),
    ADD COLUMN settlement_round INTEGER     NOT NULL DEFAULT 0 CHECK (settlement_round >= 0),
    ADD COLUMN outcome          VARCHAR(32) CHECK (outcome IN ('PAID', 'REFUNDED_DRAW', 'REFUNDED_NO_WINNER',
                                    'REFUNDED_CANCELLED')),
    ADD COLUMN reversed         BIGINT      NOT NULL DEFAULT 0 CHECK (reversed >= 0),
    ADD COLUMN written_off      BIGINT      NOT NULL DEFAULT 0 CHECK (written_off >= 0),
    ADD COLUMN settled_at       TIMESTAMPTZ,
    ADD COLUMN updated_at       TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX ix_predictions_user ON predictions (user_id, created_at DESC, id DESC);

-- One book per match that took a prediction or was locked or settled: its pools and counts per side (P1), then how it
-- was settled (P2/P3) and, after a corrected result, settled again (P4: round > 1, with the correction's reason).
CREATE TABLE prediction_books (
    match_id              VARCHAR(64) PRIMARY KEY REFERENCES matches (id),
    tournament_id         VARCHAR(64) NOT NULL REFERENCES tournaments (id),
    status                VARCHAR(16) NOT NULL CHECK (status IN ('OPEN', 'LOCKED', 'SETTLED')),
    pool_a                BIGINT      NOT NULL DEFAULT 0 CHECK (pool_a >= 0),
    pool_b                BIGINT      NOT NULL DEFAULT 0 CHECK (pool_b >= 0),
    count_a               INTEGER     NOT NULL DEFAULT 0 CHECK (count_a >= 0),
    count_b               INTEGER     NOT NULL DEFAULT 0 CHECK (count_b >= 0),
    winner_participant_id VARCHAR(64) REFERENCES tournament_participants (id),  -- null for a draw
    outcome               VARCHAR(32) CHECK (outcome IN ('PAID', 'REFUNDED_DRAW', 'REFUNDED_NO_WINNER',
                              'REFUNDED_CANCELLED')),
    round                 INTEGER     NOT NULL DEFAULT 0 CHECK (round >= 0),  -- 0 until settled
    winners               INTEGER,                                           -- predictions paid in this round
    correction_reason     TEXT,                                              -- the correction behind round > 1
    locked_at             TIMESTAMPTZ,
    settled_at            TIMESTAMPTZ,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_prediction_books_tournament ON prediction_books (tournament_id);

-- What a P4 reversal could not take back (W2), one row per PointsWrittenOffEvent (id = the event's identifier, so a
-- replayed or redelivered event counts once); predictions.written_off is their sum per prediction.
CREATE TABLE prediction_write_offs (
    event_id        VARCHAR(64)  PRIMARY KEY,
    prediction_id   VARCHAR(64)  NOT NULL REFERENCES predictions (id),
    user_id         VARCHAR(64)  NOT NULL REFERENCES users (user_id),
    amount          BIGINT       NOT NULL CHECK (amount > 0),
    reason          TEXT,
    idempotency_key VARCHAR(200),
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_prediction_write_offs_prediction ON prediction_write_offs (prediction_id);

-- The leaderboard (GET /api/leaderboard): by balance (points_balance, kept by the ledger's projection) or by what a
-- user won from predictions: prediction_net, the signed sum of their ledger amounts of types PREDICTION_WAGER,
-- PREDICTION_PAYOUT, PREDICTION_REFUND and PREDICTION_REVERSAL; prediction_version is the wallet version of the last
-- of them counted (-1: the user never predicted), which keeps a replayed or redelivered event from counting twice.
ALTER TABLE users
    ADD COLUMN prediction_net     BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN prediction_version BIGINT NOT NULL DEFAULT -1;
UPDATE users u
SET prediction_net = t.net, prediction_version = t.version
FROM (SELECT user_id, sum(amount) AS net, max(wallet_version) AS version
      FROM transactions
      WHERE type IN ('PREDICTION_WAGER', 'PREDICTION_PAYOUT', 'PREDICTION_REFUND', 'PREDICTION_REVERSAL')
      GROUP BY user_id) t
WHERE t.user_id = u.user_id;
CREATE INDEX ix_users_leaderboard_balance ON users (points_balance DESC, user_id);
CREATE INDEX ix_users_leaderboard_won ON users (prediction_net DESC, user_id) WHERE prediction_version >= 0;
