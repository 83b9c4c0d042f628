package com.streamflix.league.command.match;

import com.streamflix.league.api.knockout.KnockoutTieCreatedEvent;
import com.streamflix.league.api.knockout.RecordMatchResultCommand;
import com.streamflix.league.api.knockout.RecordMatchStartCommand;
import com.streamflix.league.api.knockout.TieLeg;
import com.streamflix.league.api.match.ChangeMatchParticipantsCommand;
import com.streamflix.league.api.match.CorrectMatchResultCommand;
import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchResultCorrectedEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.api.match.ResolveMatchCommand;
import com.streamflix.league.api.match.ScheduleMatchCommand;
import com.streamflix.league.api.match.StartMatchCommand;
import com.streamflix.league.command.config.CommandTransactions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * Match play across its two aggregates (RULES M1, M2, K1–K4): the {@code Match} changes state and the
 * {@code Tournament} checks the phase and counts the result, in one transaction, so a refusal by either leaves
 * nothing behind. Ties the result makes known are scheduled in the same transaction (like the league draw's
 * matches), or re-pointed when a correction changed who won the tie feeding them.
 */
@Service
public class MatchPlay {
    /** Seeds stay below 2^53, so JavaScript reads them exactly and anyone can re-run the halves draw (K1). */
    static final long SEED_BOUND = 1L << 53;

    private final CommandGateway commands;
    private final CommandTransactions transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MatchPlay(CommandGateway commands, CommandTransactions transactions, Clock clock) {
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void start(String matchId) {
        transactions.run(() -> {
            MatchStartedEvent started = commands.sendAndWait(new StartMatchCommand(matchId));
            commands.sendAndWait(new RecordMatchStartCommand(started.tournamentId(), matchId, started.phase()));
            return null;
        });
    }

    /** @return the result as recorded, and the ties it opened */
    public Resolved resolve(ResolveMatchCommand command) {
        return transactions.run(() -> {
            MatchCompletedEvent completed = commands.sendAndWait(command);
            List<KnockoutTieCreatedEvent> ties = commands.sendAndWait(new RecordMatchResultCommand(
                    completed.tournamentId(), completed.matchId(), completed.phase(),
                    completed.playerAParticipantId(), completed.playerBParticipantId(), completed.result(), null,
                    clock.instant(), random.nextLong(SEED_BOUND)));
            scheduleOrRepoint(ties);
            return new Resolved(completed.result(), ties.stream().map(KnockoutTieCreatedEvent::slot).toList());
        });
    }

    public Resolved correct(CorrectMatchResultCommand command) {
        return transactions.run(() -> {
            MatchResultCorrectedEvent corrected = commands.sendAndWait(command);
            List<KnockoutTieCreatedEvent> ties = commands.sendAndWait(new RecordMatchResultCommand(
                    corrected.tournamentId(), corrected.matchId(), corrected.phase(),
                    corrected.playerAParticipantId(), corrected.playerBParticipantId(), corrected.corrected(),
                    corrected.reason(), clock.instant(), random.nextLong(SEED_BOUND)));
            scheduleOrRepoint(ties);
            return new Resolved(corrected.corrected(), ties.stream().map(KnockoutTieCreatedEvent::slot).toList());
        });
    }

    public record Resolved(MatchResult result, List<String> tiesOpened) {
    }

    private void scheduleOrRepoint(List<KnockoutTieCreatedEvent> ties) {
        for (KnockoutTieCreatedEvent tie : ties) {
            for (TieLeg leg : tie.legs()) {
                if (tie.recomposedBecause() == null) {
                    commands.sendAndWait(new ScheduleMatchCommand(leg.matchId(), tie.tournamentId(), leg.phase(), null,
                            leg.homeParticipantId(), leg.homeUserId(), leg.awayParticipantId(), leg.awayUserId(),
                            leg.scheduledAt()));
                } else {
                    commands.sendAndWait(new ChangeMatchParticipantsCommand(leg.matchId(), leg.homeParticipantId(),
                            leg.homeUserId(), leg.awayParticipantId(), leg.awayUserId(), tie.recomposedBecause()));
                }
            }
        }
    }
}
