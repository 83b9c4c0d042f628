package com.streamflix.league.command.tournament;

import com.streamflix.league.api.tournament.CheckRegistrationCommand;
import com.streamflix.league.api.tournament.RegisterForTournamentCommand;
import com.streamflix.league.api.tournament.RegistrationStatus;
import com.streamflix.league.api.tournament.WithdrawRegistrationCommand;
import com.streamflix.league.api.wallet.ReleaseRegistrationSlotCommand;
import com.streamflix.league.api.wallet.ReserveRegistrationSlotCommand;
import com.streamflix.league.command.config.CommandTransactions;
import com.streamflix.league.command.twitch.TwitchHelixClient;
import com.streamflix.league.support.web.ApiProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;


/**
 * A viewer's registration (RULES R1–R3). A repeat is answered from the tournament, and an unknown or closed
 * tournament refused, before Twitch is asked. The subscriber check runs outside any transaction (a slow Twitch never
 * holds a database lock; when it cannot answer, nothing is recorded). Then, in one transaction, the
 * tournament records the registration and the user's own aggregate takes a registration slot for it (refused when
 * banned, R1, or when all {@code streamflix.registration.max-active} slots are taken, R2); either both are committed
 * or neither. A per-user advisory lock serialises one user's registrations across
 * instances, so a burst of them queues instead of failing on append conflicts.
 */
@Service
public class TournamentRegistrations {
    private final CommandGateway commands;
    private final TwitchHelixClient twitch;
    private final RegistrationProperties registration;
    private final CommandTransactions transactions;

    public TournamentRegistrations(CommandGateway commands, TwitchHelixClient twitch,
                                   RegistrationProperties registration, CommandTransactions transactions) {
        this.commands = commands;
        this.twitch = twitch;
        this.registration = registration;
        this.transactions = transactions;
    }

    public RegistrationStatus register(String tournamentId, String userId, String login) {
        RegistrationStatus existing = commands.sendAndWait(new CheckRegistrationCommand(tournamentId, userId));
        if (existing != null) {
            return existing; // R3: a repeat changes nothing, so it needs no answer from Twitch
        }
        if (!twitch.isSubscriber(userId)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-a-subscriber",
                    "Only subscribers of the channel can register (checked with Twitch just now)");
        }
        return transactions.runForUser(lockKey(userId), () -> {
            RegistrationStatus status = commands.sendAndWait(new RegisterForTournamentCommand(tournamentId, userId, login));
            if (status == RegistrationStatus.PENDING) {
                // a new registration, or a repeat of one that already holds its slot (reserving is idempotent);
                // a repeat by a confirmed or not-selected registrant must not take a slot nothing would release
                commands.sendAndWait(new ReserveRegistrationSlotCommand(userId, login, tournamentId,
                        registration.maxActive()));
            }
            return status;
        });
    }

    /** R3: withdrawal while registration is open frees the slot in the same transaction. */
    public void withdraw(String tournamentId, String userId) {
        transactions.runForUser(lockKey(userId), () -> {
            boolean withdrawn = commands.sendAndWait(new WithdrawRegistrationCommand(tournamentId, userId));
            if (withdrawn) {
                commands.sendAndWait(new ReleaseRegistrationSlotCommand(userId, tournamentId));
            }
            return null;
        });
    }

    private static String lockKey(String userId) {
        return "user-registrations:" + userId;
    }
}
