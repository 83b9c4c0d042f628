package com.streamflix.league.realtime.wallet;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.security.Principal;

/**
 * {@code GET /api/user/connect}: the signed-in viewer's private channel. The handshake has already passed the
 * session-cookie check and the Origin check; the user is the session's subject. Clients only listen.
 */
@Component
public class UserConnectHandler extends TextWebSocketHandler {
    private final UserSockets sockets;
    private final WalletBalances balances;

    public UserConnectHandler(UserSockets sockets, WalletBalances balances) {
        this.sockets = sockets;
        this.balances = balances;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        String userId = userId(session);
        sockets.register(userId, session, () -> balances.current(userId).orElse(WalletBalances.Balance.EMPTY));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        // nothing to receive on this channel
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        sockets.unregister(userId(session), session);
    }

    private static String userId(WebSocketSession session) {
        Principal principal = session.getPrincipal();
        if (principal == null) {
            throw new IllegalStateException("unauthenticated socket"); // the security chain prevents this
        }
        return principal.getName();
    }
}
