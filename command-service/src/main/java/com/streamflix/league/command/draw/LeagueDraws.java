package com.streamflix.league.command.draw;

import com.streamflix.league.api.draw.DrawnFixture;
import com.streamflix.league.api.draw.LeagueDrawnEvent;
import com.streamflix.league.api.draw.RunLeagueDrawCommand;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.ScheduleMatchCommand;
import com.streamflix.league.command.config.CommandTransactions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Holds a league draw and schedules its matches atomically (RULES D4): the {@code Tournament}'s draw and the 144
 * {@code Match} aggregates' first events are committed in one database transaction, or none of them is. The local
 * command bus runs each handler on this thread and Axon's unit of work joins the surrounding Spring transaction, so
 * a refusal or a failure anywhere (a second draw, a race with another instance) rolls everything back.
 */
@Service
public class LeagueDraws {
    private final CommandGateway commands;
    private final CommandTransactions transactions;

    public LeagueDraws(CommandGateway commands, CommandTransactions transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    /**
     * @return the draw as recorded, with the matches scheduled. When another draw of this tournament committed
     * first, the retry reloads the tournament and is refused (T1, 409).
     */
    public LeagueDrawnEvent run(RunLeagueDrawCommand command) {
        return transactions.run(() -> drawAndSchedule(command));
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
