-- A match's prediction book in its SNAPSHOT (RULES P1-P4, API.md Sockets): OPEN while predictions are taken, LOCKED
-- from the start, SETTLED once paid out or refunded; the pool (points) and the number of predictions per side.
-- Its events are the match's, so they move match_snapshot.version like any other. No checks on the numbers: the
-- events are the truth, and no event may stop the processor.
-- Matches stored before: an open book if not started yet, else a locked one, both empty (prediction events were not
-- read before; every later one carries the whole running pool, so a book that already had some shows it again then).
ALTER TABLE match_snapshot
    ADD COLUMN predictions_status  VARCHAR(16),
    ADD COLUMN predictions_pool_a  BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN predictions_pool_b  BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN predictions_count_a INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN predictions_count_b INTEGER NOT NULL DEFAULT 0;

UPDATE match_snapshot SET predictions_status = CASE status WHEN 'SCHEDULED' THEN 'OPEN' ELSE 'LOCKED' END;

ALTER TABLE match_snapshot
    ALTER COLUMN predictions_status SET DEFAULT 'OPEN',
    ALTER COLUMN predictions_status SET NOT NULL;
