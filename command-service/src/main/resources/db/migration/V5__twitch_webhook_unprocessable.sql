-- EventSub messages that can never be processed (issue #13): acknowledged 2xx so Twitch stops redelivering, and kept
-- whole with their cause for an operator. Their message id stays in twitch_webhook_message (a redelivery is not
-- parked twice); the retention job keeps those ids.
CREATE TABLE twitch_webhook_unprocessable (
    message_id        VARCHAR(255) PRIMARY KEY REFERENCES twitch_webhook_message (message_id),
    subscription_type VARCHAR(255),
    problem_type      VARCHAR(64)  NOT NULL,
    field             VARCHAR(64),
    detail            TEXT         NOT NULL,
    body              TEXT         NOT NULL,
    parked_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
