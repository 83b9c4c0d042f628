-- A NOTIFY in a transaction takes a database-wide lock at commit and holds it through the commit's WAL flush, so
-- every appending transaction committed one after another: the event table's trigger made the whole event store a
-- single hot row (measured: a vote burst stalled at ~50 commits/s, each waiting ~30 ms for the lock). The services
-- now announce their commits themselves, after the commit and coalesced (AppendedEventsNotifier).
DROP TRIGGER domain_event_entry_appended ON eventstore.domain_event_entry;
DROP FUNCTION eventstore.notify_events_appended();
