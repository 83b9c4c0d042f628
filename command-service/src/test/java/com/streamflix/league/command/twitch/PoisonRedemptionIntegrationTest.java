package com.streamflix.league.command.twitch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.streamflix.league.api.wallet.CreditPointsCommand;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.command.testsupport.CommandServiceTest;
import com.streamflix.league.command.testsupport.Sessions;
import com.streamflix.league.command.wallet.UserWallet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13 over real HTTP with webhooks signed as Twitch signs them: a redemption that can never be credited is
 * answered 2xx (Twitch must not redeliver it forever), parked whole with its cause, credits nothing, and the next
 * normal redemption of the same viewer is credited with strings the read model can hold (RULES W1, W2, W3).
 */
class PoisonRedemptionIntegrationTest extends CommandServiceTest {
    final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    CommandGateway commands;

    /** A redemption.add notification as Twitch sends it (twitch.md §2.1), built by Jackson so any text is valid JSON. */
    static ObjectNode redemption(String userId) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("subscription").put("id", "sub-1").put("type", ChannelPointsRedemptions.SUBSCRIPTION_TYPE)
                .put("version", "1").put("status", "enabled").put("cost", 0)
                .put("created_at", "2024-01-01T00:00:00Z")
                .putObject("condition").put("broadcaster_user_id", BROADCASTER_ID);
        ObjectNode event = body.putObject("event");
        event.put("id", UUID.randomUUID().toString()).put("broadcaster_user_id", BROADCASTER_ID)
                .put("broadcaster_user_login", "cool_user").put("broadcaster_user_name", "Cool_User")
                .put("user_id", userId).put("user_login", "viewer_" + userId).put("user_name", "Viewer")
                .put("user_input", "").put("status", "unfulfilled").put("redeemed_at", "2024-01-01T00:00:00Z");
        event.putObject("reward").put("id", UUID.randomUUID().toString()).put("title", "Hydrate").put("cost", 100)
                .put("prompt", "");
        return body;
    }

    static ObjectNode event(ObjectNode body) {
        return (ObjectNode) body.path("event");
    }

    static ObjectNode reward(ObjectNode body) {
        return (ObjectNode) body.path("event").path("reward");
    }

    HttpResponse<String> send(String messageId, ObjectNode body) throws Exception {
        return new SignedWebhooks(port, WEBHOOK_SECRET).notification(messageId, JSON.writeValueAsString(body));
    }

    HttpResponse<String> send(ObjectNode body) throws Exception {
        return send(UUID.randomUUID().toString(), body);
    }

    static String uniqueUser() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    }

    /** The wallet's events as stored: what query-service's ledger projection will have to insert. */
    List<String> walletPayloads(String userId) {
        return jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8') FROM eventstore.domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, userId);
    }

    long credited(String userId) {
        return walletPayloads(userId).stream().filter(json -> json.contains("\"TWITCH_REWARD_REDEMPTION\""))
                .mapToLong(json -> Long.parseLong(json.replaceAll(".*\"amount\":(\\d+).*", "$1"))).sum();
    }

    Map<String, Object> parked(String messageId) {
        return jdbc.queryForMap("SELECT problem_type, field, detail, body FROM twitch_webhook_unprocessable"
                + " WHERE message_id = ?", messageId);
    }

    int parkedCount(String messageId) {
        return jdbc.queryForObject("SELECT count(*) FROM twitch_webhook_unprocessable WHERE message_id = ?",
                Integer.class, messageId);
    }

    /** The poison did not stop anything: the viewer's next normal redemption is credited, storable. */
    void aNormalRedemptionIsStillCredited(String userId, long before) throws Exception {
        assertThat(send(redemption(userId)).statusCode()).isEqualTo(204);
        assertThat(credited(userId)).isEqualTo(before + 100);
        assertThat(walletPayloads(userId)).allSatisfy(json -> assertThat(json).doesNotContain("\\u0000"));
    }

    @Test
    void aNulInTheRewardTitleIsStrippedBeforeItReachesTheLedger_W3() throws Exception {
        String user = uniqueUser();
        ObjectNode body = redemption(user);
        reward(body).put("title", "Hydr\u0000ate\u0007 " + "x".repeat(100));
        assertThat(send(body).statusCode()).isEqualTo(204);

        assertThat(credited(user)).isEqualTo(100);
        String reason = JSON.readTree(walletPayloads(user).get(1)).path("reason").asText();
        assertThat(reason).isEqualTo("Channel Points: Hydrate " + "x".repeat(37)); // 45 characters of title
        assertThat(reason.chars()).noneMatch(Character::isISOControl);
        aNormalRedemptionIsStillCredited(user, 100);
    }

    @Test
    void aLoginLongerThanTwitchAllowsIsParkedAndCreditsNothing_W3() throws Exception {
        String user = uniqueUser();
        ObjectNode body = redemption(user);
        event(body).put("user_login", "a".repeat(100));
        String messageId = UUID.randomUUID().toString();
        assertThat(send(messageId, body).statusCode()).isEqualTo(204);

        assertThat(walletPayloads(user)).isEmpty();
        var parked = parked(messageId);
        assertThat(parked.get("problem_type")).isEqualTo("invalid-redemption");
        assertThat(parked.get("field")).isEqualTo("event.user_login");
        assertThat(JSON.readTree((String) parked.get("body"))).isEqualTo(body); // stored whole
        // Twitch redelivers it: acknowledged again, parked once
        assertThat(send(messageId, body).statusCode()).isEqualTo(204);
        assertThat(parkedCount(messageId)).isEqualTo(1);
        aNormalRedemptionIsStillCredited(user, 0);
        // an admin sees it, whole, with why
        var listed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/admin/twitch/unprocessable?size=100")).header("X-Admin-Key", ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode item : JSON.readTree(listed.body()).path("items")) {
            if (item.path("messageId").asText().equals(messageId)) {
                mine = item;
            }
        }
        assertThat(mine).as(listed.body()).isNotNull();
        assertThat(mine.path("field").asText()).isEqualTo("event.user_login");
        assertThat(JSON.readTree(mine.path("body").asText())).isEqualTo(body);
        var asViewer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/admin/twitch/unprocessable")).header("Cookie", Sessions.cookie(user, "v")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asViewer.statusCode()).isEqualTo(403);
    }

    @Test
    void aControlCharacterInALoginOrANonNumericUserIdIsParked_W3() throws Exception {
        String user = uniqueUser();
        ObjectNode badLogin = redemption(user);
        event(badLogin).put("user_login", "viewer\u0000");
        String first = UUID.randomUUID().toString();
        assertThat(send(first, badLogin).statusCode()).isEqualTo(204);
        assertThat(parked(first).get("field")).isEqualTo("event.user_login");

        ObjectNode badUser = redemption(user);
        event(badUser).put("user_id", user + "\u0000");
        String second = UUID.randomUUID().toString();
        assertThat(send(second, badUser).statusCode()).isEqualTo(204);
        assertThat(parked(second).get("field")).isEqualTo("event.user_id");

        assertThat(walletPayloads(user)).isEmpty();
        aNormalRedemptionIsStillCredited(user, 0);
    }

    @Test
    void aHugeCostIsAcknowledgedParkedAndNeverCredited_W1_W2() throws Exception {
        String user = uniqueUser();
        for (Object cost : new Object[]{Long.MAX_VALUE, new BigInteger("1000000000000000000000000000000"), 1_000_001L}) {
            ObjectNode body = redemption(user);
            if (cost instanceof BigInteger big) {
                reward(body).put("cost", big);
            } else {
                reward(body).put("cost", (Long) cost);
            }
            String messageId = UUID.randomUUID().toString();
            assertThat(send(messageId, body).statusCode()).as("cost " + cost).isEqualTo(204);
            assertThat(parked(messageId).get("field")).as("cost " + cost).isEqualTo("event.reward.cost");
        }
        assertThat(walletPayloads(user)).isEmpty();
        // exactly the cap (default 1,000,000 × factor 1) is still one redemption's worth
        ObjectNode atCap = redemption(user);
        reward(atCap).put("cost", 1_000_000L);
        assertThat(send(atCap).statusCode()).isEqualTo(204);
        assertThat(credited(user)).isEqualTo(1_000_000L);
        aNormalRedemptionIsStillCredited(user, 1_000_000L);
    }

    @Test
    void aRedemptionOverTheMaximumBalanceIsParkedNotAnEndless409_W2() throws Exception {
        String user = uniqueUser();
        long grant = UserWallet.MAX_BALANCE - 150;
        commands.sendAndWait(new CreditPointsCommand(user, null, grant, TransactionType.ADMIN_ADJUSTMENT,
                "seed near the limit", null, "admin:seed-" + user));
        String messageId = UUID.randomUUID().toString();
        ObjectNode body = redemption(user);
        reward(body).put("cost", 200);
        assertThat(send(messageId, body).statusCode()).isEqualTo(204);
        assertThat(parked(messageId).get("problem_type")).isEqualTo("balance-limit-reached");
        assertThat(credited(user)).isZero();
        // redelivered: the same 2xx, never an overflow or a 409
        assertThat(send(messageId, body).statusCode()).isEqualTo(204);
        assertThat(credited(user)).isZero();
        aNormalRedemptionIsStillCredited(user, 0); // 100 still fits: MAX - 50
    }

    @Test
    void anotherChannelsRedemptionCreditsNothingAndTheNextIsCredited_W1() throws Exception {
        String user = uniqueUser();
        ObjectNode body = redemption(user);
        event(body).put("broadcaster_user_id", "4242");
        assertThat(send(body).statusCode()).isEqualTo(204);
        assertThat(walletPayloads(user)).isEmpty();
        aNormalRedemptionIsStillCredited(user, 0);
    }

    /** The inbox's columns bound the message id; a longer one is refused up front rather than failing every time. */
    @Test
    void aMessageIdTheInboxCannotHoldIsRefusedNamingTheHeader() throws Exception {
        String user = uniqueUser();
        var response = send("m".repeat(256), redemption(user));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo("Twitch-Eventsub-Message-Id");
        assertThat(walletPayloads(user)).isEmpty();
    }
}
