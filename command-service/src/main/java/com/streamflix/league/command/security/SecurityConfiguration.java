package com.streamflix.league.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what on the write side. The Twitch webhook authenticates by its signature; everything else
 * needs a session cookie. Spring's CSRF tokens are off because the API has no forms: cookie-authenticated
 * writes are checked by Origin instead (API.md).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    JwtDecoder sessionDecoder(SessionProperties session) {
        return SessionCookieAuthentication.decoder(session.jwt().secret());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder sessionDecoder, ObjectMapper json) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/webhooks/twitch").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(SessionCookieAuthentication.cookieResolver())
                        .authenticationEntryPoint(SessionCookieAuthentication.problemEntryPoint(json))
                        .jwt(jwt -> jwt.decoder(sessionDecoder)))
                .build();
    }
}
