package com.streamflix.league.realtime.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** The private balance socket needs the session cookie; match sockets (later) are public. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    JwtDecoder sessionDecoder(SessionProperties session) {
        return SessionCookieAuthentication.decoder(session.jwt().secret());
    }

    @Bean
    SecurityFilterChain sockets(HttpSecurity http, JwtDecoder sessionDecoder, ObjectMapper json) throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // handshakes are checked by Origin (WebSocketConfiguration)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/matches/*/live").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(SessionCookieAuthentication.cookieResolver())
                        .authenticationEntryPoint(SessionCookieAuthentication.problemEntryPoint(json))
                        .jwt(jwt -> jwt.decoder(sessionDecoder)))
                .build();
    }
}
