-- The broadcaster's Twitch user token (for the subscriber check, RULES R1), encrypted with AES-GCM by the service
-- (key: streamflix.twitch.token-encryption-key). Viewers' tokens are never stored.
CREATE TABLE twitch_broadcaster_token (
    broadcaster_id VARCHAR(64) PRIMARY KEY,
    access_token   BYTEA       NOT NULL,
    refresh_token  BYTEA,
    expires_at     TIMESTAMPTZ NOT NULL,
    scopes         TEXT        NOT NULL DEFAULT '',
    validated_at   TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
