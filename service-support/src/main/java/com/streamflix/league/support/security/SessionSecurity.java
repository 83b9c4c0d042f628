package com.streamflix.league.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.support.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The authentication every service shares; each service adds only its own authorisation rules.
 * <ul>
 * <li>Viewers: the session cookie (an HS256 JWT), with the role ADMIN for the broadcaster and listed admins; an
 * invalid cookie is cleared and the request served as anonymous ({@link SessionCookieFilter}).</li>
 * <li>Automation: {@code X-Admin-Key} (where the service has admin endpoints), and auditors: {@code X-Audit-Key}
 * (where it has audit endpoints), compared in constant time and rate-limited per client address.</li>
 * <li>CSRF: cookie-authenticated writes must come from an allowed Origin ({@link OriginCheckFilter}); Spring's
 * token-based CSRF is off because nothing here serves forms (the dev login aside).</li>
 * <li>Nothing is kept in an HTTP session, so any instance can serve any request.</li>
 * <li>Refusals are problem+json: 401 without a valid session, 403 without the right role.</li>
 * </ul>
 */
@Component
public class SessionSecurity {
    private final SessionProperties session;
    private final AdminProperties admin;
    private final AuditProperties audit;
    private final AdminAccess admins;
    private final ObjectMapper json;
    private final JwtDecoder decoder;

    public SessionSecurity(SessionProperties session, AdminProperties admin, AuditProperties audit,
                           AdminAccess admins, ObjectMapper json) {
        this.session = session;
        this.admin = admin;
        this.audit = audit;
        this.admins = admins;
        this.json = json;
        this.decoder = SessionCookieAuthentication.decoder(session.jwt().secret());
    }

    /** The session cookie alone. */
    public HttpSecurity sessions(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // where Spring's bearer-token filter would sit; the session filter first, so an invalid cookie is
                // already gone when the Origin check looks for one
                .addFilterBefore(new SessionCookieFilter(decoder, sessionAuthentication()),
                        BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new OriginCheckFilter(session.allowedOrigins(), json), BearerTokenAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated()).accessDeniedHandler(forbidden()));
    }

    /** A verified session as an authentication: its subject, with the roles {@link AdminAccess} gives that user. */
    private JwtAuthenticationConverter sessionAuthentication() {
        var roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(jwt -> admins.roles(jwt.getSubject()).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList());
        return roles;
    }

    /** The session cookie, and {@code X-Admin-Key} for automation; the key is then required configuration. */
    public HttpSecurity sessionsAndAdminKey(HttpSecurity http) throws Exception {
        if (admin.key() == null || admin.key().isBlank()) {
            throw new IllegalStateException("streamflix.admin.key is required (at least 32 characters)");
        }
        return sessions(http).addFilterBefore(KeyAuthenticationFilter.admin(admin.key(), json),
                BearerTokenAuthenticationFilter.class);
    }

    /** As {@link #sessionsAndAdminKey}, and {@code X-Audit-Key} for auditors when {@code streamflix.audit.key} is set. */
    public HttpSecurity sessionsAdminAndAuditKeys(HttpSecurity http) throws Exception {
        sessionsAndAdminKey(http);
        return audit.key() == null ? http : http.addFilterBefore(KeyAuthenticationFilter.audit(audit.key(), json),
                BearerTokenAuthenticationFilter.class);
    }

    /** 401 as problem+json, whether the cookie is missing or was invalid (and then cleared). */
    public AuthenticationEntryPoint unauthenticated() {
        return (request, response, failure) -> Problems.write(response, json,
                Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid session cookie is required"));
    }

    public AccessDeniedHandler forbidden() {
        return (request, response, denied) -> Problems.write(response, json, Problems.of(HttpStatus.FORBIDDEN,
                "forbidden", "This needs a role the session or key does not have (an admin: the broadcaster, a listed "
                        + "admin or X-Admin-Key; for audit reads, an auditor or X-Audit-Key)"));
    }
}
