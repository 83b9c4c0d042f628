package com.streamflix.league.realtime.security;

import com.streamflix.league.support.security.SessionSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The private balance socket needs the session cookie; match sockets are public. Handshakes are Origin-checked. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain sockets(HttpSecurity http, SessionSecurity security) throws Exception {
        return security.sessions(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/matches/*/live").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
                        .anyRequest().authenticated())
                .build();
    }
}
