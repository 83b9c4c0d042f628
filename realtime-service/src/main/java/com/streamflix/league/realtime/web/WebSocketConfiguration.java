package com.streamflix.league.realtime.web;

import com.streamflix.league.support.security.SessionProperties;
import com.streamflix.league.realtime.wallet.UserConnectHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Socket endpoints. A handshake from an Origin not in {@code streamflix.allowed-origins} is refused (403). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class WebSocketConfiguration implements WebSocketConfigurer {
    private final UserConnectHandler userConnect;
    private final SessionProperties session;

    public WebSocketConfiguration(UserConnectHandler userConnect, SessionProperties session) {
        this.userConnect = userConnect;
        this.session = session;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(userConnect, "/api/user/connect")
                .setAllowedOrigins(session.allowedOrigins().toArray(String[]::new));
    }
}
