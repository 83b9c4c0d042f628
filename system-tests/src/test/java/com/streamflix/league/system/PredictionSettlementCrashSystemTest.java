package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.predictions.Parimutuel;
import com.streamflix.league.predictions.Payout;
import com.streamflix.league.predictions.Settlement;
import com.streamflix.league.predictions.Wager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static com.streamflix.league.system.StackClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES P2 and W1 under a crash: command-service is killed with SIGKILL while it pays a settled book, then
 * restarted; every predictor ends up paid exactly once, to the point, as {@code Parimutuel} computes. Runs on a stack
 * of its own, since it kills a service.
 */
class PredictionSettlementCrashSystemTest extends OwnStackSystemTest {
    static final int PREDICTORS = 150;

    @BeforeAll
    static void start() throws Exception {
        startOwnStack("crash", 1, 1, Map.of());
    }

    @Test
    void aSettlementInterruptedByAKillPaysEveryPredictorExactlyOnce_P2() throws Exception {
        SystemTest.League league = SystemTest.leaguePhase(client, "Crash Cup", 11);
        JsonNode matches = client.awaitJson("/api/tournaments/" + league.id() + "/matches",
                m -> m.path("items").size() == 144);
        JsonNode match = matches.path("items").get(0);
        String matchId = match.path("id").asText();
        String home = match.path("playerA").path("participantId").asText();
        String away = match.path("playerB").path("participantId").asText();

        Random random = new Random(42);
        List<Wager> wagers = new ArrayList<>();
        Map<String, Long> startBalance = new HashMap<>();
        for (int i = 0; i < PREDICTORS; i++) {
            String user = "crash-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            long grant = 1_000;
            SystemTest.ok(client.send(client.edge, "POST", "/api/admin/users/" + user + "/points", Map.of(
                    "X-Admin-Key", stack.settings.secrets().adminKey(), "Idempotency-Key", "grant-" + user),
                    "{\"amount\":" + grant + ",\"reason\":\"crash test\"}"));
            long wager = 1 + random.nextInt(500);
            String side = random.nextInt(3) == 0 ? away : home;
            var placed = client.viewer(user, "POST", "/api/matches/" + matchId + "/predictions",
                    "{\"participantId\":\"" + side + "\",\"wager\":" + wager + "}");
            SystemTest.ok(placed);
            wagers.add(new Wager(JSON.readTree(placed.body()).path("predictionId").asText(), user, side, wager, i));
            startBalance.put(user, grant - wager);
        }
        SystemTest.ok(client.admin("POST", "/api/admin/matches/" + matchId + "/start", null));
        SystemTest.ok(client.admin("POST", "/api/admin/matches/" + matchId + "/resolve-match",
                "{\"scoreA\":2,\"scoreB\":0}"));

        try (Connection db = DriverManager.getConnection(stack.settings.dbUrl(), stack.settings.dbUser(),
                stack.settings.dbPassword())) {
            // kill as soon as the settlement is recorded, before every payout has been made
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (count(db, "%PredictionBookSettledEvent", matchId) == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(5);
            }
            int paidBeforeKill = payouts(db);
            stack.killAndRestartCommand();
            System.out.println("Payouts made when command-service was killed: " + paidBeforeKill + " of the winners'");

            Settlement expected = Parimutuel.settle(wagers, home, away, home, false);
            long winners = expected.payouts().stream().filter(p -> p.amount() > 0).count();
            Instant paidBy = Instant.now().plus(Duration.ofSeconds(60));
            while (payouts(db) < winners && Instant.now().isBefore(paidBy)) {
                Thread.sleep(100);
            }
            assertThat(paidBeforeKill).isLessThan((int) winners); // the kill did interrupt the payouts
            assertThat(payouts(db)).isEqualTo((int) winners); // each winner paid once, none twice
            for (Payout payout : expected.payouts()) {
                long expectedBalance = startBalance.get(payout.userId()) + payout.amount();
                assertThat(balance(db, payout.userId())).as(payout.userId()).isEqualTo(expectedBalance);
            }
        }
    }

    static int count(Connection db, String payloadType, String aggregate) throws Exception {
        try (var statement = db.prepareStatement("SELECT count(*) FROM eventstore.domain_event_entry"
                + " WHERE payload_type LIKE ? AND aggregate_identifier = ?")) {
            statement.setString(1, payloadType);
            statement.setString(2, aggregate);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    static int payouts(Connection db) throws Exception {
        try (var statement = db.prepareStatement("SELECT count(*) FROM eventstore.domain_event_entry"
                + " WHERE payload_type LIKE '%PointsCreditedEvent'"
                + " AND convert_from(payload, 'UTF8') LIKE '%\"PREDICTION_PAYOUT\"%'");
             var rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    static long balance(Connection db, String userId) throws Exception {
        try (var statement = db.prepareStatement("SELECT convert_from(payload, 'UTF8') FROM eventstore.domain_event_entry"
                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%Points%Event'"
                + " AND payload_type NOT LIKE '%WrittenOff%' ORDER BY sequence_number DESC LIMIT 1")) {
            statement.setString(1, userId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return JSON.readTree(rows.getString(1)).path("balance").asLong();
            }
        }
    }
}
