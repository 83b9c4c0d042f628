package com.streamflix.league.system;

import org.junit.jupiter.api.Test;

import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every service refuses a session cookie that is tampered with, expired, unsigned or signed with another key. */
class SessionSecuritySystemTest extends SystemTest {
    static List<String> forgedCookies() {
        String valid = client.sessionCookie("9100", "viewer").substring("streamflix_session=".length());
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("9100", "1337");
        String tampered = parts[0] + "." + b64(payload) + "." + parts[2];
        String unsigned = b64("{\"alg\":\"none\"}") + "." + parts[1] + ".";
        String expired = client.sessionCookie("9100", "viewer", Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1))
                .substring("streamflix_session=".length());
        String foreign = client.sessionCookie("9100", "viewer", "another-secret-of-sufficient-length-0123456789")
                .substring("streamflix_session=".length());
        return List.of(tampered, unsigned, expired, foreign).stream().map(t -> "streamflix_session=" + t).toList();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void commandServiceRefusesForgedSessions() throws Exception {
        for (String cookie : forgedCookies()) {
            assertThat(client.get(stack.command(), "/api/auth/me", cookie).statusCode()).as(cookie).isEqualTo(401);
        }
        assertThat(client.get(stack.command(), "/api/auth/me", client.sessionCookie("9100", "viewer")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void queryServiceRefusesForgedSessions() throws Exception {
        for (String cookie : forgedCookies()) {
            assertThat(client.get(stack.query, "/api/users/me", cookie).statusCode()).as(cookie).isEqualTo(401);
        }
        assertThat(client.get(stack.query, "/api/users/me", client.sessionCookie("9100", "viewer")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void realtimeServiceRefusesForgedSessions() {
        for (String cookie : forgedCookies()) {
            assertThatThrownBy(() -> client.connect(cookie, StackFixture.ALLOWED_ORIGIN)).as(cookie)
                    .cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));
        }
        try (var socket = client.connect(client.sessionCookie("9100", "viewer"), StackFixture.ALLOWED_ORIGIN)) {
            assertThat(socket.webSocket).isNotNull();
        }
    }
}
