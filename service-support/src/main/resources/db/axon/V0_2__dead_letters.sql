-- Issue #13: Axon's JDBC dead-letter queue (JdbcSequencedDeadLetterQueue, default DeadLetterSchema names, which
-- PostgreSQL folds to lower case), with bytea for the serialized columns (Axon's generic DDL says BLOB). A poison event
-- is parked here with its cause, together with the later events of its sequence, and the rest of the stream goes on.
-- Only the processing groups listed in streamflix.dead-letters.processing-groups use it.
CREATE TABLE DeadLetterEntry (
    deadLetterIdentifier VARCHAR(255) NOT NULL,
    processingGroup      VARCHAR(255) NOT NULL,
    sequenceIdentifier   VARCHAR(255) NOT NULL,
    sequenceIndex        BIGINT       NOT NULL,
    messageType          VARCHAR(255) NOT NULL,
    eventIdentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadType          VARCHAR(255) NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA        NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255) NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT pk_dead_letter_entry PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT uq_dead_letter_sequence_index UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
CREATE INDEX ix_dead_letter_processing_group ON DeadLetterEntry (processingGroup);
CREATE INDEX ix_dead_letter_sequence ON DeadLetterEntry (processingGroup, sequenceIdentifier);
