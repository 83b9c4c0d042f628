package com.streamflix.league.command.wallet;

import com.streamflix.league.command.config.Snapshots;
import com.streamflix.league.api.wallet.BalanceLimitException;
import com.streamflix.league.api.wallet.BanUserCommand;
import com.streamflix.league.api.wallet.CreditPointsCommand;
import com.streamflix.league.api.wallet.DebitPointsCommand;
import com.streamflix.league.api.wallet.InsufficientPointsException;
import com.streamflix.league.api.wallet.InvalidWalletTextException;
import com.streamflix.league.api.wallet.LedgerChain;
import com.streamflix.league.api.wallet.LedgerEntry;
import com.streamflix.league.api.wallet.PointsCreditedEvent;
import com.streamflix.league.api.wallet.PointsDebitedEvent;
import com.streamflix.league.api.wallet.RecordLoginCommand;
import com.streamflix.league.api.wallet.RegistrationLimitReachedException;
import com.streamflix.league.api.wallet.RegistrationSlotReleasedEvent;
import com.streamflix.league.api.wallet.RegistrationSlotReservedEvent;
import com.streamflix.league.api.wallet.PointsWrittenOffEvent;
import com.streamflix.league.api.wallet.ReclaimPointsCommand;
import com.streamflix.league.api.wallet.ReleaseRegistrationSlotCommand;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.api.wallet.ReserveRegistrationSlotCommand;
import com.streamflix.league.api.wallet.UnbanUserCommand;
import com.streamflix.league.api.wallet.UserBannedEvent;
import com.streamflix.league.api.wallet.UserBannedException;
import com.streamflix.league.api.wallet.UserLoginChangedEvent;
import com.streamflix.league.api.wallet.UserUnbannedEvent;
import com.streamflix.league.api.wallet.WalletOpenedEvent;
import com.streamflix.league.api.vote.CastVotesCommand;
import com.streamflix.league.api.vote.VotesCastEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Objects;
import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One per user, keyed by the Twitch user id: the points wallet (RULES W1–W3), the ban flag and the user's active
 * tournament registrations (R2). The wallet's event stream is the ledger. Every credit and debit carries an
 * idempotency key; a key already applied makes the command a no-op, so a redelivered webhook or a retried command
 * never moves points twice. Commands on one user are serialised by the event store's unique (aggregate, sequence)
 * key, so the balance check and the registration cap hold under any concurrency, across instances too.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
public class UserWallet {

    /** Debits a banned viewer may not make; an admin's adjustment still can. */
    private static final Set<TransactionType> SPENDING = EnumSet.of(TransactionType.VOTE_SPEND,
            TransactionType.PREDICTION_WAGER);

    private static final String VOTE_KEY_PREFIX = "vote-cast:";

    /**
     * W2's upper edge: new money (redemptions, admin grants) never lifts a balance above this, so no sum of balances,
     * payouts or refunds comes near a long's overflow, and a redelivered credit is never an endless 409.
     */
    public static final long MAX_BALANCE = 1_000_000_000_000L;
    /** Credits that bring new points into the league; the others move points that already exist. */
    private static final Set<TransactionType> NEW_MONEY = EnumSet.of(TransactionType.TWITCH_REWARD_REDEMPTION,
            TransactionType.ADMIN_ADJUSTMENT);

    /** What the read model's columns hold (users.twitch_username, transactions.*): longer text would stop it (W3). */
    static final int LOGIN_MAX_LENGTH = 64;
    static final int REASON_MAX_LENGTH = 1000;
    static final int RELATED_ID_MAX_LENGTH = 128;
    static final int KEY_MAX_LENGTH = 255;

    @AggregateIdentifier
    private String userId;
    private String login;
    private long balance;
    private boolean banned;
    /** The hash of the last ledger entry (tamper evidence, see LedgerChain); null before the first. */
    private String lastChainHash;
    private final Set<String> appliedKeys = new HashSet<>();
    private final Set<String> activeRegistrations = new HashSet<>();

    protected UserWallet() {
        // for Axon
    }

    /** A wallet opens with its first credit (a viewer's first redemption, an admin's grant). Returns the balance. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CreditPointsCommand command) {
        requirePositive(command.amount());
        requireStorableLogin(command.login());
        requireStorableEntry(command.reason(), command.relatedEntityId(), command.idempotencyKey());
        if (!appliedKeys.contains(command.idempotencyKey()) && NEW_MONEY.contains(command.type())
                && command.amount() > MAX_BALANCE - balance) {
            throw new BalanceLimitException(balance, command.amount(), MAX_BALANCE); // checked before the wallet opens
        }
        openOrFollowLogin(command.userId(), command.login());
        if (!appliedKeys.contains(command.idempotencyKey())) {
            apply(new PointsCreditedEvent(userId, command.type(), command.amount(), Math.addExact(balance, command.amount()),
                    command.reason(), command.relatedEntityId(), command.idempotencyKey(), null).chainedTo(chainHead()));
        }
        return balance;
    }

    /** Returns the balance after the debit. */
    @CommandHandler
    public long handle(DebitPointsCommand command) {
        requirePositive(command.amount());
        requireStorableEntry(command.reason(), command.relatedEntityId(), command.idempotencyKey());
        if (appliedKeys.contains(command.idempotencyKey())) {
            return balance;
        }
        if (banned && SPENDING.contains(command.type())) {
            throw new UserBannedException(userId); // banned viewers cannot wager or vote (V2, P1)
        }
        if (command.amount() > balance) {
            throw new InsufficientPointsException(balance, command.amount()); // W2
        }
        apply(new PointsDebitedEvent(userId, command.type(), -command.amount(), balance - command.amount(),
                command.reason(), command.relatedEntityId(), command.idempotencyKey(), null).chainedTo(chainHead()));
        return balance;
    }

    /**
     * V2: votes and their price in one append, so a vote is never counted without its debit nor the reverse. The
     * caller checked that the vote is open and the side exists. Returns the balance after.
     */
    @CommandHandler
    public long handle(CastVotesCommand command) {
        if (banned) {
            throw new UserBannedException(userId);
        }
        long price = Math.multiplyExact((long) command.votes(), command.costPerVote());
        requirePositive(price);
        if (price > balance) {
            throw new InsufficientPointsException(balance, price); // W2
        }
        apply(new PointsDebitedEvent(userId, TransactionType.VOTE_SPEND, -price, balance - price,
                command.votes() + " vote(s) in vote " + command.voteEventId(), command.voteEventId(),
                voteKey(command.castId()), null).chainedTo(chainHead()));
        apply(new VotesCastEvent(userId, command.castId(), command.voteEventId(), command.matchId(),
                command.participantId(), command.votes(), command.costPerVote()));
        return balance;
    }

    /**
     * A cast is a new purchase each time (nothing redelivers it), so its key is not remembered: a viewer who votes
     * all evening does not grow the wallet's state, or its snapshot.
     */
    private static String voteKey(String castId) {
        return VOTE_KEY_PREFIX + castId;
    }

    /**
     * P4: takes back an earlier credit as far as the balance allows (W2 keeps it at zero or above); the rest is
     * written off, recorded for auditors. Returns the balance after.
     */
    @CommandHandler
    public long handle(ReclaimPointsCommand command) {
        requirePositive(command.amount());
        requireStorableEntry(command.reason(), command.relatedEntityId(), command.idempotencyKey());
        if (appliedKeys.contains(command.idempotencyKey())) {
            return balance;
        }
        long taken = Math.min(balance, command.amount());
        if (taken > 0) {
            apply(new PointsDebitedEvent(userId, command.type(), -taken, balance - taken, command.reason(),
                    command.relatedEntityId(), command.idempotencyKey(), null).chainedTo(chainHead()));
        }
        if (taken < command.amount()) {
            apply(new PointsWrittenOffEvent(userId, command.type(), command.amount() - taken, command.reason(),
                    command.relatedEntityId(), command.idempotencyKey(), null).chainedTo(chainHead()));
        }
        return balance;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordLoginCommand command) {
        requireStorableLogin(command.login());
        openOrFollowLogin(command.userId(), command.login());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(BanUserCommand command) {
        requireStorableText(command.reason(), "reason", REASON_MAX_LENGTH);
        openOrFollowLogin(command.userId(), null);
        if (!banned) {
            apply(new UserBannedEvent(userId, command.reason()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UnbanUserCommand command) {
        requireStorableText(command.reason(), "reason", REASON_MAX_LENGTH);
        openOrFollowLogin(command.userId(), null);
        if (banned) {
            apply(new UserUnbannedEvent(userId, command.reason()));
        }
    }

    /** R1 (no banned registrants) and R2 (at most maxActive active registrations). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReserveRegistrationSlotCommand command) {
        requireStorableLogin(command.login());
        openOrFollowLogin(command.userId(), command.login());
        if (banned) {
            throw new UserBannedException(userId);
        }
        if (activeRegistrations.contains(command.tournamentId())) {
            return;
        }
        if (activeRegistrations.size() >= command.maxActive()) {
            throw new RegistrationLimitReachedException(command.maxActive());
        }
        apply(new RegistrationSlotReservedEvent(userId, command.tournamentId()));
    }

    @CommandHandler
    public void handle(ReleaseRegistrationSlotCommand command) {
        if (activeRegistrations.contains(command.tournamentId())) {
            apply(new RegistrationSlotReleasedEvent(userId, command.tournamentId()));
        }
    }

    /** How many idempotency keys the wallet keeps (they are part of its state and its snapshot). */
    int appliedKeyCount() {
        return appliedKeys.size();
    }

    private String chainHead() {
        return lastChainHash != null ? lastChainHash : LedgerChain.start(userId);
    }

    private void openOrFollowLogin(String id, String newLogin) {
        if (userId == null) {
            apply(new WalletOpenedEvent(id, newLogin));
        } else if (newLogin != null && !newLogin.equals(login)) {
            apply(new UserLoginChangedEvent(userId, newLogin));
        }
    }

    private static void requireStorableLogin(String login) {
        requireStorableText(login, "login", LOGIN_MAX_LENGTH);
        if (login != null && (login.isBlank() || login.chars().anyMatch(Character::isWhitespace))) {
            throw new InvalidWalletTextException("login", "login must not be blank or contain spaces");
        }
    }

    private static void requireStorableEntry(String reason, String relatedEntityId, String idempotencyKey) {
        requireStorableText(reason, "reason", REASON_MAX_LENGTH);
        requireStorableText(relatedEntityId, "relatedEntityId", RELATED_ID_MAX_LENGTH);
        requireStorableText(idempotencyKey, "idempotencyKey", KEY_MAX_LENGTH);
    }

    /**
     * A domain refusal (422 naming the field), never a projection stopped by a row PostgreSQL cannot take: text
     * columns refuse NUL, and the other control characters have no place in a ledger either. Only a reason may keep
     * tabs and line breaks (an admin's note).
     */
    private static void requireStorableText(String text, String field, int maxLength) {
        if (text == null) {
            return;
        }
        if (text.length() > maxLength) {
            throw new InvalidWalletTextException(field, field + " must be at most " + maxLength + " characters");
        }
        boolean lineBreaksAllowed = "reason".equals(field);
        if (text.chars().anyMatch(c -> Character.isISOControl(c)
                && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r')))) {
            throw new InvalidWalletTextException(field, field + " must not contain control characters");
        }
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
    }

    /** Entries recorded before the chain existed carry no hash; the chain then starts at the first that does. */
    private void followChain(LedgerEntry event) {
        if (event.chainHash() != null) {
            lastChainHash = event.chainHash();
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
        followChain(event);
        appliedKeys.add(Objects.requireNonNull(event.idempotencyKey()));
    }

    @EventSourcingHandler
    void on(PointsDebitedEvent event) {
        balance = event.balance();
        followChain(event);
        appliedKeys.add(Objects.requireNonNull(event.idempotencyKey()));
    }

    /** The cast's debit came just before; its key is let go (see {@link #voteKey}). */
    @EventSourcingHandler
    void on(VotesCastEvent event) {
        appliedKeys.remove(voteKey(event.castId()));
    }

    @EventSourcingHandler
    void on(PointsWrittenOffEvent event) {
        followChain(event);
        appliedKeys.add(Objects.requireNonNull(event.idempotencyKey()));
    }

    @EventSourcingHandler
    void on(UserBannedEvent event) {
        banned = true;
    }

    @EventSourcingHandler
    void on(UserUnbannedEvent event) {
        banned = false;
    }

    @EventSourcingHandler
    void on(RegistrationSlotReservedEvent event) {
        activeRegistrations.add(event.tournamentId());
    }

    @EventSourcingHandler
    void on(RegistrationSlotReleasedEvent event) {
        activeRegistrations.remove(event.tournamentId());
    }
}
