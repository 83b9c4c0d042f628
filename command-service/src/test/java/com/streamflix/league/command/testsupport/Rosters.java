package com.streamflix.league.command.testsupport;

import com.streamflix.league.api.tournament.CloseRegistrationCommand;
import com.streamflix.league.api.tournament.ConfirmParticipantsCommand;
import com.streamflix.league.api.tournament.CreateTournamentCommand;
import com.streamflix.league.api.tournament.OpenRegistrationCommand;
import com.streamflix.league.api.tournament.RegisterForTournamentCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Tournaments with a locked roster, built with the aggregate's commands (registration's Twitch checks are tested elsewhere). */
public final class Rosters {

    /** A new tournament's id and its 36 confirmed users in seeding order; as pots, 9 at a time (R4). */
    public record Locked(String id, List<String> users) {
        public List<List<String>> pots() {
            return List.of(users.subList(0, 9), users.subList(9, 18), users.subList(18, 27), users.subList(27, 36));
        }
    }

    private Rosters() {
    }

    /** A tournament in REGISTRATION_CLOSED with 36 confirmed, in this order. */
    public static Locked locked(CommandGateway commands, String name) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateTournamentCommand(id, name, null, null, null));
        commands.sendAndWait(new OpenRegistrationCommand(id));
        List<String> users = IntStream.rangeClosed(1, 36).mapToObj(n -> id.substring(0, 8) + "-" + n).toList();
        users.forEach(user -> commands.sendAndWait(new RegisterForTournamentCommand(id, user, "login_" + user)));
        commands.sendAndWait(new CloseRegistrationCommand(id));
        commands.sendAndWait(new ConfirmParticipantsCommand(id, users));
        return new Locked(id, users);
    }
}
