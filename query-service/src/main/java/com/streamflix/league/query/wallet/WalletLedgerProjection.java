package com.streamflix.league.query.wallet;

import com.streamflix.league.api.wallet.UserBannedEvent;
import com.streamflix.league.api.wallet.UserLoginChangedEvent;
import com.streamflix.league.api.wallet.UserUnbannedEvent;
import com.streamflix.league.api.wallet.WalletOpenedEvent;
import com.streamflix.league.api.wallet.WalletTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Projects the wallet events (the ledger, RULES W3) into {@code users} and {@code transactions}. Every write is
 * idempotent — transactions by event id, balances guarded by the wallet version — so a replay, a redelivery after
 * a token steal or a rebuild gives the same rows.
 */
@Component
@ProcessingGroup(WalletLedgerProjection.PROCESSING_GROUP)
public class WalletLedgerProjection {
    public static final String PROCESSING_GROUP = "wallet-ledger";

    private final JdbcTemplate jdbc;

    public WalletLedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The wallet's stream is the ordered source of a user's login, so its login wins over the row a tournament
     * registration may have inserted first (see TournamentProjection). A wallet opened without a login (an admin
     * acting on a user we have not seen) creates a placeholder whose login is the user id, which any real login
     * replaces later.
     */
    @EventHandler
    void on(WalletOpenedEvent event, EventMessage<?> message) {
        if (event.login() == null) {
            ensureUser(event.userId(), message);
            return;
        }
        Timestamp at = Timestamp.from(message.getTimestamp());
        jdbc.update("""
                        INSERT INTO users (user_id, twitch_username, created_at, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (user_id) DO UPDATE SET twitch_username = excluded.twitch_username""",
                event.userId(), event.login(), at, at);
    }

    @EventHandler
    void on(UserLoginChangedEvent event, EventMessage<?> message) {
        jdbc.update("UPDATE users SET twitch_username = ?, updated_at = ? WHERE user_id = ?",
                event.login(), Timestamp.from(message.getTimestamp()), event.userId());
    }

    @EventHandler
    void on(WalletTransaction event, EventMessage<?> message, @SequenceNumber long version) {
        ensureUser(event.userId(), message);
        Timestamp at = Timestamp.from(message.getTimestamp());
        jdbc.update("""
                        INSERT INTO transactions (id, user_id, wallet_version, type, amount, balance_after, description,
                                                  related_entity_id, idempotency_key, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                message.getIdentifier(), event.userId(), version, event.type().name(), event.amount(),
                event.balance(), event.reason(), event.relatedEntityId(), event.idempotencyKey(), at);
        jdbc.update("""
                        UPDATE users SET points_balance = ?, wallet_version = ?, updated_at = ?
                        WHERE user_id = ? AND wallet_version < ?""",
                event.balance(), version, at, event.userId(), version);
    }

    @EventHandler
    void on(UserBannedEvent event, EventMessage<?> message) {
        banned(event.userId(), true, message);
    }

    @EventHandler
    void on(UserUnbannedEvent event, EventMessage<?> message) {
        banned(event.userId(), false, message);
    }

    private void banned(String userId, boolean banned, EventMessage<?> message) {
        ensureUser(userId, message);
        jdbc.update("UPDATE users SET is_banned = ?, updated_at = ? WHERE user_id = ?",
                banned, Timestamp.from(message.getTimestamp()), userId);
    }

    /** The row every other write of a user needs (transactions reference it); its login is the id until known. */
    private void ensureUser(String userId, EventMessage<?> message) {
        Timestamp at = Timestamp.from(message.getTimestamp());
        jdbc.update("""
                        INSERT INTO users (user_id, twitch_username, created_at, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (user_id) DO NOTHING""", userId, userId, at, at);
    }
}
