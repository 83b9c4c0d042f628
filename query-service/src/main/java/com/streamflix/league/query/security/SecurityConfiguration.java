package com.streamflix.league.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** Reads: tournament data is public, a viewer's own account needs the session cookie. Nothing here writes. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    JwtDecoder sessionDecoder(SessionProperties session) {
        return SessionCookieAuthentication.decoder(session.jwt().secret());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder sessionDecoder, ObjectMapper json) throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // read-only API: no state-changing endpoint to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/tournaments/**", "/api/matches/**").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(SessionCookieAuthentication.cookieResolver())
                        .authenticationEntryPoint(SessionCookieAuthentication.problemEntryPoint(json))
                        .jwt(jwt -> jwt.decoder(sessionDecoder)))
                .build();
    }
}
