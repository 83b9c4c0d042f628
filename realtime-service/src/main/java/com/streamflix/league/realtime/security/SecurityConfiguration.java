package com.streamflix.league.realtime.security;

import com.streamflix.league.realtime.match.MatchLiveHandler;
import com.streamflix.league.support.security.SessionSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The private balance socket needs the session cookie; match sockets are public. Handshakes are Origin-checked. A
 * browser's stale or foreign session cookie (sent with every handshake to our origin) is cleared and the handshake
 * served as anonymous, as on every service: it cannot turn the public match channel into a 401.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain sockets(HttpSecurity http, SessionSecurity security) throws Exception {
        return security.sessions(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
                        .requestMatchers(MatchLiveHandler.PATH).permitAll()
                        .anyRequest().authenticated())
                .build();
    }
}
