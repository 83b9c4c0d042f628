package com.streamflix.league.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.vote.VotesCastEvent;
import com.streamflix.league.query.testsupport.QueryServiceTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.streamflix.league.api.wallet.TransactionType.ADMIN_ADJUSTMENT;
import static com.streamflix.league.api.wallet.TransactionType.PREDICTION_PAYOUT;
import static com.streamflix.league.api.wallet.TransactionType.PREDICTION_REVERSAL;
import static com.streamflix.league.api.wallet.TransactionType.PREDICTION_WAGER;
import static com.streamflix.league.api.wallet.TransactionType.TWITCH_REWARD_REDEMPTION;
import static com.streamflix.league.api.wallet.TransactionType.VOTE_REFUND;
import static com.streamflix.league.api.wallet.TransactionType.VOTE_SPEND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12 (RULES W3): the ledger replayed from the event store, the verification of every projected balance and
 * of the hash chains, and the rebuild of the ledger's projection, through the HTTP API as auditors and admins use it.
 * One story in one test: the verification reads every wallet of the shared test database.
 */
class LedgerAuditIntegrationTest extends QueryServiceTest {

    private static String[] auditor() {
        return new String[]{"X-Audit-Key", AUDIT_KEY};
    }

    private static String[] adminKey() {
        return new String[]{"X-Admin-Key", ADMIN_KEY};
    }

    private static String newUser() {
        return "a" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Credits, an adjustment, votes with their debit, a tie's refund, a wager, its payout and a reversal. */
    private long history(String user) {
        wallet(user, "login_" + user, 0);
        credit(user, TWITCH_REWARD_REDEMPTION, 500, "Channel Points: hug", "redemption-" + user, "r:" + user);
        credit(user, ADMIN_ADJUSTMENT, 40, "stream bonus", null, "adj:" + user);
        String castId = UUID.randomUUID().toString();
        debit(user, VOTE_SPEND, 30, "3 vote(s) in vote v-" + user, "v-" + user, "vote-cast:" + castId);
        append("UserWallet", user, new VotesCastEvent(user, castId, "v-" + user, "m-1", "p-a", 3, 10));
        credit(user, VOTE_REFUND, 30, "Refund: vote v-" + user + " ended in a tie", "v-" + user, "vote-refund:" + user);
        debit(user, PREDICTION_WAGER, 200, "Prediction on m-1", "pr-" + user, "wager:" + user);
        credit(user, PREDICTION_PAYOUT, 350, "Prediction won", "pr-" + user, "payout:" + user);
        debit(user, VOTE_SPEND, 600, "60 vote(s) in vote v2-" + user, "v2-" + user, "vote-cast:" + UUID.randomUUID());
        reclaim(user, PREDICTION_REVERSAL, 150, "result corrected", "pr-" + user, "reversal:" + user);
        return balance(user);
    }

    @Test
    void theLedgerReplaysVerifiesDetectsTamperingAndRebuilds_W3() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(newUser());
        }
        users.forEach(this::history);
        String alice = users.get(0);
        String bob = users.get(1);
        String carol = users.get(2);
        String dave = users.get(3);
        String erin = users.get(4);
        for (String user : users) { // 8 credits and debits each (the write-off is not a transaction)
            awaitJson("/api/users/me/transactions?size=100", page -> page.path("total").asInt() == 8, session(user));
        }
        assertThat(balance(alice)).as("the reversal took what was left and wrote off the rest").isZero();

        // the ledger from the event store: oldest first, the running balance, the final balance
        JsonNode ledger = getJson("/api/audit/users/" + alice + "/ledger", auditor());
        JsonNode entries = ledger.path("entries");
        assertThat(entries.size()).isEqualTo(9);
        assertThat(entries.get(0).path("type").asText()).isEqualTo("TWITCH_REWARD_REDEMPTION");
        assertThat(entries.get(0).path("amount").asLong()).isEqualTo(500);
        assertThat(entries.get(2).path("balance").asLong()).isEqualTo(510);
        assertThat(entries.get(2).path("relatedEntityId").asText()).isEqualTo("v-" + alice);
        assertThat(entries.get(7).path("entry").asText()).isEqualTo("DEBIT");
        assertThat(entries.get(8).path("entry").asText()).isEqualTo("WRITE_OFF");
        assertThat(entries.get(8).path("writtenOff").asLong()).isEqualTo(60);
        assertThat(entries.get(8).path("time").asText()).isNotBlank();
        assertThat(ledger.path("finalBalance").asLong()).isEqualTo(balance(alice));
        assertThat(ledger.path("problems").size()).isZero();
        long running = 0;
        for (JsonNode entry : entries) {
            running += entry.path("amount").asLong();
            assertThat(entry.path("balance").asLong()).isEqualTo(running);
            assertThat(entry.path("problems").size()).isZero();
            assertThat(entry.path("chainHash").asText()).hasSize(64);
        }

        HttpResponse<String> csv = get("/api/audit/users/" + bob + "/ledger", "Accept", "text/csv", auditor()[0],
                auditor()[1]);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("sequenceNumber,eventId,entry,type,amount");
        assertThat(lines).hasSize(1 + 9 + 1);
        assertThat(lines.get(10)).contains("FINAL_BALANCE").contains("," + balance(bob) + ",");

        // a clean store: nothing to report, and the identity holds
        JsonNode clean = verify();
        assertThat(clean.path("mismatchCount").asLong()).as(clean.toString()).isZero();
        assertThat(clean.path("tamperedEventCount").asLong()).as(clean.toString()).isZero();
        assertThat(clean.path("usersChecked").asLong()).isGreaterThanOrEqualTo(5);
        JsonNode totals = clean.path("totals");
        assertThat(totals.path("identityHolds").asBoolean()).as(totals.toString()).isTrue();
        assertThat(totals.path("credited").asLong() - totals.path("debited").asLong())
                .isEqualTo(totals.path("projectedBalances").asLong());
        assertThat(totals.path("byType").path("VOTE_SPEND").path("debited").asLong()).isGreaterThanOrEqualTo(5 * 630);
        assertThat(totals.path("byType").path("PREDICTION_REVERSAL").path("writtenOff").asLong())
                .isGreaterThanOrEqualTo(5 * 60);

        // the projection changed behind its back, four ways: verify names those four users, each for its reason
        jdbc.update("UPDATE users SET points_balance = points_balance + 7 WHERE user_id = ?", bob);
        jdbc.update("DELETE FROM transactions WHERE user_id = ? AND type = 'ADMIN_ADJUSTMENT'", carol);
        jdbc.update("UPDATE transactions SET description = 'forged' WHERE user_id = ? AND type = 'VOTE_REFUND'", dave);
        // rolled back to before any entry, as a restore of an old backup would: not "behind", entries lost
        jdbc.update("DELETE FROM transactions WHERE user_id = ?", erin);
        jdbc.update("UPDATE users SET points_balance = 0, wallet_version = -1 WHERE user_id = ?", erin);
        JsonNode corrupted = verify();
        assertThat(corrupted.path("mismatchCount").asLong()).as(corrupted.toString()).isEqualTo(4);
        Map<String, JsonNode> named = new HashMap<>();
        corrupted.path("mismatches").forEach(m -> named.put(m.path("userId").asText(), m));
        assertThat(named.keySet()).containsExactlyInAnyOrder(bob, carol, dave, erin);
        assertThat(named.get(bob).path("projectedBalance").asLong()).isEqualTo(balance(bob) + 7);
        assertThat(named.get(bob).path("replayedBalance").asLong()).isEqualTo(balance(bob));
        assertThat(named.get(bob).path("reason").asText()).contains("balance");
        assertThat(named.get(carol).path("reason").asText()).contains("count or sum");
        assertThat(named.get(dave).path("reason").asText()).contains("a row's content");
        assertThat(named.get(erin).path("reason").asText()).contains("already handled");
        assertThat(corrupted.path("usersBehind").asLong()).isZero();
        assertThat(corrupted.path("totals").path("identityHolds").asBoolean()).isFalse();

        // the rebuild restores them all, while the live projection goes on appending
        List<String> late = List.of(newUser(), newUser(), newUser());
        late.forEach(user -> wallet(user, "login_" + user, 0));
        HttpResponse<String> started = post("/api/admin/projections/wallet-ledger/rebuild", adminKey());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String rebuilding = started.headers().firstValue("Location").orElseThrow();
        int appended = 0;
        while (getJson(rebuilding, adminKey()).path("status").asText().equals("RUNNING")) {
            credit(late.get(appended % 3), TWITCH_REWARD_REDEMPTION, 1, "Channel Points: hug",
                    "during-" + appended, "during:" + appended);
            appended++;
            Thread.sleep(5);
        }
        JsonNode rebuild = getJson(rebuilding, adminKey());
        assertThat(rebuild.path("status").asText()).as(rebuild.toString()).isEqualTo("SUCCEEDED");
        assertThat(rebuild.path("result").path("eventsReplayed").asLong()).isPositive();
        assertThat(getJson("/api/users/me", session(bob)).path("balance").asLong()).isEqualTo(balance(bob));
        assertThat(getJson("/api/users/me/transactions?size=100", session(carol)).path("total").asInt()).isEqualTo(8);
        assertThat(getJson("/api/users/me/transactions?size=100", session(erin)).path("total").asInt()).isEqualTo(8);
        for (String user : late) {
            awaitJson("/api/users/me", me -> me.path("balance").asLong() == balance(user), session(user));
        }
        JsonNode afterRebuild = verify();
        assertThat(afterRebuild.path("mismatchCount").asLong()).as(afterRebuild.toString()).isZero();
        // the live projection goes on into the rebuilt tables
        credit(dave, TWITCH_REWARD_REDEMPTION, 25, "Channel Points: hug", "late-" + dave, "late:" + dave);
        assertThat(afterRebuild.path("totals").path("identityHolds").asBoolean()).isTrue();
        awaitJson("/api/users/me/transactions?size=100", page -> page.path("total").asInt() == 9, session(dave));

        // a stored event's amount changed in the database: verify names exactly that event
        String tampered = jdbc.queryForObject("""
                SELECT event_identifier FROM eventstore.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%PointsDebitedEvent' ORDER BY sequence_number
                LIMIT 1""", String.class, carol);
        int changed = jdbc.update("""
                UPDATE eventstore.domain_event_entry
                SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '"amount":-30', '"amount":-3'), 'UTF8')
                WHERE event_identifier = ?""", tampered);
        assertThat(changed).isOne();
        JsonNode detected = verify();
        assertThat(detected.path("tamperedEventCount").asLong()).as(detected.toString()).isEqualTo(1);
        JsonNode changedEvent = detected.path("tamperedEvents").get(0);
        assertThat(changedEvent.path("eventId").asText()).isEqualTo(tampered);
        assertThat(changedEvent.path("userId").asText()).isEqualTo(carol);
        assertThat(changedEvent.path("problem").asText()).contains("chain hash does not match");
        assertThat(detected.path("mismatches").findValuesAsText("userId")).containsExactly(carol);

        // and an event removed: the hole and the broken chain name where it was
        jdbc.update("""
                DELETE FROM eventstore.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%PointsCreditedEvent' AND sequence_number = 2""",
                dave);
        JsonNode removed = verify();
        assertThat(removed.path("tamperedEvents").findValuesAsText("userId")).containsOnly(carol, dave);
        List<JsonNode> daves = new ArrayList<>();
        removed.path("tamperedEvents").forEach(event -> {
            if (event.path("userId").asText().equals(dave)) {
                daves.add(event);
            }
        });
        assertThat(daves.get(0).path("sequenceNumber").asLong()).isEqualTo(3);
        assertThat(daves.get(0).path("problem").asText()).contains("sequence number(s) 2 missing")
                .contains("chain hash does not match");
        // without the 40 points it removed, the replay runs out of points where the wallet spent them
        assertThat(daves.get(1).path("problem").asText()).contains("falls below zero");
        assertThat(daves).hasSize(2);
    }

    @Test
    void onlyAuditorsAndAdminsReadTheAuditAndOnlyAdminsRebuild() throws Exception {
        String viewer = newUser();
        wallet(viewer, "login_" + viewer, 10);
        awaitJson("/api/users/me", me -> me.path("balance").asLong() == 10, session(viewer));
        String path = "/api/audit/users/" + viewer + "/ledger";
        assertThat(get(path).statusCode()).isEqualTo(401);
        assertThat(get(path, session(viewer)).statusCode()).isEqualTo(403);
        assertThat(get(path, "X-Audit-Key", "not-the-key-0123456789abcdef-0123456789").statusCode()).isEqualTo(401);
        assertThat(get(path, auditor()).statusCode()).isEqualTo(200);
        assertThat(get(path, adminKey()).statusCode()).isEqualTo(200);
        assertThat(get(path, session(AUDITOR)).statusCode()).as("a listed auditor's session").isEqualTo(200);
        assertThat(post("/api/admin/projections/wallet-ledger/rebuild", session(AUDITOR)).statusCode())
                .as("auditors read; they do not rebuild").isEqualTo(403);
        assertThat(get("/api/audit/users/nobody-" + viewer + "/ledger", auditor()).statusCode()).isEqualTo(404);
        HttpResponse<String> tooLong = get("/api/audit/users/" + "x".repeat(65) + "/ledger", auditor());
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        // the audit key reads the audit and nothing else
        assertThat(get("/api/users/me", auditor()).statusCode()).isIn(401, 403);
        assertThat(post("/api/admin/projections/wallet-ledger/rebuild", auditor()).statusCode()).isEqualTo(403);
        assertThat(post("/api/audit/verify", session(viewer)).statusCode()).isEqualTo(403);
        assertThat(get("/api/audit/verify/" + UUID.randomUUID(), auditor()).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).headers(headers).header("Origin", "http://localhost:8080");
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode verify() throws Exception {
        return job("/api/audit/verify", auditor());
    }

    /** Starts a job, follows its Location until it is done, and returns its result. */
    private JsonNode job(String path, String... headers) throws Exception {
        HttpResponse<String> started = post(path, headers);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode done = awaitJson(location, job -> !job.path("status").asText().equals("RUNNING"), headers);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("progress").path("eventsProcessed").asLong())
                .isEqualTo(done.path("progress").path("eventsTotal").asLong());
        return done.path("result");
    }
}
