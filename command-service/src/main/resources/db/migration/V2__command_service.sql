-- command-service's own tables (schema "command"): Axon's saga store and the Twitch webhook inbox
-- (the token store is service-support's db/axon).
CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) PRIMARY KEY,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BYTEA
);

CREATE TABLE association_value_entry (
    id                BIGSERIAL PRIMARY KEY,
    association_key   VARCHAR(255),
    association_value VARCHAR(255),
    saga_id           VARCHAR(255),
    saga_type         VARCHAR(255)
);
CREATE INDEX ix_ave_lookup ON association_value_entry (saga_type, association_key, association_value);
CREATE INDEX ix_ave_saga ON association_value_entry (saga_id, saga_type);

-- Every EventSub message we accepted, by Twitch's message id: a redelivery (same id) is answered 2xx and not
-- processed again, also after a restart. Written in the same transaction as the events the message caused.
CREATE TABLE twitch_webhook_message (
    message_id        VARCHAR(255) PRIMARY KEY,
    message_type      VARCHAR(64)  NOT NULL,
    subscription_type VARCHAR(255),
    message_timestamp TIMESTAMPTZ  NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Revoked EventSub subscriptions (twitch.md §1.3): kept so an operator can see why events stopped.
CREATE TABLE twitch_subscription_revocation (
    message_id        VARCHAR(255) PRIMARY KEY REFERENCES twitch_webhook_message (message_id),
    subscription_id   VARCHAR(255) NOT NULL,
    subscription_type VARCHAR(255),
    status            VARCHAR(255) NOT NULL,
    body              TEXT         NOT NULL,
    revoked_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
