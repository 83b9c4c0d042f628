package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.streamflix.league.system.StackClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** What the vote system tests (RULES V1–V5) do over HTTP, and what they read back from the event store. */
final class VoteSteps {
    private VoteSteps() {
    }

    /** A league match that is {@code LIVE}: its id, its tournament and its two participants. */
    record LiveMatch(String tournamentId, String matchId, String participantAId, String participantBId) {
    }

    /** A drawn league (36 subscribers through the edge; the broadcaster must be connected) and its first match started. */
    static LiveMatch liveLeagueMatch(StackClient client, String name, long seed) throws Exception {
        SystemTest.League league = SystemTest.leaguePhase(client, name, seed);
        JsonNode match = client.awaitJson("/api/tournaments/" + league.id() + "/matches",
                m -> m.path("items").size() == 144).path("items").get(0);
        String matchId = match.path("id").asText();
        SystemTest.ok(client.admin("POST", "/api/admin/matches/" + matchId + "/start", null));
        return new LiveMatch(league.id(), matchId, match.path("playerA").path("participantId").asText(),
                match.path("playerB").path("participantId").asText());
    }

    /** An admin's credit (W1: with a reason and an idempotency key). */
    static void fund(StackClient client, String userId, long amount) throws Exception {
        SystemTest.ok(client.send(client.edge, "POST", "/api/admin/users/" + userId + "/points", Map.of(
                "X-Admin-Key", client.stack.settings.secrets().adminKey(), "Idempotency-Key", "vote-test-" + userId),
                "{\"amount\":" + amount + ",\"reason\":\"vote test\"}"));
    }

    /** V1: {@code POST /api/admin/matches/{id}/start-vote}, answered 201 with the vote's id and end time. */
    static JsonNode startVote(StackClient client, String matchId, int pointsAward, long costPerVote, int seconds)
            throws Exception {
        HttpResponse<String> started = client.admin("POST", "/api/admin/matches/" + matchId + "/start-vote",
                "{\"pointsAward\":" + pointsAward + ",\"costPerVote\":" + costPerVote + ",\"durationSeconds\":"
                        + seconds + "}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return JSON.readTree(started.body());
    }

    /** V2: a viewer's {@code POST /api/vote-events/{id}/votes} on {@code base} (the edge, or one instance). */
    static HttpResponse<String> cast(StackClient client, URI base, String userId, String voteEventId,
                                     String participantId, int votes) throws Exception {
        return client.send(base, "POST", "/api/vote-events/" + voteEventId + "/votes", Map.of(
                        "Cookie", client.sessionCookie(userId, "viewer_" + userId), "Origin", StackFixture.ALLOWED_ORIGIN),
                "{\"participantId\":\"" + participantId + "\",\"votes\":" + votes + "}");
    }

    /** The next message of {@code type} about {@code voteEventId}, skipping any other. */
    static JsonNode nextVoteMessage(StackClient.Socket socket, String type, String voteEventId, Duration within)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError("no " + type + " for vote " + voteEventId + " within " + within);
            }
            JsonNode message = socket.next(left).message();
            if (message.path("type").asText().equals(type) && voteEventId.equals(voteEventIdOf(message))) {
                return message;
            }
        }
    }

    static String voteEventIdOf(JsonNode message) {
        return message.hasNonNull("voteEventId") ? message.path("voteEventId").asText()
                : message.path("vote").path("voteEventId").asText(null);
    }

    /** The balance pushed on a user socket (W4), waiting past older ones until it is {@code expected}. */
    static void awaitBalance(StackClient.Socket socket, long expected, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        long last = Long.MIN_VALUE;
        while (last != expected) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError("no POINTS_UPDATE with balance " + expected + " (last " + last + ")");
            }
            JsonNode message = socket.next(left).message();
            if (message.has("balance")) {
                last = message.path("balance").asLong();
            }
        }
    }

    static Connection eventStore(LocalStack stack) throws Exception {
        return DriverManager.getConnection(stack.settings.dbUrl(), stack.settings.dbUser(), stack.settings.dbPassword());
    }

    /** Events whose type ends with {@code eventType} and whose payload mentions {@code text} (null: any). */
    static int events(Connection db, String eventType, String text) throws Exception {
        try (var statement = db.prepareStatement("SELECT count(*) FROM eventstore.domain_event_entry"
                + " WHERE payload_type LIKE ? AND (CAST(? AS text) IS NULL OR convert_from(payload, 'UTF8') LIKE ?)")) {
            statement.setString(1, "%." + eventType);
            statement.setString(2, text);
            statement.setString(3, "%" + text + "%");
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The payload of the one event of {@code eventType} mentioning {@code text}, with its time stamp. */
    static JsonNode onlyEvent(Connection db, String eventType, String text) throws Exception {
        try (var statement = db.prepareStatement("SELECT convert_from(payload, 'UTF8'), time_stamp"
                + " FROM eventstore.domain_event_entry WHERE payload_type LIKE ? AND convert_from(payload, 'UTF8') LIKE ?")) {
            statement.setString(1, "%." + eventType);
            statement.setString(2, "%" + text + "%");
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).as(eventType + " mentioning " + text).isTrue();
                var event = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(rows.getString(1));
                event.put("@timeStamp", rows.getString(2));
                assertThat(rows.next()).as("a second " + eventType + " mentioning " + text).isFalse();
                return event;
            }
        }
    }

    /** A wallet's balance after its last transaction (W3: every transaction carries the resulting balance). */
    static long balance(Connection db, String userId) throws Exception {
        return PredictionSettlementCrashSystemTest.balance(db, userId);
    }
}
