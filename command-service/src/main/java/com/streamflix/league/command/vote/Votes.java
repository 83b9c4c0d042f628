package com.streamflix.league.command.vote;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.streamflix.league.api.match.CloseMatchVoteCommand;
import com.streamflix.league.api.match.MatchVoteOpenedEvent;
import com.streamflix.league.api.match.OpenMatchVoteCommand;
import com.streamflix.league.api.vote.AwardVoteBonusCommand;
import com.streamflix.league.api.vote.CastVotesCommand;
import com.streamflix.league.api.vote.CloseVoteCommand;
import com.streamflix.league.api.vote.StartVoteCommand;
import com.streamflix.league.api.vote.VoteClosedException;
import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.vote.VoteRefusedException;
import com.streamflix.league.api.wallet.InsufficientPointsException;
import com.streamflix.league.command.config.CommandTransactions;
import com.streamflix.league.support.web.ApiProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Live votes (RULES V1–V5) across the aggregates they touch.
 * <ul>
 * <li>Start: the {@code Match} takes the vote (V1: live, league, one at a time), the {@code VoteEvent} records its
 * terms, and the close is scheduled (db-scheduler, in the same transaction) for the end time.</li>
 * <li>Cast: one append on the voter's wallet (debit and votes together, V2) and one insert-only row in
 * {@code vote_cast}. Casts take a shared lock on the vote, so any number run side by side; the close takes it
 * exclusively, so it waits for every cast in flight and every later cast sees the vote closed (V3).</li>
 * <li>Close: counts the committed casts, records the result on the {@code VoteEvent}, frees the match, and gives
 * the winner's league points to the {@code Tournament} (V5), all in one transaction; a tie's refunds follow from
 * {@link VoteRefunds}.</li>
 * </ul>
 */
@Service
public class Votes {
    static final int MAX_VOTES_PER_CAST = 100;

    private final CommandGateway commands;
    private final CommandTransactions transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> closeTask;

    public Votes(CommandGateway commands, CommandTransactions transactions, JdbcTemplate jdbc, Clock clock,
                 @Lazy SchedulerClient scheduler, @Lazy @Qualifier(VoteDeadlines.CLOSE_VOTE) OneTimeTask<Void> closeTask) {
        this.commands = commands;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.scheduler = scheduler;
        this.closeTask = closeTask;
    }

    public record Started(String voteEventId, String matchId, String participantAId, String participantBId,
                          int pointsAward, long costPerVote, Instant startedAt, Instant endsAt) {
    }

    public record Cast(String castId, String voteEventId, String participantId, int votes, long cost, long balance) {
    }

    /** V1 (the award and the cost are checked by the {@code VoteEvent}, the match by the {@code Match}). */
    public Started start(String matchId, int pointsAward, long costPerVote, int durationSeconds) {
        if (durationSeconds < VoteEvent.MIN_DURATION_SECONDS || durationSeconds > VoteEvent.MAX_DURATION_SECONDS) {
            throw new VoteRefusedException("durationSeconds", "durationSeconds must be between "
                    + VoteEvent.MIN_DURATION_SECONDS + " and " + VoteEvent.MAX_DURATION_SECONDS);
        }
        String voteEventId = UUID.randomUUID().toString();
        Instant startedAt = clock.instant();
        Instant endsAt = startedAt.plus(Duration.ofSeconds(durationSeconds));
        return transactions.run(() -> {
            MatchVoteOpenedEvent match = commands.sendAndWait(new OpenMatchVoteCommand(matchId, voteEventId, endsAt));
            commands.sendAndWait(new StartVoteCommand(voteEventId, matchId, match.tournamentId(),
                    match.playerAParticipantId(), match.playerBParticipantId(), pointsAward, costPerVote, startedAt,
                    endsAt));
            jdbc.update("""
                            INSERT INTO vote_window (vote_event_id, match_id, participant_a_id, participant_b_id,
                                cost_per_vote, ends_at) VALUES (?, ?, ?, ?, ?, ?)""",
                    voteEventId, matchId, match.playerAParticipantId(), match.playerBParticipantId(), costPerVote,
                    java.sql.Timestamp.from(endsAt));
            // joins this transaction (the starter's DataSource is transaction-aware): no vote without its deadline
            scheduler.schedule(closeTask.instance(voteEventId), endsAt);
            return new Started(voteEventId, matchId, match.playerAParticipantId(), match.playerBParticipantId(),
                    pointsAward, costPerVote, startedAt, endsAt);
        });
    }

    /** V2, V3, W2: refused with nothing debited when closed, on a stranger to the match, or beyond the balance. */
    public Cast cast(String voteEventId, String userId, String participantId, int votes) {
        if (votes < 1 || votes > MAX_VOTES_PER_CAST) {
            throw new VoteRefusedException("votes", "votes must be between 1 and " + MAX_VOTES_PER_CAST);
        }
        String castId = UUID.randomUUID().toString();
        return transactions.run(() -> {
            VoteWindow vote = openWindow(voteEventId, userId);
            if (!participantId.equals(vote.participantAId()) && !participantId.equals(vote.participantBId())) {
                throw new VoteRefusedException("participantId", participantId + " does not play in this vote's match");
            }
            long cost = Math.multiplyExact(votes, vote.costPerVote());
            long balance;
            try {
                balance = commands.sendAndWait(new CastVotesCommand(userId, castId, voteEventId, vote.matchId(),
                        participantId, votes, vote.costPerVote()));
            } catch (AggregateNotFoundException noWallet) {
                throw new InsufficientPointsException(0, cost); // never earned a point: nothing recorded
            }
            jdbc.update("INSERT INTO vote_cast (cast_id, vote_event_id, user_id, participant_id, votes, cost) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", castId, voteEventId, userId, participantId, votes, cost);
            return new Cast(castId, voteEventId, participantId, votes, cost, balance);
        });
    }

    private record VoteWindow(String matchId, String participantAId, String participantBId, long costPerVote,
                              Instant endsAt, boolean closed) {
    }

    /**
     * Takes, in one round trip, the voter's lock (one viewer's casts queue briefly instead of failing on append
     * conflicts, across instances too; one that would wait longer is answered 429, see
     * CommandTransactions#boundedUserLock) and the vote's shared lock (the close cannot count while this cast is in
     * flight).
     */
    private VoteWindow openWindow(String voteEventId, String userId) {
        List<VoteWindow> found = jdbc.query("""
                        SELECT w.match_id, w.participant_a_id, w.participant_b_id, w.cost_per_vote, w.ends_at, w.closed
                        FROM (SELECT %s, pg_advisory_xact_lock_shared(hashtext(?))) AS locked,
                             vote_window w
                        WHERE w.vote_event_id = ?""".formatted(CommandTransactions.boundedUserLock()),
                (rs, row) -> new VoteWindow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant(), rs.getBoolean(6)),
                "wallet:" + userId, lockKey(voteEventId), voteEventId);
        if (found.isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "No vote " + voteEventId);
        }
        VoteWindow vote = found.get(0);
        if (vote.closed() || !clock.instant().isBefore(vote.endsAt())) {
            throw new VoteClosedException(voteEventId); // V3: after the end, refused and not charged
        }
        return vote;
    }

    /**
     * V3, V5: the deadline's work. Idempotent: a second run (a deadline picked again after a crash) finds the vote
     * closed and does nothing.
     */
    public void close(String voteEventId) {
        transactions.run(lockKey(voteEventId), () -> {
            // the vote's match and its tallies from every committed cast, in one read; nothing when already closed
            List<Map<String, Object>> open = jdbc.queryForList("""
                    SELECT w.match_id,
                           coalesce(sum(c.votes) FILTER (WHERE c.participant_id = w.participant_a_id), 0) AS a,
                           coalesce(sum(c.votes) FILTER (WHERE c.participant_id = w.participant_b_id), 0) AS b,
                           count(DISTINCT c.user_id) AS voters
                    FROM vote_window w LEFT JOIN vote_cast c ON c.vote_event_id = w.vote_event_id
                    WHERE w.vote_event_id = ? AND NOT w.closed
                    GROUP BY w.vote_event_id, w.match_id, w.participant_a_id, w.participant_b_id""", voteEventId);
            if (open.isEmpty()) {
                return null;
            }
            Map<String, Object> tally = open.get(0);
            VoteEndedEvent ended = commands.sendAndWait(new CloseVoteCommand(voteEventId,
                    ((Number) tally.get("a")).longValue(), ((Number) tally.get("b")).longValue(),
                    ((Number) tally.get("voters")).intValue()));
            commands.sendAndWait(new CloseMatchVoteCommand((String) tally.get("match_id"), voteEventId));
            if (ended != null && !ended.tie()) {
                commands.sendAndWait(new AwardVoteBonusCommand(ended.tournamentId(), voteEventId, ended.matchId(),
                        ended.winnerParticipantId(), ended.pointsAward()));
            }
            jdbc.update("UPDATE vote_window SET closed = true WHERE vote_event_id = ?", voteEventId);
            return null;
        });
    }

    private static String lockKey(String voteEventId) {
        return "vote:" + voteEventId;
    }
}
