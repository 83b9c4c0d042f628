package com.streamflix.league.realtime.security;

import com.streamflix.league.realtime.match.MatchLiveHandler;
import com.streamflix.league.support.security.SessionSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The private balance socket needs the session cookie; match sockets are public. Handshakes are Origin-checked. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * Match sockets: nobody is authenticated, so a browser's expired or foreign session cookie (sent with every
     * handshake to our origin) cannot turn a public channel into a 401, as the session chain would.
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicMatchChannel(HttpSecurity http) throws Exception {
        return http.securityMatcher(MatchLiveHandler.PATH)
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain sessionChannels(HttpSecurity http, SessionSecurity security) throws Exception {
        return security.sessions(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
                        .anyRequest().authenticated())
                .build();
    }
}
