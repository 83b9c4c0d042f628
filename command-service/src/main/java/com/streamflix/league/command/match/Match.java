package com.streamflix.league.command.match;

import com.streamflix.league.command.config.Snapshots;
import com.streamflix.league.api.match.ChangeMatchParticipantsCommand;
import com.streamflix.league.api.prediction.InvalidPredictionException;
import com.streamflix.league.api.prediction.PlacePredictionCommand;
import com.streamflix.league.api.prediction.PredictionBookLockedEvent;
import com.streamflix.league.api.prediction.PredictionBookSettledEvent;
import com.streamflix.league.api.prediction.PredictionExistsException;
import com.streamflix.league.api.prediction.PredictionPlacedEvent;
import com.streamflix.league.api.prediction.PredictionPool;
import com.streamflix.league.api.prediction.PredictionSettlementLine;
import com.streamflix.league.predictions.Parimutuel;
import com.streamflix.league.predictions.Payout;
import com.streamflix.league.predictions.Settlement;
import com.streamflix.league.predictions.Wager;
import com.streamflix.league.api.match.CorrectMatchResultCommand;
import com.streamflix.league.api.match.InvalidResultException;
import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchParticipantsChangedEvent;
import com.streamflix.league.api.match.CloseMatchVoteCommand;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchVoteClosedEvent;
import com.streamflix.league.api.match.MatchVoteOpenedEvent;
import com.streamflix.league.api.match.OpenMatchVoteCommand;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * in the history. The match also holds its prediction book (P1–P4): open while {@code SCHEDULED}, locked at kick-off,
 * settled with the result in the same event stream, and settled again when a correction changes the outcome.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
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
    private int liveScoreA;
    private int liveScoreB;
    /** The vote event running on this match (RULES V1: one at a time), or null. */
    private MatchVoteOpenedEvent openVote;
    /** The book, by user (P1: one prediction each), in the order placed. */
    private final Map<String, PredictionPlacedEvent> predictions = new LinkedHashMap<>();
    private PredictionPool pool = PredictionPool.EMPTY;
    private PredictionBookSettledEvent settlement;
    /** The book was refunded before kick-off because the players changed: it stays closed. */
    private boolean bookCancelled;

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
        if (!bookCancelled) {
            apply(new PredictionBookLockedEvent(matchId, tournamentId, pool)); // P1: the start locks the book
        }
        return started;
    }

    /** M1: live scores only while {@code LIVE}; an unchanged score records nothing. */
    @CommandHandler
    public void handle(UpdateMatchScoreCommand command) {
        requireStatus(LIVE, "update the score");
        requireGoals(command.scoreA(), "scoreA");
        requireGoals(command.scoreB(), "scoreB");
        if (command.scoreA() != liveScoreA || command.scoreB() != liveScoreB) {
            apply(new MatchScoreUpdatedEvent(matchId, tournamentId, command.scoreA(), command.scoreB()));
        }
    }

    /**
     * M1: a {@code LIVE} match takes its final score; a walkover (3–0 for the side named) needs no play, so it is
     * accepted from {@code SCHEDULED} too.
     *
     * @return the completion, for the caller to count in the tournament
     */
    @CommandHandler
    public MatchCompletedEvent handle(ResolveMatchCommand command) {
        if (openVote != null) {
            // V5's award counts in the table this result completes: the vote closes first (at most 10 minutes)
            throw refused("resolve while vote " + openVote.voteEventId() + " runs (until " + openVote.endsAt() + ")");
        }
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
        if (!predictions.isEmpty() && !bookCancelled) {
            apply(settled(resolved, 1, List.of(), null));
        }
        return completed;
    }

    /** V1: a {@code LIVE} league match hosts one vote event at a time. */
    @CommandHandler
    public MatchVoteOpenedEvent handle(OpenMatchVoteCommand command) {
        requireStatus(LIVE, "start a vote");
        if (phase != MatchPhase.LEAGUE) {
            throw refused("start a vote: votes award league points, so only league matches have them");
        }
        if (openVote != null) {
            throw refused("start a vote: vote " + openVote.voteEventId() + " runs until " + openVote.endsAt());
        }
        MatchVoteOpenedEvent opened = new MatchVoteOpenedEvent(matchId, tournamentId, command.voteEventId(), playerA,
                playerB, command.endsAt());
        apply(opened);
        return opened;
    }

    @CommandHandler
    public void handle(CloseMatchVoteCommand command) {
        if (openVote != null && openVote.voteEventId().equals(command.voteEventId())) {
            apply(new MatchVoteClosedEvent(matchId, command.voteEventId()));
        }
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
        resettle(corrected, command.reason());
        return event;
    }

    /**
     * P1: one prediction per user while the match is {@code SCHEDULED}, on one of its two sides (named by participant
     * id or user id). The caller debits the wager in the same transaction.
     */
    @CommandHandler
    public PredictionPlacedEvent handle(PlacePredictionCommand command) {
        PredictionPlacedEvent existing = predictions.get(command.userId());
        if (existing != null) {
            throw new PredictionExistsException(existing);
        }
        requireStatus(SCHEDULED, "take predictions");
        if (bookCancelled) {
            throw new MatchStateException(matchId, status, "take predictions: its book was refunded when its players changed");
        }
        if (command.wager() <= 0) {
            throw new IllegalArgumentException("wager must be positive");
        }
        if (command.userId().equals(playerAUserId) || command.userId().equals(playerBUserId)) {
            throw new InvalidPredictionException("matchId", "players cannot predict on their own match");
        }
        String side = side(command.participantId());
        PredictionPlacedEvent placed = new PredictionPlacedEvent(matchId, tournamentId, command.predictionId(),
                command.userId(), side, command.wager(), predictions.size(),
                pool.with(side.equals(playerA), command.wager()));
        apply(placed);
        return placed;
    }

    private String side(String participantOrUserId) {
        if (participantOrUserId.equals(playerA) || participantOrUserId.equals(playerAUserId)) {
            return playerA;
        }
        if (participantOrUserId.equals(playerB) || participantOrUserId.equals(playerBUserId)) {
            return playerB;
        }
        throw new InvalidPredictionException("participantId", participantOrUserId + " does not play in this match");
    }

    /**
     * P2/P3 on {@code outcome}: the match's winner (a penalties winner decides a level match that had a shoot-out), a
     * draw refunds; a walkover was not played, so it refunds like a cancelled match.
     */
    private PredictionBookSettledEvent settled(MatchResult outcome, int round, List<PredictionSettlementLine> reversals,
                                               String correctionReason) {
        return settled(outcome.winnerParticipantId(), outcome.isWalkover(), round, reversals, correctionReason);
    }

    private PredictionBookSettledEvent settled(String winner, boolean cancelled, int round,
                                               List<PredictionSettlementLine> reversals, String correctionReason) {
        List<Wager> wagers = predictions.values().stream()
                .map(p -> new Wager(p.predictionId(), p.userId(), p.participantId(), p.wager(), p.order())).toList();
        Settlement settlement = Parimutuel.settle(wagers, playerA, playerB, cancelled ? null : winner, cancelled);
        Map<String, PredictionPlacedEvent> byId = new HashMap<>();
        predictions.values().forEach(p -> byId.put(p.predictionId(), p));
        List<PredictionSettlementLine> lines = new ArrayList<>();
        int winners = 0;
        for (Payout payout : settlement.payouts()) {
            PredictionPlacedEvent p = byId.get(payout.predictionId());
            lines.add(new PredictionSettlementLine(p.predictionId(), p.userId(), p.participantId(), p.wager(),
                    payout.amount()));
            if (payout.amount() > 0 && p.participantId().equals(settlement.winnerSide())) {
                winners++;
            }
        }
        return new PredictionBookSettledEvent(matchId, tournamentId, round, settlement.outcome().name(),
                settlement.winnerSide(), settlement.pool(), winners, lines, reversals, correctionReason);
    }

    /**
     * P4: a correction that changes the book's outcome settles it again. Per prediction, only the difference moves:
     * what it now receives less is taken back (as far as the balance allows, the rest written off), what it receives
     * more is paid. So a refund that stays a refund, or a payout that stays the same, moves nothing and can never be
     * paid twice (a reversal of a spent credit followed by a fresh one would create points).
     */
    private void resettle(MatchResult corrected, String reason) {
        if (settlement == null || bookCancelled) {
            return;
        }
        PredictionBookSettledEvent full = settled(corrected, settlement.round() + 1, List.of(), reason);
        if (full.outcome().equals(settlement.outcome())
                && java.util.Objects.equals(full.winnerParticipantId(), settlement.winnerParticipantId())
                && full.lines().equals(settlement.lines())) {
            return;
        }
        Map<String, Long> before = new HashMap<>();
        settlement.lines().forEach(line -> before.put(line.predictionId(), line.amount()));
        List<PredictionSettlementLine> reversals = new ArrayList<>();
        List<PredictionSettlementLine> credits = new ArrayList<>();
        for (PredictionSettlementLine line : full.lines()) {
            long delta = line.amount() - before.getOrDefault(line.predictionId(), 0L);
            if (delta < 0) {
                reversals.add(withAmount(line, -delta));
            } else if (delta > 0) {
                credits.add(withAmount(line, delta));
            }
        }
        apply(new PredictionBookSettledEvent(matchId, tournamentId, full.round(), full.outcome(),
                full.winnerParticipantId(), full.pool(), full.winners(), full.lines(), reversals, reason, credits));
    }

    private static PredictionSettlementLine withAmount(PredictionSettlementLine line, long amount) {
        return new PredictionSettlementLine(line.predictionId(), line.userId(), line.participantId(), line.wager(),
                amount);
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
            if (!predictions.isEmpty() && settlement == null) {
                // P3: the match predicted on will not be played as predicted, so its book is refunded and closed
                apply(settled(null, true, 1, List.of(), command.reason()));
            }
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
    void on(MatchScoreUpdatedEvent event) {
        liveScoreA = event.scoreA();
        liveScoreB = event.scoreB();
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
    void on(PredictionPlacedEvent event) {
        predictions.put(event.userId(), event);
        pool = event.pool();
    }

    @EventSourcingHandler
    void on(PredictionBookSettledEvent event) {
        settlement = event;
    }

    @EventSourcingHandler
    void on(MatchRescheduledEvent event) {
        scheduledAt = event.scheduledAt();
    }

    @EventSourcingHandler
    void on(MatchVoteOpenedEvent event) {
        openVote = event;
    }

    @EventSourcingHandler
    void on(MatchVoteClosedEvent event) {
        openVote = null;
    }

    @EventSourcingHandler
    void on(MatchParticipantsChangedEvent event) {
        bookCancelled = bookCancelled || !predictions.isEmpty();
        playerA = event.playerAParticipantId();
        playerB = event.playerBParticipantId();
        playerAUserId = event.playerAUserId();
        playerBUserId = event.playerBUserId();
    }
}
