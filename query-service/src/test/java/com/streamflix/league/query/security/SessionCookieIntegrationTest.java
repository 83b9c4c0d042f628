package com.streamflix.league.query.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.streamflix.league.query.testsupport.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13: a stale or foreign session cookie (say, after the JWT secret was rotated) is cleared and the request is
 * served as anonymous, so public reads keep working; what needs a session answers 401 as without a cookie.
 */
class SessionCookieIntegrationTest extends QueryServiceTest {
    private static final List<String> INVALID = List.of(
            "garbage",
            token("a-completely-different-secret-0123456789", Instant.now(), Duration.ofHours(1)),
            token(JWT_SECRET, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1)));

    @Test
    void anInvalidCookieOnAPublicReadIsClearedAndTheReadAnswered() throws Exception {
        for (String cookie : INVALID) {
            for (String path : List.of("/api/tournaments", "/api/leaderboard")) {
                var response = get(path, "Cookie", "streamflix_session=" + cookie);
                assertThat(response.statusCode()).as(path + " with " + cookie).isEqualTo(200);
                assertThat(clearing(response)).as(path + " with " + cookie).isTrue();
            }
        }
    }

    @Test
    void anInvalidCookieIsNoSessionWhereOneIsNeeded() throws Exception {
        for (String cookie : INVALID) {
            var response = get("/api/users/me", "Cookie", "streamflix_session=" + cookie);
            assertThat(response.statusCode()).as(cookie).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("unauthenticated");
            assertThat(clearing(response)).as(cookie).isTrue();
        }
    }

    @Test
    void aValidCookieIsKeptAndServed() throws Exception {
        var read = get("/api/tournaments", session("kept-viewer"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("streamflix_session="));
        var me = get("/api/users/me", session("kept-viewer"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).path("userId").asText()).isEqualTo("kept-viewer");
    }

    /** The key is nobody's: no user to describe, a clear refusal and not a 500. */
    @Test
    void theAdminKeyAloneHasNoMe() throws Exception {
        var me = get("/api/users/me", "X-Admin-Key", ADMIN_KEY);
        assertThat(me.statusCode()).isEqualTo(403);
        assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    /** A Set-Cookie that expires the session cookie with the attributes command-service issues it with. */
    private static boolean clearing(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("streamflix_session=;")
                && c.contains("Max-Age=0") && c.contains("Path=/") && c.contains("HttpOnly") && c.contains("Secure")
                && c.contains("SameSite=Lax"));
    }

    private static String token(String secret, Instant issuedAt, Duration lifetime) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var claims = JwtClaimsSet.builder().subject("stale-viewer").claim("name", "stale").issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime)).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
