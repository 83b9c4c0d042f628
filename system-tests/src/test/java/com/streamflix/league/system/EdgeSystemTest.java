package com.streamflix.league.system;

import com.streamflix.league.testsupport.RawHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser's single origin: webhooks, reads and the socket all through the edge, each to its service. */
class EdgeSystemTest extends SystemTest {
    @Test
    void oneOriginServesWebhooksReadsAndSockets() throws Exception {
        String user = "7" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L);
        String cookie = client.sessionCookie(user, "edge_viewer");
        URI socketBase = URI.create("ws://localhost:" + stack.edge.port);
        try (var tab = client.connect(socketBase, cookie, StackFixture.ALLOWED_ORIGIN)) {
            assertThat(tab.next(Duration.ofSeconds(10)).message().path("balance").asLong()).isZero();
            assertThat(client.redeem(client.edge, user, UUID.randomUUID().toString(), 42).statusCode()).isEqualTo(204);
            assertThat(tab.next(Duration.ofSeconds(10)).message().path("balance").asLong()).isEqualTo(42);
        }
        Instant deadline = Instant.now().plusSeconds(10);
        String body = "";
        while (Instant.now().isBefore(deadline) && !body.contains("\"balance\":42")) {
            var me = client.get(client.edge, "/api/users/me", cookie);
            assertThat(me.statusCode()).isEqualTo(200);
            body = me.body();
            Thread.sleep(50);
        }
        assertThat(body).contains("\"balance\":42");
        assertThat(client.get(client.edge, "/api/auth/me", cookie).body()).contains("\"userId\":\"" + user + "\"");
        assertThat(client.get(client.edge, "/actuator/health", null).statusCode()).isEqualTo(404);
    }

    /** A service's 413 problem for a body past streamflix.http.max-body-size passes the edge unchanged (issue #13). */
    @Test
    void anOversizedBodyIsTheServicesProblemThroughTheEdge() throws Exception {
        for (boolean chunked : new boolean[]{false, true}) {
            var response = RawHttp.send(stack.edge.port, "POST /api/webhooks/twitch HTTP/1.1\r\n"
                    + "Content-Type: application/json", new byte[2_000_000], chunked);
            assertThat(response.status()).as(response.body()).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).contains("body-too-large");
        }
    }
}
