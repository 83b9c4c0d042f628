package com.streamflix.league.realtime.web;

import com.streamflix.league.realtime.match.MatchLiveHandler;
import com.streamflix.league.realtime.wallet.UserConnectHandler;
import com.streamflix.league.support.security.SessionProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Socket endpoints. A handshake from an Origin not in {@code streamflix.allowed-origins} is refused (403). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class WebSocketConfiguration implements WebSocketConfigurer {
    private final UserConnectHandler userConnect;
    private final MatchLiveHandler matchLive;
    private final SessionProperties session;

    public WebSocketConfiguration(UserConnectHandler userConnect, MatchLiveHandler matchLive,
                                  SessionProperties session) {
        this.userConnect = userConnect;
        this.matchLive = matchLive;
        this.session = session;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        String[] allowedOrigins = session.allowedOrigins().toArray(String[]::new);
        registry.addHandler(userConnect, "/api/user/connect").setAllowedOrigins(allowedOrigins);
        registry.addHandler(matchLive, MatchLiveHandler.PATH)
                .addInterceptors(new MatchLiveHandler.MatchIdCheck())
                .setAllowedOrigins(allowedOrigins);
    }
}
