package com.streamflix.league.command.security;

import com.streamflix.league.command.twitch.TwitchLogin;
import com.streamflix.league.command.twitch.TwitchProperties;
import com.streamflix.league.support.security.SessionProperties;
import com.streamflix.league.support.security.SessionSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;

/**
 * Who may call what on the write side: the Twitch webhook authenticates by its signature, login goes through
 * Twitch (or the dev login), {@code /api/admin/**} needs an admin, everything else a session. Authentication
 * itself is {@link SessionSecurity}'s (session cookie, X-Admin-Key, Origin check).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SessionSecurity security, SessionProperties session,
                            TwitchProperties twitch, TwitchLoginHandlers loginHandlers, RestClient twitchRestClient)
            throws Exception {
        return security.sessionsAndAdminKey(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/webhooks/twitch").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/auth/login", "/auth/broadcaster").permitAll()
                        .requestMatchers("/oauth2/**", "/login/oauth2/**", "/auth/dev-login").permitAll()
                        .requestMatchers(HttpMethod.POST, "/auth/logout").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        // the dev profile's helpers (DevHelpers); outside it nothing answers there
                        .requestMatchers("/api/dev/**").hasRole("ADMIN")
                        // a viewer's own actions and identity need a viewer's session (the admin key is nobody's
                        // registration, and has no user to describe: 403, as query-service's /api/users/me)
                        .requestMatchers("/api/tournaments/*/register", "/api/matches/*/predictions", "/api/vote-events/*/votes",
                                "/api/auth/me")
                        .hasRole("USER")
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .clientRegistrationRepository(TwitchLogin.registrations(twitch))
                        .authorizedClientRepository(loginHandlers)
                        .authorizationEndpoint(a -> a.authorizationRequestRepository(
                                new OAuth2AuthorizationRequestCookies(session.jwt().secret())))
                        .tokenEndpoint(t -> t.accessTokenResponseClient(TwitchLogin.tokenResponseClient()))
                        .userInfoEndpoint(u -> u.userService(TwitchLogin.userService(twitchRestClient)))
                        .successHandler(loginHandlers)
                        .failureHandler(loginHandlers))
                // oauth2Login would otherwise redirect unauthenticated API calls to a login page
                .exceptionHandling(e -> e.authenticationEntryPoint(security.unauthenticated())
                        .accessDeniedHandler(security.forbidden()))
                .build();
    }
}
