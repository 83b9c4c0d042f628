package com.streamflix.league.command.tournament;

import com.streamflix.league.api.tournament.RegisterForTournamentCommand;
import com.streamflix.league.api.tournament.RegistrationStatus;
import com.streamflix.league.api.tournament.WithdrawRegistrationCommand;
import com.streamflix.league.api.wallet.ReleaseRegistrationSlotCommand;
import com.streamflix.league.api.wallet.ReserveRegistrationSlotCommand;
import com.streamflix.league.command.twitch.TwitchHelixClient;
import com.streamflix.league.support.web.ApiProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * A viewer's registration (RULES R1–R3). The subscriber check asks Twitch first, outside any transaction (a slow
 * Twitch never holds a database lock; when it cannot answer, nothing is recorded). Then, in one transaction, the
 * user's own aggregate takes a registration slot (refused when banned, R1, or when all
 * {@code streamflix.registration.max-active} slots are taken, R2) and the tournament records the registration;
 * either both are committed or neither. A per-user advisory lock serialises one user's registrations across
 * instances, so a burst of them queues instead of failing on append conflicts.
 */
@Service
public class TournamentRegistrations {
    private static final int ATTEMPTS = 5;

    private final CommandGateway commands;
    private final TwitchHelixClient twitch;
    private final RegistrationProperties registration;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    public TournamentRegistrations(CommandGateway commands, TwitchHelixClient twitch,
                                   RegistrationProperties registration, TransactionTemplate transaction,
                                   JdbcTemplate jdbc) {
        this.commands = commands;
        this.twitch = twitch;
        this.registration = registration;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    public RegistrationStatus register(String tournamentId, String userId, String login) {
        if (!twitch.isSubscriber(userId)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-a-subscriber",
                    "Only subscribers of the channel can register (checked with Twitch just now)");
        }
        return inUserTransaction(userId, () -> {
            commands.sendAndWait(new ReserveRegistrationSlotCommand(userId, login, tournamentId, registration.maxActive()));
            return commands.<RegistrationStatus>sendAndWait(new RegisterForTournamentCommand(tournamentId, userId, login));
        });
    }

    /** R3: withdrawal while registration is open frees the slot in the same transaction. */
    public void withdraw(String tournamentId, String userId) {
        inUserTransaction(userId, () -> {
            commands.sendAndWait(new WithdrawRegistrationCommand(tournamentId, userId));
            commands.sendAndWait(new ReleaseRegistrationSlotCommand(userId, tournamentId));
            return null;
        });
    }

    private <T> T inUserTransaction(String userId, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "user-registrations:" + userId);
                    return work.get();
                });
            } catch (ConcurrencyException | AggregateStreamCreationException race) {
                if (attempt == ATTEMPTS) {
                    throw race;
                }
            }
        }
    }
}
