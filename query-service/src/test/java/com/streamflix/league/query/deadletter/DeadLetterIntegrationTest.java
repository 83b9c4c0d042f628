package com.streamflix.league.query.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.wallet.WalletOpenedEvent;
import com.streamflix.league.query.testsupport.QueryServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static com.streamflix.league.api.wallet.TransactionType.TWITCH_REWARD_REDEMPTION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13: a poison event does not stop its projection. It is parked in the dead-letter queue with its cause,
 * with the later events of its wallet (kept in order); everybody else's events go on; an admin sees it, and once
 * the cause is fixed a retry projects the parked events in order.
 */
class DeadLetterIntegrationTest extends QueryServiceTest {
    @Autowired
    MeterRegistry meters;

    @Test
    void aPoisonEventIsParkedTheStreamGoesOnAndARetryProjectsIt() throws Exception {
        String poisoned = "p" + UUID.randomUUID().toString().substring(0, 8);
        String bystander = "b" + UUID.randomUUID().toString().substring(0, 8);
        // the read model refuses this user's row (a trigger of the test's: a schema change would break the cached
        // plans of the context's other tests), as it would a value it cannot hold
        jdbc.execute("""
                CREATE FUNCTION refuse_poisoned() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'poisoned row for %', NEW.user_id; END $$""");
        jdbc.execute("CREATE TRIGGER refuse_poisoned BEFORE INSERT ON users FOR EACH ROW WHEN (NEW.user_id = '"
                + poisoned + "') EXECUTE FUNCTION refuse_poisoned()");
        append("UserWallet", poisoned, new WalletOpenedEvent(poisoned, "poisoned_login"));
        credit(poisoned, TWITCH_REWARD_REDEMPTION, 40, "Channel Points: hug", "r-" + poisoned, "k-" + poisoned);
        wallet(bystander, "bystander", 25);

        // the stream goes on past the poison
        awaitJson("/api/users/me", me -> me.path("balance").asLong() == 25, session(bystander));
        JsonNode groups = awaitJson("/api/admin/dead-letters", list -> parked(list, "wallet-ledger") >= 2, admin());
        JsonNode ledger = group(groups, "wallet-ledger");
        assertThat(ledger.path("parkedEvents").asLong()).isEqualTo(2);
        assertThat(ledger.path("parkedSequences").asLong()).isEqualTo(1);
        JsonNode first = ledger.path("events").get(0);
        assertThat(first.path("aggregateIdentifier").asText()).isEqualTo(poisoned);
        assertThat(first.path("payloadType").asText()).endsWith("WalletOpenedEvent");
        assertThat(first.path("causeMessage").asText()).contains("poisoned row for " + poisoned);
        assertThat(ledger.path("events").get(1).path("payloadType").asText())
                .as("the wallet's later event waits behind it, in order").endsWith("PointsCreditedEvent");
        assertThat(getJson("/api/users/me", session(poisoned)).path("balance").asLong()).isZero();
        assertThat(meters.get("streamflix.dead.letters").tag("group", "wallet-ledger").gauge().value()).isEqualTo(2);
        assertThat(meters.get("streamflix.processor.lag").tag("group", "wallet-ledger").gauge().value()).isNotNaN();

        // the cause fixed, a retry projects both, in order
        jdbc.execute("DROP TRIGGER refuse_poisoned ON users");
        jdbc.execute("DROP FUNCTION refuse_poisoned()");
        HttpResponse<String> retried = post("/api/admin/dead-letters/wallet-ledger/retry");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json.readTree(retried.body()).path("stillParked").asLong()).isZero();
        JsonNode me = awaitJson("/api/users/me", m -> m.path("balance").asLong() == 40, session(poisoned));
        assertThat(me.path("login").asText()).isEqualTo("poisoned_login");
        assertThat(parked(getJson("/api/admin/dead-letters", admin()), "wallet-ledger")).isZero();
        assertThat(post("/api/admin/dead-letters/no-such-group/retry").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAdminsSeeParkedEvents() throws Exception {
        assertThat(get("/api/admin/dead-letters").statusCode()).isEqualTo(401);
        assertThat(get("/api/admin/dead-letters", session("some-viewer")).statusCode()).isEqualTo(403);
        assertThat(get("/api/admin/dead-letters", "X-Audit-Key", AUDIT_KEY).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).header("X-Admin-Key", ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode group(JsonNode groups, String name) {
        for (JsonNode group : groups) {
            if (group.path("group").asText().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no group " + name + " in " + groups);
    }

    private static long parked(JsonNode groups, String name) {
        return group(groups, name).path("parkedEvents").asLong();
    }
}
