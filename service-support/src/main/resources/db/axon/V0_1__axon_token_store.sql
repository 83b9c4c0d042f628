-- Axon's token store (JdbcTokenStore, names from EventStoreTables.tokenSchema()), in the schema of the service
-- that applies it: every service keeps the progress of its own event processors. Shared by all services through
-- spring.flyway.locations (version 0.1 sorts before each service's own migrations).
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
