package com.streamflix.league.query.audit;

import com.streamflix.league.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * The ledger's jobs: {@code POST /api/audit/verify} (auditors and admins) and the wallet ledger's projection rebuild
 * (admins), each followed by {@code GET} on the job's URL until it is done.
 */
@RestController
public class AuditController {
    private static final String VERIFY = "/api/audit/verify";
    private static final String REBUILD = "/api/admin/projections/wallet-ledger/rebuild";

    private final AuditJobs jobs;
    private final LedgerVerification verification;
    private final WalletLedgerRebuild rebuild;

    public AuditController(AuditJobs jobs, LedgerVerification verification, WalletLedgerRebuild rebuild) {
        this.jobs = jobs;
        this.verification = verification;
        this.rebuild = rebuild;
    }

    /** A job as clients see it: progress while it runs, the result when it is done. */
    public record JobView(UUID jobId, AuditJobs.Kind kind, AuditJobs.Status status, String phase, String requestedBy,
                          Progress progress, Instant startedAt, Instant updatedAt, Instant finishedAt, Object result,
                          String error) {
        static JobView of(AuditJobs.Job job) {
            return new JobView(job.id(), job.kind(), job.status(), job.phase(), job.requestedBy(),
                    new Progress(job.eventsProcessed(), job.eventsTotal(), job.eventsTotal() == 0 ? 0
                            : Math.min(100, (int) (job.eventsProcessed() * 100 / job.eventsTotal()))),
                    job.startedAt(), job.updatedAt(), job.finishedAt(), job.result(), job.error());
        }
    }

    public record Progress(long eventsProcessed, long eventsTotal, int percent) {
    }

    /** Starts a verification, or answers with the one running. */
    @PostMapping(VERIFY)
    public ResponseEntity<JobView> verify(Authentication who) {
        return accepted(VERIFY, jobs.start(AuditJobs.Kind.VERIFY, who.getName(), verification::run));
    }

    @GetMapping(VERIFY + "/{jobId}")
    public JobView verification(@PathVariable UUID jobId) {
        return find(jobId, AuditJobs.Kind.VERIFY);
    }

    /** Starts a rebuild of the wallet ledger's projection, or answers with the one running. */
    @PostMapping(REBUILD)
    public ResponseEntity<JobView> rebuild(Authentication who) {
        return accepted(REBUILD, jobs.start(AuditJobs.Kind.REBUILD_WALLET_LEDGER, who.getName(), rebuild::run));
    }

    @GetMapping(REBUILD + "/{jobId}")
    public JobView rebuildStatus(@PathVariable UUID jobId) {
        return find(jobId, AuditJobs.Kind.REBUILD_WALLET_LEDGER);
    }

    private static ResponseEntity<JobView> accepted(String path, AuditJobs.Job job) {
        return ResponseEntity.accepted().location(URI.create(path + "/" + job.id())).body(JobView.of(job));
    }

    private JobView find(UUID jobId, AuditJobs.Kind kind) {
        return jobs.find(jobId).filter(job -> job.kind() == kind).map(JobView::of)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "No such job: " + jobId)
                        .with("field", "jobId"));
    }
}
