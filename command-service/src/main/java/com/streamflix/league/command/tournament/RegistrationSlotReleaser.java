package com.streamflix.league.command.tournament;

import com.streamflix.league.api.knockout.TournamentCompletedEvent;
import com.streamflix.league.api.tournament.ParticipantsConfirmedEvent;
import com.streamflix.league.api.wallet.ReleaseRegistrationSlotCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * RULES R2 counts active registrations only: a registrant who was not selected gets the slot back when the roster is
 * locked, and every participant when the tournament is completed. Runs after the event (a tracking processor whose failures are retried, see service-support's
 * EventHandlingConfiguration); releasing is idempotent.
 */
@Component
@ProcessingGroup("registration-slots")
public class RegistrationSlotReleaser {
    private final CommandGateway commands;

    public RegistrationSlotReleaser(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ParticipantsConfirmedEvent event) {
        release(event.tournamentId(), event.notSelectedUserIds());
    }

    @EventHandler
    void on(TournamentCompletedEvent event) {
        release(event.tournamentId(), event.participantUserIds());
    }

    private void release(String tournamentId, List<String> userIds) {
        for (String userId : userIds) {
            try {
                commands.sendAndWait(new ReleaseRegistrationSlotCommand(userId, tournamentId));
            } catch (AggregateNotFoundException noWallet) {
                // no wallet, so no slot was ever taken: nothing to release (and nothing to retry for ever)
            }
        }
    }
}
