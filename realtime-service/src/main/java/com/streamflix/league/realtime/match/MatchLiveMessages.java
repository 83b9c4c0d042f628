package com.streamflix.league.realtime.match;

import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchStatus;
import com.streamflix.league.api.prediction.PredictionBookSettledEvent;
import com.streamflix.league.api.prediction.PredictionPool;
import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.vote.VoteStartedEvent;
import com.streamflix.league.api.vote.VoteStatus;
import com.streamflix.league.predictions.Parimutuel;

import java.time.Instant;

/**
 * The wire format of {@code /api/matches/{id}/live} (API.md, Sockets; RULES M1). Every message names its match and
 * the version of the match's stream it reflects (the match aggregate's sequence number + 1 after the event), so a
 * client, like the server, can ignore anything not newer than what it has. Player A is the home side; times are
 * ISO-8601 UTC. The prediction book (RULES P1-P4) is part of the match's stream: its events share the match's
 * sequence numbers, so its messages ({@code PREDICTIONS_*}) carry the same kind of version.
 * <p>
 * Live votes (RULES V1-V5) are not the match's stream: their start and end are the {@code VoteEvent}'s and every cast
 * is on its voter's wallet. So their messages ({@link VoteMessage}: {@code VOTE_STARTED}, {@code VOTE_TALLY},
 * {@code VOTE_ENDED}) carry no {@code version} and never move the match's; they name their {@code voteEventId}. The
 * server orders them by the vote's own version ({@link VoteMessage#voteVersion}), kept per socket like the match's,
 * so a vote's messages never go back: its start, then tallies that only grow, then its end.
 */
public final class MatchLiveMessages {

    private MatchLiveMessages() {
    }

    /**
     * A message of a vote on the match's channel. Its version (for the server only, not on the wire) counts the vote's
     * progress: 0 at the start, the number of votes counted on a tally, that number + 1 at the end. Casts only add
     * votes, and the end carries every committed cast (the close counts them after the last one, V3), so the versions
     * follow the vote's history and a socket that takes only growing versions never shows a smaller tally after a
     * larger one, nor a tally after the end.
     */
    public sealed interface VoteMessage permits VoteStarted, VoteTally, VoteEnded {
        String type();

        String matchId();

        String voteEventId();

        long voteVersion();

        static long voteVersion(long votesA, long votesB, boolean closed) {
            return votesA + votesB + (closed ? 1 : 0);
        }
    }

    /** A message of the match's own stream. */
    public sealed interface MatchMessage permits MatchSnapshot, MatchStarted, ScoreUpdate, MatchCompleted,
            ResultCorrected, MatchRescheduled, ParticipantsChanged, PredictionsUpdated, PredictionsLocked,
            PredictionsSettled {
        String type();

        String matchId();

        long version();
    }

    public record Player(String participantId, String userId) {
    }

    /** A final result; {@code walkover} true when it was recorded as a forfeit (3–0 for the winner). */
    public record Result(int scoreA, int scoreB, String winnerParticipantId, String penaltiesWinnerParticipantId,
                         boolean walkover) {
        static Result of(MatchResult result) {
            return new Result(result.scoreA(), result.scoreB(), result.winnerParticipantId(),
                    result.penaltiesWinnerParticipantId(), result.isWalkover());
        }
    }

    /**
     * The first message on a socket: the match as of {@code version}. {@code status} is {@code UNKNOWN} (version 0,
     * the rest null) for a match not scheduled yet; the score is null until the match starts, then 0–0, and
     * {@code result} is set once it is completed. A match's scheduling is also pushed as a {@code SNAPSHOT}, so a
     * viewer who connected before it was stored learns it; a client replaces its state with any SNAPSHOT newer than
     * what it has. {@code predictions} is the match's prediction book as of the same version (null while the match is
     * unknown, and whenever predictions are switched off, {@code streamflix.predictions.enabled=false}). {@code vote}
     * is the match's latest live vote ({@link Vote}: the running one with its tallies so far, or the last one ended,
     * with its result), null when the match never had one; it reflects the vote's own version, not {@code version}.
     */
    public record MatchSnapshot(String type, String matchId, long version, String status, String tournamentId,
                                String phase, Integer matchday, String scheduledAt, Player playerA, Player playerB,
                                Integer scoreA, Integer scoreB, Result result, Predictions predictions, Vote vote)
            implements MatchMessage {
        public static final String UNKNOWN = "UNKNOWN";

        public MatchSnapshot(String matchId, long version, String status, String tournamentId, String phase,
                             Integer matchday, Instant scheduledAt, Player playerA, Player playerB, Integer scoreA,
                             Integer scoreB, Result result, Predictions predictions, Vote vote) {
            this("SNAPSHOT", matchId, version, status, tournamentId, phase, matchday, iso(scheduledAt), playerA,
                    playerB, scoreA, scoreB, result, predictions, vote);
        }

        /** A snapshot without a vote. */
        public MatchSnapshot(String matchId, long version, String status, String tournamentId, String phase,
                             Integer matchday, Instant scheduledAt, Player playerA, Player playerB, Integer scoreA,
                             Integer scoreB, Result result, Predictions predictions) {
            this(matchId, version, status, tournamentId, phase, matchday, scheduledAt, playerA, playerB, scoreA,
                    scoreB, result, predictions, null);
        }

        /** A snapshot without the prediction book (predictions switched off). */
        public MatchSnapshot(String matchId, long version, String status, String tournamentId, String phase,
                             Integer matchday, Instant scheduledAt, Player playerA, Player playerB, Integer scoreA,
                             Integer scoreB, Result result) {
            this(matchId, version, status, tournamentId, phase, matchday, scheduledAt, playerA, playerB, scoreA,
                    scoreB, result, null);
        }

        /**
         * A match just scheduled, as its first event says: pushed too, for viewers the store has not caught up. Its
         * book is open and empty (P1), or absent when predictions are switched off.
         */
        static MatchSnapshot scheduled(MatchScheduledEvent event, long version, boolean predictionsEnabled) {
            return new MatchSnapshot(event.matchId(), version, MatchStatus.SCHEDULED.name(), event.tournamentId(),
                    event.phase().name(), event.matchday(), event.scheduledAt(),
                    new Player(event.playerAParticipantId(), event.playerAUserId()),
                    new Player(event.playerBParticipantId(), event.playerBUserId()), null, null, null,
                    predictionsEnabled ? Predictions.of(Predictions.OPEN, PredictionPool.EMPTY) : null);
        }

        static MatchSnapshot unknown(String matchId) {
            return new MatchSnapshot(matchId, 0, UNKNOWN, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * The match's latest live vote in a {@code SNAPSHOT} (RULES V1-V5): {@code status} {@code OPEN} until it ends, then
     * {@code CLOSED}; its terms (the award in league points, the cost of one vote in points, player A's and B's
     * participant ids, start and end times), the votes per side and the number of voters so far (final once closed),
     * and once closed {@code winnerParticipantId} (strictly more votes) and {@code tie} (no winner, every voter
     * refunded); both null while it runs.
     */
    public record Vote(String voteEventId, String status, int pointsAward, long costPerVote, String participantAId,
                       String participantBId, String startedAt, String endsAt, long votesA, long votesB, int voters,
                       String winnerParticipantId, Boolean tie) {

        public Vote(String voteEventId, String status, int pointsAward, long costPerVote, String participantAId,
                    String participantBId, Instant startedAt, Instant endsAt, long votesA, long votesB, int voters,
                    String winnerParticipantId) {
            this(voteEventId, status, pointsAward, costPerVote, participantAId, participantBId, iso(startedAt),
                    iso(endsAt), votesA, votesB, voters, winnerParticipantId,
                    VoteStatus.CLOSED.name().equals(status) ? winnerParticipantId == null : null);
        }

        boolean closed() {
            return VoteStatus.CLOSED.name().equals(status);
        }

        /** The vote's version this shows ({@link VoteMessage#voteVersion}); not on the wire. */
        long voteVersion() {
            return VoteMessage.voteVersion(votesA, votesB, closed());
        }
    }

    /**
     * A vote opened on the match (RULES V1): until {@code endsAt}, a vote for player A ({@code participantAId}) or B
     * costs {@code costPerVote} points, and the side with strictly more votes earns {@code pointsAward} league points.
     */
    public record VoteStarted(String type, String matchId, String voteEventId, int pointsAward, long costPerVote,
                              String participantAId, String participantBId, String startedAt, String endsAt)
            implements VoteMessage {
        public VoteStarted(VoteStartedEvent event) {
            this("VOTE_STARTED", event.matchId(), event.voteEventId(), event.pointsAward(), event.costPerVote(),
                    event.participantAId(), event.participantBId(), iso(event.startedAt()), iso(event.endsAt()));
        }

        @Override
        public long voteVersion() {
            return VoteMessage.voteVersion(0, 0, false);
        }
    }

    /**
     * The running vote's tallies (RULES V4): throttled per vote (at most one every
     * {@code streamflix.realtime.vote-tally-interval}), always the newest counted, the last one as the casts ended.
     */
    public record VoteTally(String type, String matchId, String voteEventId, long votesA, long votesB, int voters)
            implements VoteMessage {
        public VoteTally(String matchId, Vote vote) {
            this("VOTE_TALLY", matchId, vote.voteEventId(), vote.votesA(), vote.votesB(), vote.voters());
        }

        @Override
        public long voteVersion() {
            return VoteMessage.voteVersion(votesA, votesB, false);
        }
    }

    /**
     * The vote closed (RULES V4, V5) with its final tallies: {@code winnerParticipantId} had strictly more votes and
     * earns {@code pointsAward} league points; on a tie (no votes included) it is null, {@code tie} is true and every
     * voter is refunded.
     */
    public record VoteEnded(String type, String matchId, String voteEventId, long votesA, long votesB, int voters,
                            String winnerParticipantId, boolean tie, int pointsAward) implements VoteMessage {
        public VoteEnded(VoteEndedEvent event) {
            this("VOTE_ENDED", event.matchId(), event.voteEventId(), event.votesA(), event.votesB(), event.voters(),
                    event.winnerParticipantId(), event.tie(), event.pointsAward());
        }

        @Override
        public long voteVersion() {
            return VoteMessage.voteVersion(votesA, votesB, true);
        }
    }

    /**
     * The match's prediction book in a {@code SNAPSHOT} (RULES P1-P4): {@code status} {@code OPEN} while predictions
     * are taken, {@code LOCKED} from the start (or for a match that ended without a settlement, e.g. an empty book),
     * {@code SETTLED} once paid out or refunded; the pool (points) and number of predictions per side (A = home), and
     * the implied decimal odds per side, total pool / side's pool ({@link Parimutuel#impliedOdds}), null for a side
     * nobody picked.
     */
    public record Predictions(String status, long poolA, long poolB, int countA, int countB, Double oddsA,
                              Double oddsB) {
        public static final String OPEN = "OPEN";
        public static final String LOCKED = "LOCKED";
        public static final String SETTLED = "SETTLED";

        public static Predictions of(String status, PredictionPool pool) {
            return new Predictions(status, pool.poolA(), pool.poolB(), pool.countA(), pool.countB(),
                    Parimutuel.impliedOdds(pool.poolA(), pool.poolB(), true),
                    Parimutuel.impliedOdds(pool.poolA(), pool.poolB(), false));
        }
    }

    /**
     * The open book's pool changed (RULES P1): throttled per match (at most one every
     * {@code streamflix.realtime.prediction-update-interval}), always the newest pool, {@code version} that of the
     * placement it shows.
     */
    public record PredictionsUpdated(String type, String matchId, long version, long poolA, long poolB, int countA,
                                     int countB, Double oddsA, Double oddsB) implements MatchMessage {
        public PredictionsUpdated(String matchId, long version, PredictionPool pool) {
            this("PREDICTIONS_UPDATED", matchId, version, pool.poolA(), pool.poolB(), pool.countA(), pool.countB(),
                    Parimutuel.impliedOdds(pool.poolA(), pool.poolB(), true),
                    Parimutuel.impliedOdds(pool.poolA(), pool.poolB(), false));
        }
    }

    /** The match started, so its book takes no more predictions (RULES P1, M1): the final pool per side. */
    public record PredictionsLocked(String type, String matchId, long version, long poolA, long poolB, int countA,
                                    int countB) implements MatchMessage {
        public PredictionsLocked(String matchId, long version, PredictionPool pool) {
            this("PREDICTIONS_LOCKED", matchId, version, pool.poolA(), pool.poolB(), pool.countA(), pool.countB());
        }
    }

    /**
     * The book was settled (RULES P2, P3), or settled again after a corrected result (P4, {@code round} > 1 and
     * {@code correctionReason} set): {@code outcome} is {@code PAID}, {@code REFUNDED_DRAW},
     * {@code REFUNDED_NO_WINNER} or {@code REFUNDED_CANCELLED}; {@code winnerParticipantId} the winning side (null for
     * a draw or a cancelled match); {@code pool} the whole pool in points; {@code winners} the number of predictions
     * paid as winners (0 when refunded). A book cancelled because its match's players changed has its reason in
     * {@code correctionReason} too.
     */
    public record PredictionsSettled(String type, String matchId, long version, int round, String outcome,
                                     String winnerParticipantId, long pool, int winners, String correctionReason)
            implements MatchMessage {
        public PredictionsSettled(long version, PredictionBookSettledEvent event) {
            this("PREDICTIONS_SETTLED", event.matchId(), version, event.round(), event.outcome(),
                    event.winnerParticipantId(), event.pool(), event.winners(), event.correctionReason());
        }
    }

    public record MatchStarted(String type, String matchId, long version) implements MatchMessage {
        public MatchStarted(String matchId, long version) {
            this("MATCH_STARTED", matchId, version);
        }
    }

    public record ScoreUpdate(String type, String matchId, long version, int scoreA, int scoreB)
            implements MatchMessage {
        public ScoreUpdate(String matchId, long version, int scoreA, int scoreB) {
            this("SCORE_UPDATE", matchId, version, scoreA, scoreB);
        }
    }

    public record MatchCompleted(String type, String matchId, long version, int scoreA, int scoreB,
                                 String winnerParticipantId, String penaltiesWinnerParticipantId, boolean walkover)
            implements MatchMessage {
        public MatchCompleted(String matchId, long version, MatchResult result) {
            this("MATCH_COMPLETED", matchId, version, result.scoreA(), result.scoreB(), result.winnerParticipantId(),
                    result.penaltiesWinnerParticipantId(), result.isWalkover());
        }
    }

    public record ResultCorrected(String type, String matchId, long version, Result previous, Result corrected,
                                  String reason) implements MatchMessage {
        public ResultCorrected(String matchId, long version, MatchResult previous, MatchResult corrected,
                               String reason) {
            this("RESULT_CORRECTED", matchId, version, Result.of(previous), Result.of(corrected), reason);
        }
    }

    public record MatchRescheduled(String type, String matchId, long version, String scheduledAt)
            implements MatchMessage {
        public MatchRescheduled(String matchId, long version, Instant scheduledAt) {
            this("MATCH_RESCHEDULED", matchId, version, iso(scheduledAt));
        }
    }

    public record ParticipantsChanged(String type, String matchId, long version, Player playerA, Player playerB)
            implements MatchMessage {
        public ParticipantsChanged(String matchId, long version, Player playerA, Player playerB) {
            this("PARTICIPANTS_CHANGED", matchId, version, playerA, playerB);
        }
    }

    /** Written here rather than left to the mapper's date settings: the contract says ISO-8601 UTC. */
    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
