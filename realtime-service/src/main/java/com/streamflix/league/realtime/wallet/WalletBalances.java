package com.streamflix.league.realtime.wallet;

import com.streamflix.league.api.wallet.WalletTransaction;
import com.streamflix.league.realtime.socket.Push;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The current balance and version of every wallet, for the first message of a new socket (RULES W4).
 * Version = number of events in the wallet's stream (sequence number + 1), the same on every push.
 */
@Component
@ProcessingGroup("realtime-balances")
public class WalletBalances {
    private final JdbcTemplate jdbc;

    public WalletBalances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Balance(long balance, long version) {
        public static final Balance EMPTY = new Balance(0, 0);
    }

    static long version(long sequenceNumber) {
        return Push.versionAfter(sequenceNumber);
    }

    @EventHandler
    void on(WalletTransaction event, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                        INSERT INTO wallet_balance (user_id, balance, version) VALUES (?, ?, ?)
                        ON CONFLICT (user_id) DO UPDATE SET balance = excluded.balance, version = excluded.version,
                            updated_at = now()
                        WHERE wallet_balance.version < excluded.version""",
                event.userId(), event.balance(), version(sequenceNumber));
    }

    public Optional<Balance> current(String userId) {
        return jdbc.query("SELECT balance, version FROM wallet_balance WHERE user_id = ?",
                (rs, i) -> new Balance(rs.getLong(1), rs.getLong(2)), userId).stream().findFirst();
    }
}
