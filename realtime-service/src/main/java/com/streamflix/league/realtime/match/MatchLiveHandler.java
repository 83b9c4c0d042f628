package com.streamflix.league.realtime.match;

import com.streamflix.league.realtime.match.MatchLiveMessages.MatchSnapshot;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /api/matches/{id}/live}: a match's public broadcast channel. Anyone may watch (no session needed);
 * the handshake has passed the Origin check, and {@link MatchIdCheck} has refused an id that cannot be a match's.
 * On connect the match so far ({@code SNAPSHOT}), then its changes as they happen. Clients only listen.
 */
@Component
public class MatchLiveHandler extends TextWebSocketHandler {
    public static final String PATH = "/api/matches/*/live";
    private static final String MATCH_ID = "matchId";

    private final MatchSockets sockets;
    private final MatchSnapshots snapshots;

    public MatchLiveHandler(MatchSockets sockets, MatchSnapshots snapshots) {
        this.sockets = sockets;
        this.snapshots = snapshots;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        String matchId = matchId(session);
        sockets.register(matchId, session,
                () -> snapshots.current(matchId).orElseGet(() -> MatchSnapshot.unknown(matchId)));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        // nothing to receive on this channel
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        sockets.unregister(matchId(session), session);
    }

    private static String matchId(WebSocketSession session) {
        if (session.getAttributes().get(MATCH_ID) instanceof String matchId) {
            return matchId;
        }
        throw new IllegalStateException("no match id"); // MatchIdCheck prevents this
    }

    /** Takes the match id from the path, or refuses the handshake (400) when it cannot be a match id. */
    public static final class MatchIdCheck implements HandshakeInterceptor {
        private static final Pattern MATCH_PATH = Pattern.compile("/api/matches/([A-Za-z0-9-]{1,64})/live");

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                       WebSocketHandler handler, Map<String, Object> attributes) {
            var matched = MATCH_PATH.matcher(request.getURI().getRawPath());
            if (!matched.matches()) {
                response.setStatusCode(HttpStatus.BAD_REQUEST);
                return false;
            }
            attributes.put(MATCH_ID, matched.group(1));
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Exception failure) {
        }
    }
}
