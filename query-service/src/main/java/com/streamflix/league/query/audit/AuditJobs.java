package com.streamflix.league.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.streamflix.league.support.web.ApiProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Long audit and admin operations as jobs (a verification, a projection rebuild): started on request, run on a
 * thread of their own, their progress and result kept in {@code audit_jobs} so any request, on any instance, can
 * follow them. One job at a time, whatever the kind (a unique index): asking again for the kind that runs returns
 * that job; asking for another kind is refused (409) until it ends.
 */
@Component
public class AuditJobs {
    private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);
    /** A running job writes its progress at least this often; one silent for longer died with its instance. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    public enum Kind { VERIFY, REBUILD_WALLET_LEDGER }

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    /** What a running job reports back. */
    public interface Progress {
        void total(long events);

        void processed(long events, String phase);
    }

    /** The work of a job: returns its result (any JSON-able value). */
    public interface Work {
        Object run(Progress progress) throws Exception;
    }

    public record Job(UUID id, Kind kind, Status status, String phase, String requestedBy, long eventsProcessed,
                      long eventsTotal, Instant startedAt, Instant updatedAt, Instant finishedAt, JsonNode result,
                      String error) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    /** Progress is written in a transaction of its own: the job's reads may hold a long read-only one. */
    private final TransactionTemplate ownTransaction;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "audit-job");
        thread.setDaemon(true);
        return thread;
    });

    public AuditJobs(JdbcTemplate jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Starts a job of this kind, or returns the one already running. */
    public Job start(Kind kind, String requestedBy, Work work) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        failStalled();
        try {
            jdbc.update("""
                    INSERT INTO audit_jobs (id, kind, status, phase, requested_by, started_at, updated_at)
                    VALUES (?, ?, 'RUNNING', 'STARTING', ?, ?, ?)""", id, kind.name(), requestedBy, now, now);
        } catch (DuplicateKeyException busy) {
            Job running = running().orElseThrow(() -> busy);
            if (running.kind() != kind) {
                throw new ApiProblem(HttpStatus.CONFLICT, "job-running", "A " + running.kind() + " job is running ("
                        + running.id() + "); try again when it has ended").with("jobId", running.id());
            }
            return running;
        }
        workers.execute(() -> run(id, kind, work));
        return find(id).orElseThrow();
    }

    public Optional<Job> find(UUID id) {
        return jdbc.query("SELECT * FROM audit_jobs WHERE id = ?", (rs, i) -> job(rs), id).stream().findFirst();
    }

    private Optional<Job> running() {
        return jdbc.query("SELECT * FROM audit_jobs WHERE status = 'RUNNING'", (rs, i) -> job(rs)).stream()
                .findFirst();
    }

    /** A job whose instance died (no progress for a while) is marked failed, so a new one can start. */
    private void failStalled() {
        jdbc.update("""
                        UPDATE audit_jobs SET status = 'FAILED', error = 'stopped reporting progress (its instance restarted?)',
                                              finished_at = now()
                        WHERE status = 'RUNNING' AND updated_at < ?""",
                Timestamp.from(Instant.now().minus(STALLED_AFTER)));
    }

    private void run(UUID id, Kind kind, Work work) {
        long started = System.nanoTime();
        try {
            Object result = work.run(new Progress() {
                @Override
                public void total(long events) {
                    ownTransaction.executeWithoutResult(status -> jdbc.update(
                            "UPDATE audit_jobs SET events_total = ?, updated_at = now() WHERE id = ?", events, id));
                }

                @Override
                public void processed(long events, String phase) {
                    ownTransaction.executeWithoutResult(status -> jdbc.update(
                            "UPDATE audit_jobs SET events_processed = ?, phase = ?, updated_at = now() WHERE id = ?",
                            events, phase, id));
                }
            });
            jdbc.update("""
                            UPDATE audit_jobs SET status = 'SUCCEEDED', phase = 'DONE', result = ?::jsonb,
                                                  updated_at = now(), finished_at = now()
                            WHERE id = ?""", json.writeValueAsString(result), id);
            log.info("{} job {} done in {} ms", kind, id, (System.nanoTime() - started) / 1_000_000);
        } catch (Exception | Error e) {
            log.error("{} job {} failed", kind, id, e);
            // the cause's details (SQL, table names) stay in the log; the job says where to look
            jdbc.update("""
                    UPDATE audit_jobs SET status = 'FAILED', error = ?, updated_at = now(), finished_at = now()
                    WHERE id = ?""", "failed (" + e.getClass().getSimpleName() + "); query-service's log has the cause "
                    + "under job " + id, id);
        }
    }

    private Job job(java.sql.ResultSet rs) throws java.sql.SQLException {
        String result = rs.getString("result");
        try {
            return new Job(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
                    Status.valueOf(rs.getString("status")), rs.getString("phase"), rs.getString("requested_by"),
                    rs.getLong("events_processed"), rs.getLong("events_total"), instant(rs, "started_at"),
                    instant(rs, "updated_at"), instant(rs, "finished_at"),
                    result == null ? null : json.readTree(result), rs.getString("error"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_jobs.result is not JSON", e);
        }
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
