-- The event store (Axon JdbcEventStorageEngine), shared by all services. Every service applies these
-- migrations at start (Flyway locks, so concurrent starts are safe) with their own history in schema eventstore.
-- Layout: axon-notes.md §1.3. bytea payloads, a private BIGSERIAL global index (no shared sequence, so
-- no stray gaps), the unique (aggregate, sequence) key that makes concurrent appends fail instead of fork.
CREATE TABLE eventstore.domain_event_entry (
    global_index         BIGSERIAL    PRIMARY KEY,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    CONSTRAINT uk_dee_aggregate_seq UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT uk_dee_event_id UNIQUE (event_identifier)
);

CREATE TABLE eventstore.snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);
