-- realtime-service's tables (schema "realtime").
-- The latest balance of every wallet, so a socket can be told the current balance the moment it connects
-- (RULES W4). version = the number of events in the wallet's stream, so it only grows.
CREATE TABLE wallet_balance (
    user_id    VARCHAR(64) PRIMARY KEY,
    balance    BIGINT      NOT NULL CHECK (balance >= 0),
    version    BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
