-- Wakes every service's event store as soon as events are committed, instead of waiting for its next poll
-- (axon-notes.md §2.3): one NOTIFY per appending statement, delivered at commit, collapsed per transaction.
CREATE FUNCTION eventstore.notify_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('eventstore_appended', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_appended
    AFTER INSERT ON eventstore.domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION eventstore.notify_events_appended();
