-- Live votes (RULES V1-V5).

-- db-scheduler's table (16.x, PostgreSQL): durable deadlines, each due task picked by exactly one instance (V3).
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- The terms a cast is checked against, written with the vote's start; closed with its end (in the same transactions
-- as the events), so a cast that waited for the close sees it.
CREATE TABLE vote_window (
    vote_event_id     text PRIMARY KEY,
    match_id          text        NOT NULL,
    participant_a_id  text        NOT NULL,
    participant_b_id  text        NOT NULL,
    cost_per_vote     bigint      NOT NULL,
    ends_at           timestamptz NOT NULL,
    closed            boolean     NOT NULL DEFAULT false
);

-- Every committed cast, appended in the cast's transaction: the close counts the tallies from it, and a tie's
-- refunds pay each voter what they spent. Insert-only, so a burst never waits on one hot row.
CREATE TABLE vote_cast (
    cast_id        text PRIMARY KEY,
    vote_event_id  text    NOT NULL,
    user_id        text    NOT NULL,
    participant_id text    NOT NULL,
    votes          int     NOT NULL CHECK (votes > 0),
    cost           bigint  NOT NULL CHECK (cost > 0)
);
CREATE INDEX vote_cast_vote_idx ON vote_cast (vote_event_id);
