package com.streamflix.league.api.knockout;

import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchResult;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Counts a match's result in its tournament (RULES M2, K3, S3, K1–K4): the league table, or the tie it belongs to.
 * {@code correctionReason} is set when the result replaces an earlier one. {@code at} dates the matches this may
 * create (a week later); {@code knockoutSeed} draws the halves (K1) when this result ends the league phase (picked by
 * the server, recorded in {@code KnockoutsSeededEvent}, unused otherwise). Returns the ties created or recomposed, whose legs the caller schedules or re-points.
 */
public record RecordMatchResultCommand(
        @TargetAggregateIdentifier String tournamentId,
        String matchId,
        MatchPhase phase,
        String playerAParticipantId,
        String playerBParticipantId,
        MatchResult result,
        String correctionReason,
        Instant at,
        long knockoutSeed) {
}
