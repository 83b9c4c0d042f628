package com.streamflix.league.realtime.wallet;

import com.streamflix.league.api.wallet.WalletTransaction;
import com.streamflix.league.realtime.socket.Push;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Pushes {@code POINTS_UPDATE} to every open socket of the wallet's owner after each change (RULES W4).
 * Each realtime instance must see every event (a user's sockets may be on any instance), so this processor
 * is per instance: an in-memory token that starts at the head of the stream ({@link RealtimeProcessing}). History is not pushed; a new
 * socket gets the current balance from {@link WalletBalances} instead.
 */
@Component
@ProcessingGroup(Push.LIVE_PROCESSING_GROUP)
public class BalancePusher {

    private final UserSockets sockets;

    public BalancePusher(UserSockets sockets) {
        this.sockets = sockets;
    }

    @EventHandler
    void on(WalletTransaction event, @SequenceNumber long sequenceNumber) {
        sockets.push(event.userId(), new WalletBalances.Balance(event.balance(), WalletBalances.version(sequenceNumber)));
    }
}
