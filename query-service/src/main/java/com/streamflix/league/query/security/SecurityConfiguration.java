package com.streamflix.league.query.security;

import com.streamflix.league.support.security.SessionSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Reads: tournament data, matches (with their prediction books and votes) and the leaderboard are public, a viewer's
 * own data ({@code /api/users/me/**}) needs the session, admin reads an admin; the audit endpoints an auditor
 * ({@code X-Audit-Key} or a listed auditor's session) or an admin.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    private static final String[] PUBLIC_READS = {"/api/tournaments/**", "/api/matches/**", "/api/leaderboard"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, SessionSecurity security) throws Exception {
        return security.sessionsAdminAndAuditKeys(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        // a viewer's own data needs a viewer's session (the admin key is nobody's)
                        .requestMatchers("/api/tournaments/*/my-registration-status", "/api/users/me/**",
                                "/api/users/me").hasRole("USER")
                        .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                        .anyRequest().authenticated())
                .build();
    }
}
