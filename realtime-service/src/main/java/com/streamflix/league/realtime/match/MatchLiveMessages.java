package com.streamflix.league.realtime.match;

import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchStatus;

import java.time.Instant;

/**
 * The wire format of {@code /api/matches/{id}/live} (API.md, Sockets; RULES M1). Every message names its match and
 * the version of the match's stream it reflects (the match aggregate's sequence number + 1 after the event), so a
 * client, like the server, can ignore anything not newer than what it has. Player A is the home side; times are
 * ISO-8601 UTC. Votes and predictions will add their own messages, stamped with their own stream's version.
 */
public final class MatchLiveMessages {

    private MatchLiveMessages() {
    }

    /** A message of the match's own stream. */
    public sealed interface MatchMessage permits MatchSnapshot, MatchStarted, ScoreUpdate, MatchCompleted,
            ResultCorrected, MatchRescheduled, ParticipantsChanged {
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
     * what it has. The running vote and the prediction pool will join as fields of their own, each with its stream's
     * version.
     */
    public record MatchSnapshot(String type, String matchId, long version, String status, String tournamentId,
                                String phase, Integer matchday, String scheduledAt, Player playerA, Player playerB,
                                Integer scoreA, Integer scoreB, Result result) implements MatchMessage {
        public static final String UNKNOWN = "UNKNOWN";

        public MatchSnapshot(String matchId, long version, String status, String tournamentId, String phase,
                             Integer matchday, Instant scheduledAt, Player playerA, Player playerB, Integer scoreA,
                             Integer scoreB, Result result) {
            this("SNAPSHOT", matchId, version, status, tournamentId, phase, matchday, iso(scheduledAt), playerA,
                    playerB, scoreA, scoreB, result);
        }

        /** A match just scheduled, as its first event says: pushed too, for viewers the store has not caught up. */
        static MatchSnapshot scheduled(MatchScheduledEvent event, long version) {
            return new MatchSnapshot(event.matchId(), version, MatchStatus.SCHEDULED.name(), event.tournamentId(),
                    event.phase().name(), event.matchday(), event.scheduledAt(),
                    new Player(event.playerAParticipantId(), event.playerAUserId()),
                    new Player(event.playerBParticipantId(), event.playerBUserId()), null, null, null);
        }

        static MatchSnapshot unknown(String matchId) {
            return new MatchSnapshot(matchId, 0, UNKNOWN, null, null, null, null, null, null, null, null, null);
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
