package com.streamflix.league.command.wallet;

import com.streamflix.league.api.wallet.CreditPointsCommand;
import com.streamflix.league.api.wallet.DebitPointsCommand;
import com.streamflix.league.api.wallet.InsufficientPointsException;
import com.streamflix.league.api.wallet.PointsCreditedEvent;
import com.streamflix.league.api.wallet.PointsDebitedEvent;
import com.streamflix.league.api.wallet.UserLoginChangedEvent;
import com.streamflix.league.api.wallet.WalletOpenedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One wallet per user, keyed by the Twitch user id (RULES W1–W3). The wallet's event stream is the ledger.
 * Every credit and debit carries an idempotency key; a key already applied makes the command a no-op, so a
 * redelivered webhook or a retried command never moves points twice.
 */
@Aggregate
public class UserWallet {

    @AggregateIdentifier
    private String userId;
    private String login;
    private long balance;
    private final Set<String> appliedKeys = new HashSet<>();

    protected UserWallet() {
        // for Axon
    }

    /** A wallet opens with its first credit (a viewer's first redemption, an admin's grant). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreditPointsCommand command) {
        requirePositive(command.amount());
        if (userId == null) {
            apply(new WalletOpenedEvent(command.userId(), command.login()));
        } else if (command.login() != null && !command.login().equals(login)) {
            apply(new UserLoginChangedEvent(userId, command.login()));
        }
        if (appliedKeys.contains(command.idempotencyKey())) {
            return; // W1: already credited
        }
        apply(new PointsCreditedEvent(userId, command.type(), command.amount(), balance + command.amount(),
                command.reason(), command.relatedEntityId(), command.idempotencyKey()));
    }

    @CommandHandler
    public void handle(DebitPointsCommand command) {
        requirePositive(command.amount());
        if (appliedKeys.contains(command.idempotencyKey())) {
            return;
        }
        if (command.amount() > balance) {
            throw new InsufficientPointsException(balance, command.amount()); // W2
        }
        apply(new PointsDebitedEvent(userId, command.type(), -command.amount(), balance - command.amount(),
                command.reason(), command.relatedEntityId(), command.idempotencyKey()));
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
    }

    @EventSourcingHandler
    void on(WalletOpenedEvent event) {
        userId = event.userId();
        login = event.login();
    }

    @EventSourcingHandler
    void on(UserLoginChangedEvent event) {
        login = event.login();
    }

    @EventSourcingHandler
    void on(PointsCreditedEvent event) {
        balance = event.balance();
        appliedKeys.add(Objects.requireNonNull(event.idempotencyKey()));
    }

    @EventSourcingHandler
    void on(PointsDebitedEvent event) {
        balance = event.balance();
        appliedKeys.add(Objects.requireNonNull(event.idempotencyKey()));
    }
}
