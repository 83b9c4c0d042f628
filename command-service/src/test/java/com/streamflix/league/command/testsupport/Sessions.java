package com.streamflix.league.command.testsupport;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Session cookies for tests: valid ones, and the ways a forged one can be wrong. */
public final class Sessions {
    private Sessions() {
    }

    public static String cookie(String userId, String login) {
        return "streamflix_session=" + token(CommandServiceTest.JWT_SECRET, userId, login, Instant.now(),
                Duration.ofHours(1));
    }

    public static String token(String secret, String userId, String login, Instant issuedAt, Duration lifetime) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var claims = JwtClaimsSet.builder().subject(userId).claim("name", login).issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime)).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    /** Signed with another key. */
    public static String foreignSigned(String userId) {
        return "streamflix_session=" + token("a-completely-different-secret-0123456789", userId, "x", Instant.now(),
                Duration.ofHours(1));
    }

    public static String expired(String userId) {
        return "streamflix_session=" + token(CommandServiceTest.JWT_SECRET, userId, "x",
                Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
    }

    /** A valid token whose payload was changed to another user afterwards. */
    public static String tampered(String userId, String otherUserId) {
        String[] parts = token(CommandServiceTest.JWT_SECRET, userId, "x", Instant.now(), Duration.ofHours(1)).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + userId + "\"", "\"" + otherUserId + "\"");
        return "streamflix_session=" + parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** {@code alg: none}, no signature at all. */
    public static String unsigned(String userId) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"sub\":\"" + userId
                + "\",\"name\":\"x\",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}").getBytes());
        return "streamflix_session=" + header + "." + payload + ".";
    }
}
