package com.streamflix.league.support.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * The session is an HS256 JWT in the {@code streamflix_session} cookie (API.md), verified with Spring Security's
 * Nimbus decoder: signature, algorithm, a subject and an expiry that has not passed. No session state is kept on the
 * server. The cookie's attributes live here so that the cookie command-service issues and the one any service clears
 * are the same cookie.
 */
public final class SessionCookieAuthentication {
    public static final String COOKIE = "streamflix_session";

    private SessionCookieAuthentication() {
    }

    public static JwtDecoder decoder(String secret) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        // Spring's default validator skips a missing exp; a session without an expiry is refused.
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
        return decoder;
    }

    /** The session cookie's value, or null; only the cookie is read: an Authorization header is not a session. */
    public static String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** The session cookie with its attributes ({@code HttpOnly; Secure; SameSite=Lax; Path=/}), lifetime unset. */
    public static ResponseCookie.ResponseCookieBuilder cookie(String value) {
        return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(true).sameSite("Lax").path("/");
    }

    /** A Set-Cookie that makes the browser drop the session cookie (logout, or a cookie that no longer verifies). */
    public static ResponseCookie cleared() {
        return cookie("").maxAge(0).build();
    }
}
