package com.streamflix.league.command.match;

import com.streamflix.league.api.match.ChangeMatchParticipantsCommand;
import com.streamflix.league.api.match.CorrectMatchResultCommand;
import com.streamflix.league.api.match.InvalidResultException;
import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchParticipantsChangedEvent;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchRescheduledEvent;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchResultCorrectedEvent;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchScoreUpdatedEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.api.match.MatchStateException;
import com.streamflix.league.api.match.MatchStatus;
import com.streamflix.league.api.match.RescheduleMatchCommand;
import com.streamflix.league.api.match.ResolveMatchCommand;
import com.streamflix.league.api.match.ScheduleMatchCommand;
import com.streamflix.league.api.match.StartMatchCommand;
import com.streamflix.league.api.match.UpdateMatchScoreCommand;
import com.streamflix.league.draw.FixtureRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Objects;

import static com.streamflix.league.api.match.MatchStatus.COMPLETED;
import static com.streamflix.league.api.match.MatchStatus.LIVE;
import static com.streamflix.league.api.match.MatchStatus.SCHEDULED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One match between two participants of a tournament (RULES M1): scheduled by the league draw (D4) or the knockout
 * bracket (K2); then {@code SCHEDULED → LIVE → COMPLETED}, with live scores only while {@code LIVE}. Whether the
 * match may be played now (M2) and whether its result needs a penalties winner (K3) depend on the tournament: the
 * caller asks it in the same transaction ({@code MatchPlay}). A completed result can be corrected; the original stays
 * in the history.
 */
@Aggregate
public class Match {
    /** Scores a FIFA match can have; anything larger is a typing error, and stays out of the table. */
    static final int MAX_GOALS = 99;

    @AggregateIdentifier
    private String matchId;
    private String tournamentId;
    private MatchPhase phase;
    private MatchStatus status;
    private String playerA;
    private String playerB;
    private String playerAUserId;
    private String playerBUserId;
    private Instant scheduledAt;
    private MatchResult result;

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

    /** M1: {@code SCHEDULED → LIVE}. */
    @CommandHandler
    public MatchStartedEvent handle(StartMatchCommand command) {
        requireStatus(SCHEDULED, "start");
        MatchStartedEvent started = new MatchStartedEvent(matchId, tournamentId, phase, playerA, playerB);
        apply(started);
        return started;
    }

    /** M1: live scores only while {@code LIVE}; an unchanged score records nothing. */
    @CommandHandler
    public void handle(UpdateMatchScoreCommand command) {
        requireStatus(LIVE, "update the score");
        requireGoals(command.scoreA(), "scoreA");
        requireGoals(command.scoreB(), "scoreB");
        apply(new MatchScoreUpdatedEvent(matchId, tournamentId, command.scoreA(), command.scoreB()));
    }

    /**
     * M1: a {@code LIVE} match takes its final score; a walkover (3–0 for the side named) needs no play, so it is
     * accepted from {@code SCHEDULED} too.
     *
     * @return the completion, for the caller to count in the tournament
     */
    @CommandHandler
    public MatchCompletedEvent handle(ResolveMatchCommand command) {
        MatchResult resolved;
        if (command.walkoverWinnerParticipantId() != null) {
            if (status == COMPLETED) {
                throw refused("resolve");
            }
            if (command.scoreA() != null || command.scoreB() != null || command.penaltiesWinnerParticipantId() != null) {
                throw new InvalidResultException("walkover", "a walkover takes no score and no penalties winner");
            }
            resolved = MatchResult.walkover(playerA, playerB, participant(command.walkoverWinnerParticipantId(), "walkover"));
        } else {
            requireStatus(LIVE, "resolve");
            if (command.scoreA() == null) {
                throw new InvalidResultException("scoreA", "scoreA is required");
            }
            if (command.scoreB() == null) {
                throw new InvalidResultException("scoreB", "scoreB is required");
            }
            resolved = played(command.scoreA(), command.scoreB(), command.penaltiesWinnerParticipantId());
        }
        MatchCompletedEvent completed = new MatchCompletedEvent(matchId, tournamentId, phase, playerA, playerB, resolved);
        apply(completed);
        return completed;
    }

    /** A {@code COMPLETED} match's result replaced; the tournament decides whether the correction is still allowed. */
    @CommandHandler
    public MatchResultCorrectedEvent handle(CorrectMatchResultCommand command) {
        requireStatus(COMPLETED, "correct the result");
        requireText(command.reason(), "reason");
        MatchResult corrected = played(command.scoreA(), command.scoreB(), command.penaltiesWinnerParticipantId());
        if (corrected.equals(result)) {
            throw new InvalidResultException("scoreA", "the corrected result is the recorded one");
        }
        MatchResultCorrectedEvent event = new MatchResultCorrectedEvent(matchId, tournamentId, phase, playerA, playerB,
                result, corrected, command.reason());
        apply(event);
        return event;
    }

    /** Only a match that has not started can move. */
    @CommandHandler
    public void handle(RescheduleMatchCommand command) {
        requireStatus(SCHEDULED, "reschedule");
        Objects.requireNonNull(command.scheduledAt(), "scheduledAt");
        if (!command.scheduledAt().equals(scheduledAt)) {
            apply(new MatchRescheduledEvent(matchId, tournamentId, scheduledAt, command.scheduledAt()));
        }
    }

    @CommandHandler
    public void handle(ChangeMatchParticipantsCommand command) {
        requireStatus(SCHEDULED, "change its participants");
        if (phase.isLeague()) {
            throw new IllegalArgumentException("league fixtures are fixed by the draw");
        }
        if (!command.playerAParticipantId().equals(playerA) || !command.playerBParticipantId().equals(playerB)) {
            apply(new MatchParticipantsChangedEvent(matchId, tournamentId, command.playerAParticipantId(),
                    command.playerAUserId(), command.playerBParticipantId(), command.playerBUserId(), command.reason()));
        }
    }

    private MatchResult played(int scoreA, int scoreB, String penaltiesWinner) {
        requireGoals(scoreA, "scoreA");
        requireGoals(scoreB, "scoreB");
        // whether a penalties winner applies (K3) is the tie's question, asked of the tournament
        String shootOut = penaltiesWinner == null ? null : participant(penaltiesWinner, "penaltiesWinner");
        return MatchResult.played(playerA, playerB, scoreA, scoreB, shootOut);
    }

    /** A side named by participant id or by the player's user id (API.md), as its participant id. */
    private String participant(String participantOrUserId, String field) {
        if (participantOrUserId.equals(playerA) || participantOrUserId.equals(playerAUserId)) {
            return playerA;
        }
        if (participantOrUserId.equals(playerB) || participantOrUserId.equals(playerBUserId)) {
            return playerB;
        }
        throw new InvalidResultException(field, participantOrUserId + " does not play in this match");
    }

    private static void requireGoals(int goals, String field) {
        if (goals < 0 || goals > MAX_GOALS) {
            throw new InvalidResultException(field, field + " must be between 0 and " + MAX_GOALS);
        }
    }

    private void requireStatus(MatchStatus required, String action) {
        if (status != required) {
            throw refused(action);
        }
    }

    private MatchStateException refused(String action) {
        return new MatchStateException(matchId, status, action);
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

    MatchResult result() {
        return result;
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
        playerA = event.playerAParticipantId();
        playerB = event.playerBParticipantId();
        playerAUserId = event.playerAUserId();
        playerBUserId = event.playerBUserId();
        scheduledAt = event.scheduledAt();
        status = SCHEDULED;
    }

    @EventSourcingHandler
    void on(MatchStartedEvent event) {
        status = LIVE;
    }

    @EventSourcingHandler
    void on(MatchCompletedEvent event) {
        result = event.result();
        status = COMPLETED;
    }

    @EventSourcingHandler
    void on(MatchResultCorrectedEvent event) {
        result = event.corrected();
    }

    @EventSourcingHandler
    void on(MatchRescheduledEvent event) {
        scheduledAt = event.scheduledAt();
    }

    @EventSourcingHandler
    void on(MatchParticipantsChangedEvent event) {
        playerA = event.playerAParticipantId();
        playerB = event.playerBParticipantId();
        playerAUserId = event.playerAUserId();
        playerBUserId = event.playerBUserId();
    }
}
