package com.streamflix.league.command.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.streamflix.league.support.security.AdminAccess;
import com.streamflix.league.support.security.SessionCookieAuthentication;
import com.streamflix.league.support.security.SessionProperties;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/** Issues and clears the {@code streamflix_session} cookie: an HS256 JWT with sub, name, iat, exp and roles (API.md). */
@Component
public class SessionCookies {
    private final JwtEncoder encoder;
    private final AuthProperties auth;
    private final AdminAccess admins;
    private final Clock clock;

    public SessionCookies(SessionProperties session, AuthProperties auth, AdminAccess admins, Clock clock) {
        var key = new SecretKeySpec(session.jwt().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.auth = auth;
        this.admins = admins;
        this.clock = clock;
    }

    public ResponseCookie issue(String userId, String login) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(userId)
                .claim("name", login)
                .claim("roles", admins.roles(userId))
                .issuedAt(now)
                .expiresAt(now.plus(auth.sessionTtl()))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return SessionCookieAuthentication.cookie(token).maxAge(auth.sessionTtl()).build();
    }

    public ResponseCookie clear() {
        return SessionCookieAuthentication.cleared();
    }
}
