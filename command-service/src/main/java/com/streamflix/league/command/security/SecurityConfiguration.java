package com.streamflix.league.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.command.twitch.TwitchLogin;
import com.streamflix.league.command.twitch.TwitchProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.client.RestClient;

import java.net.URI;

/**
 * Who may call what on the write side.
 * <ul>
 * <li>The Twitch webhook authenticates by its signature.</li>
 * <li>Viewers by the session cookie (an HS256 JWT), issued after Twitch login; admins are the broadcaster, the
 * users in {@code streamflix.admin.users} (decided per request), or a caller with {@code X-Admin-Key}.</li>
 * <li>CSRF: cookie-authenticated writes must come from an allowed Origin ({@link OriginCheckFilter}); Spring's
 * token-based CSRF is off because nothing here serves forms to a browser (the dev login aside).</li>
 * <li>Nothing is kept in an HTTP session, so any instance can serve any request, the OAuth callback included.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    JwtDecoder sessionDecoder(SessionProperties session) {
        return SessionCookieAuthentication.decoder(session.jwt().secret());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder sessionDecoder, ObjectMapper json, SessionProperties session,
                            AdminProperties admin, AdminAccess admins, TwitchProperties twitch,
                            TwitchLoginHandlers loginHandlers, RestClient twitchRestClient) throws Exception {
        var authorities = new JwtAuthenticationConverter();
        authorities.setJwtGrantedAuthoritiesConverter(jwt -> admins.isAdmin(jwt.getSubject())
                ? AuthorityUtils.createAuthorityList("ROLE_USER", "ROLE_ADMIN")
                : AuthorityUtils.createAuthorityList("ROLE_USER"));
        return http
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/webhooks/twitch").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/auth/login", "/auth/broadcaster").permitAll()
                        .requestMatchers("/oauth2/**", "/login/oauth2/**", "/auth/dev-login").permitAll()
                        .requestMatchers(HttpMethod.POST, "/auth/logout").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .addFilterBefore(new OriginCheckFilter(session.allowedOrigins(), json), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new AdminKeyAuthenticationFilter(admin.key(), json), BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(request -> request.getHeader(AdminKeyAuthenticationFilter.HEADER) != null
                                ? null : SessionCookieAuthentication.cookieResolver().resolve(request))
                        .authenticationEntryPoint(SessionCookieAuthentication.problemEntryPoint(json))
                        .accessDeniedHandler(forbidden(json))
                        .jwt(jwt -> jwt.decoder(sessionDecoder).jwtAuthenticationConverter(authorities)))
                .oauth2Login(login -> login
                        .clientRegistrationRepository(TwitchLogin.registrations(twitch))
                        .authorizedClientRepository(loginHandlers)
                        .authorizationEndpoint(a -> a.authorizationRequestRepository(
                                new OAuth2AuthorizationRequestCookies(session.jwt().secret())))
                        .tokenEndpoint(t -> t.accessTokenResponseClient(TwitchLogin.tokenResponseClient()))
                        .userInfoEndpoint(u -> u.userService(TwitchLogin.userService(twitchRestClient)))
                        .successHandler(loginHandlers)
                        .failureHandler(loginHandlers))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(SessionCookieAuthentication.problemEntryPoint(json))
                        .accessDeniedHandler(forbidden(json)))
                .build();
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, denied) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "This needs an admin (the broadcaster, a listed admin, or X-Admin-Key)");
            problem.setType(URI.create("https://streamflix.league/problems/forbidden"));
            problem.setTitle("forbidden");
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        };
    }
}
