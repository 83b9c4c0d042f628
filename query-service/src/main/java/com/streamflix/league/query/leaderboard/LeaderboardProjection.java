package com.streamflix.league.query.leaderboard;

import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.api.wallet.WalletTransaction;
import com.streamflix.league.query.wallet.WalletLedgerProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.Set;

/**
 * What each user won from predictions (RULES P2–P4), for the leaderboard's {@code by=won}: {@code users.prediction_net},
 * the signed sum of the user's ledger amounts (W3) of the prediction types: wagers (negative), payouts and refunds,
 * and P4 reversals (negative). Exact, because it adds the ledger's own amounts; the balance ({@code by=balance}) is the
 * ledger projection's {@code points_balance}.
 * <p>
 * In the ledger's processing group, so each user's wallet events come in wallet-version order. Idempotent: {@code
 * prediction_version} is the version of the last event counted and only a later one is added, so a replay, a
 * redelivery or a rebuild gives the same sum. The {@code users} row is inserted if the ledger's projection has not yet
 * (its login is the user id until known, as there).
 */
@Component
@ProcessingGroup(WalletLedgerProjection.PROCESSING_GROUP)
public class LeaderboardProjection {
    /** The ledger types counted (also by the ledger projection's rebuild). */
    public static final Set<TransactionType> PREDICTION_TYPES = EnumSet.of(TransactionType.PREDICTION_WAGER,
            TransactionType.PREDICTION_PAYOUT, TransactionType.PREDICTION_REFUND, TransactionType.PREDICTION_REVERSAL);

    private final JdbcTemplate jdbc;

    public LeaderboardProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WalletTransaction event, EventMessage<?> message, @SequenceNumber long version) {
        if (!PREDICTION_TYPES.contains(event.type())) {
            return;
        }
        Timestamp at = Timestamp.from(message.getTimestamp());
        jdbc.update("""
                        INSERT INTO users (user_id, twitch_username, prediction_net, prediction_version, created_at,
                                           updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (user_id) DO UPDATE SET
                            prediction_net = users.prediction_net + excluded.prediction_net,
                            prediction_version = excluded.prediction_version
                        WHERE users.prediction_version < excluded.prediction_version""",
                event.userId(), event.userId(), event.amount(), version, at, at);
    }
}
