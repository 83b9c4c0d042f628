package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first live slice across the three services, each in its own JVM on one PostgreSQL: a signed Twitch
 * redemption → the wallet → query-service's balance and ledger → a POINTS_UPDATE on every open tab (RULES W1–W4).
 */
class RedemptionToPushSystemTest extends SystemTest {
    static final Duration PUSH_TIMEOUT = Duration.ofSeconds(10);

    static String newUser() {
        return String.valueOf(100_000 + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
    }

    @Test
    void aRedemptionIsCreditedProjectedAndPushedToEveryTab_W1_W3_W4() throws Exception {
        String user = newUser();
        String cookie = client.sessionCookie(user, "viewer_" + user);
        try (var firstTab = client.connect(cookie, StackFixture.ALLOWED_ORIGIN);
             var secondTab = client.connect(cookie, StackFixture.ALLOWED_ORIGIN)) {
            for (var tab : new StackClient.Socket[]{firstTab, secondTab}) {
                JsonNode hello = tab.next(PUSH_TIMEOUT).message();
                assertThat(hello.path("type").asText()).isEqualTo("POINTS_UPDATE");
                assertThat(hello.path("balance").asLong()).isZero();
                assertThat(hello.path("version").asLong()).isZero();
            }

            assertThat(client.redeem(user, UUID.randomUUID().toString(), 250).statusCode()).isEqualTo(204);

            for (var tab : new StackClient.Socket[]{firstTab, secondTab}) {
                JsonNode update = tab.next(PUSH_TIMEOUT).message();
                assertThat(update.path("type").asText()).isEqualTo("POINTS_UPDATE");
                assertThat(update.path("balance").asLong()).isEqualTo(250);
                assertThat(update.path("version").asLong()).isPositive();
            }

            assertThat(client.redeem(user, UUID.randomUUID().toString(), 50).statusCode()).isEqualTo(204);
            JsonNode second = firstTab.next(PUSH_TIMEOUT).message();
            assertThat(second.path("balance").asLong()).isEqualTo(300);
        }

        JsonNode me = awaitBalance(cookie, 300);
        assertThat(me.path("userId").asText()).isEqualTo(user);
        assertThat(me.path("login").asText()).isEqualTo("viewer_" + user);
        assertThat(me.path("banned").asBoolean()).isFalse();

        var transactions = StackClient.JSON.readTree(
                client.get(stack.query, "/api/users/me/transactions?page=0&size=10", cookie).body());
        assertThat(transactions.path("total").asLong()).isEqualTo(2);
        assertThat(transactions.path("items").get(0).path("amount").asLong()).isEqualTo(50); // newest first
        assertThat(transactions.path("items").get(0).path("balance").asLong()).isEqualTo(300);
        assertThat(transactions.path("items").get(1).path("amount").asLong()).isEqualTo(250);
        assertThat(transactions.path("items").get(1).path("type").asText()).isEqualTo("TWITCH_REWARD_REDEMPTION");
    }

    @Test
    void aNewTabIsToldTheCurrentBalanceFirst_W4() throws Exception {
        String user = newUser();
        String cookie = client.sessionCookie(user, "viewer_" + user);
        assertThat(client.redeem(user, UUID.randomUUID().toString(), 70).statusCode()).isEqualTo(204);
        awaitBalance(cookie, 70);
        try (var tab = client.connect(cookie, StackFixture.ALLOWED_ORIGIN)) {
            assertThat(tab.next(PUSH_TIMEOUT).message().path("balance").asLong()).isEqualTo(70);
        }
    }

    @Test
    void aHandshakeFromAForeignOriginOrWithoutSessionIsRefused() {
        String cookie = client.sessionCookie(newUser(), "someone");
        assertThatThrownBy(() -> client.connect(cookie, "https://evil.example"))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> client.connect(null, StackFixture.ALLOWED_ORIGIN))
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void readsOfOnesOwnAccountNeedAValidSession() throws Exception {
        assertThat(client.get(stack.query, "/api/users/me", null).statusCode()).isEqualTo(401);
        assertThat(client.get(stack.query, "/api/users/me", "streamflix_session=not.a.jwt").statusCode()).isEqualTo(401);
        var badPage = client.get(stack.query, "/api/users/me/transactions?size=1000",
                client.sessionCookie(newUser(), "x"));
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.body()).contains("size");
    }
}
