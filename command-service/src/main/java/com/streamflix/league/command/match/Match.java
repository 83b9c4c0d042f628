package com.streamflix.league.command.match;

import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchStatus;
import com.streamflix.league.api.match.ScheduleMatchCommand;
import com.streamflix.league.draw.FixtureRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One match between two participants of a tournament (RULES M1): scheduled by the league draw (D4) or, later, the
 * knockout bracket; then {@code SCHEDULED → LIVE → COMPLETED}.
 */
@Aggregate
public class Match {

    @AggregateIdentifier
    private String matchId;
    private String tournamentId;
    private MatchPhase phase;
    private MatchStatus status;

    protected Match() {
        // for Axon
    }

    @CommandHandler
    public Match(ScheduleMatchCommand command) {
        requireText(command.matchId(), "matchId");
        requireText(command.tournamentId(), "tournamentId");
        requireText(command.playerAParticipantId(), "playerAParticipantId");
        requireText(command.playerBParticipantId(), "playerBParticipantId");
        if (command.playerAParticipantId().equals(command.playerBParticipantId())) {
            throw new IllegalArgumentException("a participant cannot play themself");
        }
        if (command.phase() == null || command.scheduledAt() == null) {
            throw new IllegalArgumentException("phase and scheduledAt are required");
        }
        if (command.phase() == MatchPhase.LEAGUE) {
            if (command.matchday() == null || command.matchday() < 1 || command.matchday() > FixtureRules.MATCHDAYS) {
                throw new IllegalArgumentException("a league match needs a matchday from 1 to " + FixtureRules.MATCHDAYS);
            }
        } else if (command.matchday() != null) {
            throw new IllegalArgumentException("only league matches have a matchday");
        }
        apply(new MatchScheduledEvent(command.matchId(), command.tournamentId(), command.phase(), command.matchday(),
                command.playerAParticipantId(), command.playerAUserId(), command.playerBParticipantId(),
                command.playerBUserId(), command.scheduledAt()));
    }

    MatchStatus status() {
        return status;
    }

    MatchPhase phase() {
        return phase;
    }

    String tournamentId() {
        return tournamentId;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    @EventSourcingHandler
    void on(MatchScheduledEvent event) {
        matchId = event.matchId();
        tournamentId = event.tournamentId();
        phase = event.phase();
        status = MatchStatus.SCHEDULED;
    }
}
