package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13 across the three JVMs: signed redemptions carrying a NUL in the reward title, a 100-character login or a
 * huge cost are answered 2xx and never stop query-service's ledger projection; the viewer's next normal redemption,
 * and another viewer's, are projected (RULES W1, W3).
 */
class PoisonRedemptionSystemTest extends SystemTest {
    static final String REDEMPTION_TYPE = "channel.channel_points_custom_reward_redemption.add";

    static String newUser() {
        return String.valueOf(200_000 + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
    }

    static ObjectNode redemption(String userId, long cost) {
        ObjectNode body = StackClient.JSON.createObjectNode();
        body.putObject("subscription").put("id", "sub-1").put("type", REDEMPTION_TYPE).put("version", "1")
                .put("status", "enabled").put("cost", 0).put("created_at", "2024-01-01T00:00:00Z")
                .putObject("condition").put("broadcaster_user_id", "1337");
        ObjectNode event = body.putObject("event");
        event.put("id", UUID.randomUUID().toString()).put("broadcaster_user_id", "1337")
                .put("broadcaster_user_login", "streamer").put("broadcaster_user_name", "Streamer")
                .put("user_id", userId).put("user_login", "viewer_" + userId).put("user_name", "Viewer")
                .put("user_input", "").put("status", "unfulfilled").put("redeemed_at", "2024-01-01T00:00:00Z");
        event.putObject("reward").put("id", "reward-hydrate").put("title", "Hydrate").put("cost", cost)
                .put("prompt", "");
        return body;
    }

    /** Signed exactly as Twitch signs: HMAC-SHA256 over id ‖ timestamp ‖ raw body (twitch.md §1.4). */
    HttpResponse<String> send(ObjectNode body) throws Exception {
        String raw = StackClient.JSON.writeValueAsString(body);
        String messageId = UUID.randomUUID().toString();
        String timestamp = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(stack.settings.secrets().webhookSecret().getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        mac.update((messageId + timestamp).getBytes(StandardCharsets.UTF_8));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(raw.getBytes(StandardCharsets.UTF_8)));
        var request = HttpRequest.newBuilder(stack.command().uri("").resolve("/api/webhooks/twitch"))
                .header("Content-Type", "application/json")
                .header("Twitch-Eventsub-Message-Id", messageId)
                .header("Twitch-Eventsub-Message-Timestamp", timestamp)
                .header("Twitch-Eventsub-Message-Signature", signature)
                .header("Twitch-Eventsub-Message-Type", "notification")
                .header("Twitch-Eventsub-Message-Retry", "0")
                .header("Twitch-Eventsub-Subscription-Type", REDEMPTION_TYPE)
                .header("Twitch-Eventsub-Subscription-Version", "1")
                .POST(HttpRequest.BodyPublishers.ofString(raw, StandardCharsets.UTF_8)).build();
        return client.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void poisonRedemptionsNeverStopTheLedgerProjection_W1_W3() throws Exception {
        String user = newUser();
        ObjectNode nulTitle = redemption(user, 30);
        ((ObjectNode) nulTitle.path("event").path("reward")).put("title", "Hydr\u0000ate");
        assertThat(send(nulTitle).statusCode()).isEqualTo(204);
        ObjectNode longLogin = redemption(user, 40);
        ((ObjectNode) longLogin.path("event")).put("user_login", "a".repeat(100));
        assertThat(send(longLogin).statusCode()).isEqualTo(204);
        assertThat(send(redemption(user, Long.MAX_VALUE)).statusCode()).isEqualTo(204);
        assertThat(send(redemption(user, 50)).statusCode()).isEqualTo(204);

        String cookie = client.sessionCookie(user, "viewer_" + user);
        JsonNode me = awaitBalance(cookie, 80); // 30 (title cleaned) + 50; the long login and the huge cost parked
        assertThat(me.path("login").asText()).isEqualTo("viewer_" + user);
        var transactions = StackClient.JSON.readTree(
                client.get(stack.query, "/api/users/me/transactions?page=0&size=10", cookie).body());
        assertThat(transactions.path("total").asLong()).isEqualTo(2);
        assertThat(transactions.path("items").get(1).path("description").asText())
                .isEqualTo("Channel Points: Hydrate");

        String other = newUser();
        assertThat(send(redemption(other, 20)).statusCode()).isEqualTo(204);
        awaitBalance(client.sessionCookie(other, "viewer_" + other), 20);
    }
}
