package com.streamflix.league.command.draw;

import com.streamflix.league.api.draw.DrawnFixture;
import com.streamflix.league.api.draw.LeagueDrawnEvent;
import com.streamflix.league.api.draw.RunLeagueDrawCommand;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.ScheduleMatchCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds a league draw and schedules its matches atomically (RULES D4): the {@code Tournament}'s draw and the 144
 * {@code Match} aggregates' first events are committed in one database transaction, or none of them is. The local
 * command bus runs each handler on this thread and Axon's unit of work joins the surrounding Spring transaction, so
 * a refusal or a failure anywhere (a second draw, a race with another instance) rolls everything back.
 */
@Service
public class LeagueDraws {
    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final TransactionTemplate transaction;

    public LeagueDraws(CommandGateway commands, TransactionTemplate transaction) {
        this.commands = commands;
        this.transaction = transaction;
    }

    /** @return the draw as recorded, with the matches scheduled */
    public LeagueDrawnEvent run(RunLeagueDrawCommand command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> drawAndSchedule(command));
            } catch (ConcurrencyException raceWithAnotherRequest) {
                // Another draw of this tournament committed first: the retry reloads it and is refused (T1, 409).
                if (attempt == ATTEMPTS) {
                    throw raceWithAnotherRequest;
                }
            }
        }
    }

    private LeagueDrawnEvent drawAndSchedule(RunLeagueDrawCommand command) {
        LeagueDrawnEvent drawn = commands.sendAndWait(command);
        for (DrawnFixture fixture : drawn.fixtures()) {
            commands.sendAndWait(new ScheduleMatchCommand(fixture.matchId(), drawn.tournamentId(), MatchPhase.LEAGUE,
                    fixture.matchday(), fixture.homeParticipantId(), fixture.homeUserId(), fixture.awayParticipantId(),
                    fixture.awayUserId(), fixture.scheduledAt()));
        }
        return drawn;
    }
}
