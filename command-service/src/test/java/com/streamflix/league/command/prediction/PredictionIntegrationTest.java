package com.streamflix.league.command.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.command.testsupport.CommandServiceTest;
import com.streamflix.league.command.testsupport.DrawnLeague;
import com.streamflix.league.command.testsupport.Http;
import com.streamflix.league.draw.Fixture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Predictions over HTTP against PostgreSQL (RULES P1–P4, W2): wagers debited with the prediction, every refusal
 * recording nothing, settlement paid exactly as P2 computes, a draw refunded, a correction re-settled.
 */
class PredictionIntegrationTest extends CommandServiceTest {
    @Autowired
    CommandGateway commands;
    Http http;
    DrawnLeague league;
    List<Fixture> fixtures;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        league = new DrawnLeague(commands, http, jdbc, "Prediction Cup", 5);
        fixtures = league.fixtures;
    }

    HttpResponse<String> predict(String user, String match, String participant, long wager) throws Exception {
        return http.asUser(user, "POST", "/api/matches/" + match + "/predictions",
                "{\"participantId\":\"" + participant + "\",\"wager\":" + wager + "}");
    }

    long awaitBalance(String user, long expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        long seen = league.balance(user);
        while (seen != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            seen = league.balance(user);
        }
        return seen;
    }

    int walletEvents(String user) {
        return jdbc.queryForObject("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, user);
    }

    void admin(String match, String action, String body) throws Exception {
        var response = http.asAdmin("POST", "/api/admin/matches/" + match + "/" + action, body);
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    @Test
    void wagersAreDebitedWithThePredictionAndTheWinnersShareThePool_P1_P2() throws Exception {
        String match = league.matchId(0);
        String u1 = league.fundedViewer(1000);
        String u2 = league.fundedViewer(1000);
        String u3 = league.fundedViewer(1000);
        var placed = predict(u1, match, league.home(0), 100);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        assertThat(JSON.readTree(placed.body()).path("balance").asLong()).isEqualTo(900);
        assertThat(predict(u2, match, fixtures.get(0).home(), 50).statusCode()).isEqualTo(200); // by user id
        assertThat(predict(u3, match, league.away(0), 30).statusCode()).isEqualTo(200);

        // one per user per match, showing the first; nothing debited
        var again = predict(u1, match, league.away(0), 10);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("existing").path("wager").asLong()).isEqualTo(100);
        assertThat(league.balance(u1)).isEqualTo(900);

        admin(match, "start", null);
        String late = league.fundedViewer(100);
        int before = walletEvents(late);
        assertThat(predict(late, match, league.home(0), 10).statusCode()).isEqualTo(409); // P1: the start locked the book
        assertThat(walletEvents(late)).isEqualTo(before);

        admin(match, "resolve-match", "{\"scoreA\":2,\"scoreB\":1}");
        // pool 180 to the home side's 150: 100 → 120, 50 → 60
        assertThat(awaitBalance(u1, 1020)).isEqualTo(1020);
        assertThat(awaitBalance(u2, 1010)).isEqualTo(1010);
        assertThat(league.balance(u3)).isEqualTo(970);
    }

    @Test
    void refusalsRecordNothing_P1_W2() throws Exception {
        String match = league.matchId(1);
        String poor = league.fundedViewer(20);
        int before = walletEvents(poor);
        assertThat(predict(poor, match, league.home(1), 21).statusCode()).isEqualTo(409); // W2: balance too low
        var stranger = predict(poor, match, "someone-else", 5);
        assertThat(stranger.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(stranger.body()).path("field").asText()).isEqualTo("participantId");
        var tooBig = predict(poor, match, league.home(1), 10_001);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooBig.body()).path("field").asText()).isEqualTo("wager");
        assertThat(predict(poor, match, league.home(1), 0).statusCode()).isEqualTo(400);
        for (String body : List.of("{\"participantId\":\"" + league.home(1) + "\",\"wager\":1,\"wager\":20}",
                "{\"participantId\":\"" + league.home(1) + "\",\"wager\":\"5\"}",
                "{\"participantId\":\"" + league.home(1) + "\",\"wager\":5} trailing")) {
            var strict = http.asUser(poor, "POST", "/api/matches/" + match + "/predictions", body);
            assertThat(strict.statusCode()).as(body).isEqualTo(400); // a key twice, a number as text, extra input
        }
        assertThat(predict("never-earned", match, league.home(1), 5).statusCode()).isEqualTo(409);
        assertThat(http.asAdmin("POST", "/api/admin/users/" + poor + "/ban", "{\"reason\":\"spam\"}").statusCode())
                .isEqualTo(204);
        int banned = walletEvents(poor);
        assertThat(predict(poor, match, league.home(1), 5).statusCode()).isEqualTo(403);
        assertThat(walletEvents(poor)).isEqualTo(banned);
        assertThat(banned).isEqualTo(before + 1); // only the ban
        assertThat(jdbc.queryForObject("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%PredictionPlacedEvent'", Integer.class, match)).isZero();
    }

    @Test
    void aDrawRefundsAndACorrectionReSettles_P3_P4() throws Exception {
        String match = league.matchId(2);
        String onHome = league.fundedViewer(500);
        String onAway = league.fundedViewer(500);
        assertThat(predict(onHome, match, league.home(2), 200).statusCode()).isEqualTo(200);
        assertThat(predict(onAway, match, league.away(2), 100).statusCode()).isEqualTo(200);
        admin(match, "start", null);
        admin(match, "resolve-match", "{\"scoreA\":1,\"scoreB\":1}");
        assertThat(awaitBalance(onHome, 500)).isEqualTo(500); // P3: refunded
        assertThat(awaitBalance(onAway, 500)).isEqualTo(500);

        // P4: the draw was 2–1: the refunds are taken back and the pool of 300 goes to the home side
        admin(match, "correct-result", "{\"scoreA\":2,\"scoreB\":1,\"reason\":\"a goal was missed\"}");
        assertThat(awaitBalance(onHome, 600)).isEqualTo(600);
        assertThat(awaitBalance(onAway, 400)).isEqualTo(400);

        // and back to a draw: the payout is reversed, the wagers refunded again; nobody is paid twice
        admin(match, "correct-result", "{\"scoreA\":1,\"scoreB\":1,\"reason\":\"the goal was offside\"}");
        assertThat(awaitBalance(onHome, 500)).isEqualTo(500);
        assertThat(awaitBalance(onAway, 500)).isEqualTo(500);
    }

    /** The user's ledger as recorded (type, signed amount, related entity), oldest first. */
    List<String> ledger(String user) {
        return jdbc.queryForList("""
                        SELECT convert_from(payload, 'UTF8') FROM eventstore.domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE '%Points%Event'
                        ORDER BY sequence_number""", String.class, user).stream().map(json -> {
                    try {
                        JsonNode event = JSON.readTree(json);
                        return event.path("type").asText() + " " + event.path("amount").asLong() + " "
                                + event.path("relatedEntityId").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    @Test
    void tenPredictorsAreSettledExactlyAsTheArithmeticSays_P2() throws Exception {
        String match = league.matchId(3);
        java.util.Random random = new java.util.Random(9);
        List<com.streamflix.league.predictions.Wager> wagers = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String user = league.fundedViewer(1000);
            String side = random.nextBoolean() ? league.home(3) : league.away(3);
            long wager = 1 + random.nextInt(333);
            var placed = predict(user, match, side, wager);
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
            wagers.add(new com.streamflix.league.predictions.Wager(
                    JSON.readTree(placed.body()).path("predictionId").asText(), user, side, wager, i));
        }
        admin(match, "start", null);
        String late = league.fundedViewer(100);
        assertThat(predict(late, match, league.home(3), 10).statusCode()).isEqualTo(409);
        assertThat(league.balance(late)).isEqualTo(100);
        admin(match, "resolve-match", "{\"scoreA\":0,\"scoreB\":2}");

        var settlement = com.streamflix.league.predictions.Parimutuel.settle(wagers, league.home(3), league.away(3), league.away(3), false);
        for (int i = 0; i < wagers.size(); i++) {
            var wager = wagers.get(i);
            long payout = settlement.payouts().get(i).amount();
            assertThat(awaitBalance(wager.userId(), 1000 - wager.amount() + payout)).as(wager.userId())
                    .isEqualTo(1000 - wager.amount() + payout);
            List<String> expected = new java.util.ArrayList<>(List.of("ADMIN_ADJUSTMENT 1000 null",
                    "PREDICTION_WAGER -" + wager.amount() + " " + wager.predictionId()));
            if (payout > 0) {
                expected.add("PREDICTION_PAYOUT " + payout + " " + wager.predictionId());
            }
            assertThat(ledger(wager.userId())).as(wager.userId()).containsExactlyElementsOf(expected);
        }
    }
}
