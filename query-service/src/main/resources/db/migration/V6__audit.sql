-- Issue #12: long audit and admin operations (ledger verification, projection rebuild) run as jobs; their progress
-- and result are kept here, so a restart does not lose a report and any instance can answer for a job.
CREATE TABLE audit_jobs (
    id                UUID         PRIMARY KEY,
    kind              VARCHAR(32)  NOT NULL CHECK (kind IN ('VERIFY', 'REBUILD_WALLET_LEDGER')),
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    phase             VARCHAR(32),
    requested_by      VARCHAR(128) NOT NULL,
    events_processed  BIGINT       NOT NULL DEFAULT 0,
    events_total      BIGINT       NOT NULL DEFAULT 0,
    result            JSONB,
    error             TEXT,
    started_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    finished_at       TIMESTAMPTZ
);
-- one job at a time, whatever its kind: a verification must not read the tables a rebuild swaps under it
CREATE UNIQUE INDEX uq_audit_jobs_running ON audit_jobs ((TRUE)) WHERE status = 'RUNNING';

-- What made each transaction unique on its wallet (a redemption id, a vote cast ...): a vote's debit names its cast
-- through it ("vote-cast:" + cast id). Rows projected before this column are filled in by a rebuild.
ALTER TABLE transactions ADD COLUMN idempotency_key VARCHAR(255);
