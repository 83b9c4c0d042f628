package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's "run a tournament locally" through the edge, on a stack started as the local start command starts it:
 * command-service in the dev profile next to the Twitch stand-in ({@link DevTwitch}), the broadcaster connected by
 * its OAuth flow, then only admin calls with the X-Admin-Key and the dev helpers: 36 dev viewers registered (and one
 * made a non-subscriber, refused by R1), registration closed, 36 confirmed, the draw run, a signed redemption
 * credited and pushed to the viewer's open tab, a match started and resolved.
 */
class DevWalkthroughSystemTest {
    static DevTwitch twitch;
    static LocalStack stack;
    static StackClient client;

    @BeforeAll
    static void startAsTheLocalStartDoes() throws Exception {
        twitch = DevTwitch.start();
        TestDatabase.Db db = TestDatabase.fresh();
        stack = LocalStack.start(new LocalStack.Settings(db.url(), db.username(), db.password(),
                LocalStack.Secrets.random(), List.of(StackFixture.ALLOWED_ORIGIN),
                LocalStack.freePort(), LocalStack.freePort(), LocalStack.freePort(), LocalStack.freePort(),
                Path.of("target", "stack-logs", "dev-walkthrough").toAbsolutePath(), LocalStack.devEnvironment(twitch)));
        client = new StackClient(stack);
        DevTwitch.connectBroadcaster(client.edge);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        twitch.twitch.server.stop();
    }

    @Test
    void aWholeTournamentRunsLocallyWithNoTwitchAccount() throws Exception {
        var created = client.admin("POST", "/api/admin/tournaments", "{\"name\":\"Local Cup\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String tournament = StackClient.JSON.readTree(created.body()).path("id").asText();
        ok(client.admin("POST", "/api/admin/tournaments/" + tournament + "/open-registration", null));

        // R1 locally: a dev viewer made a non-subscriber at the stand-in is refused
        ok(client.admin("POST", "/api/dev/viewers/dev-nosub_1/subscriber", "{\"subscriber\":false}"));
        var refused = client.admin("POST", "/api/dev/viewers",
                "{\"count\":1,\"tournamentId\":\"" + tournament + "\",\"prefix\":\"nosub\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("not-a-subscriber");

        var registered = client.admin("POST", "/api/dev/viewers",
                "{\"count\":36,\"tournamentId\":\"" + tournament + "\",\"prefix\":\"walk\"}");
        ok(registered);
        JsonNode viewers = StackClient.JSON.readTree(registered.body());
        assertThat(viewers.path("registered").asInt()).isEqualTo(36);
        List<String> userIds = new ArrayList<>();
        viewers.path("viewers").forEach(v -> userIds.add(v.path("userId").asText()));
        assertThat(userIds).hasSize(36).doesNotHaveDuplicates();

        ok(client.admin("POST", "/api/admin/tournaments/" + tournament + "/close-registration", null));
        var confirmed = client.admin("POST", "/api/admin/tournaments/" + tournament + "/confirm-participants",
                "{\"userIds\":[" + userIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}");
        ok(confirmed);
        assertThat(StackClient.JSON.readTree(confirmed.body()).path("confirmed").asInt()).isEqualTo(36);
        ok(client.admin("POST", "/api/admin/tournaments/" + tournament + "/run-league-draw",
                "{\"seed\":2026,\"firstMatchdayAt\":\"2026-12-01T19:00:00Z\"}"));
        JsonNode matches = client.awaitJson("/api/tournaments/" + tournament + "/matches",
                m -> m.path("items").size() == 144);

        // points earned locally: a redemption signed as Twitch signs it, credited and pushed to the open tab
        String viewer = userIds.get(0);
        URI sockets = URI.create("ws://localhost:" + stack.edge.port);
        try (var tab = client.connect(sockets, client.sessionCookie(viewer, "walk_1"), StackFixture.ALLOWED_ORIGIN)) {
            JsonNode hello = tab.next(Duration.ofSeconds(10)).message();
            assertThat(hello.path("type").asText()).isEqualTo("POINTS_UPDATE");
            assertThat(hello.path("balance").asLong()).isZero();
            var sent = client.admin("POST", "/api/dev/redemptions", "{\"userId\":\"" + viewer + "\",\"cost\":300}");
            ok(sent);
            assertThat(StackClient.JSON.readTree(sent.body()).path("status").asInt()).isEqualTo(204);
            JsonNode pushed = tab.next(Duration.ofSeconds(10)).message();
            assertThat(pushed.path("type").asText()).isEqualTo("POINTS_UPDATE");
            assertThat(pushed.path("balance").asLong()).isEqualTo(300);
        }

        String match = matches.path("items").get(0).path("id").asText();
        ok(client.admin("POST", "/api/admin/matches/" + match + "/start", null));

        // a live vote, as the walk-through runs it: the viewer spends the redeemed points, the deadline closes it
        var started = client.admin("POST", "/api/admin/matches/" + match + "/start-vote",
                "{\"pointsAward\":2,\"costPerVote\":10,\"durationSeconds\":10}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode vote = StackClient.JSON.readTree(started.body());
        var cast = client.viewer(viewer, "POST", "/api/vote-events/" + vote.path("voteEventId").asText() + "/votes",
                "{\"participantId\":\"" + vote.path("participantAId").asText() + "\",\"votes\":5}");
        ok(cast);
        assertThat(StackClient.JSON.readTree(cast.body()).path("balance").asLong()).isEqualTo(250);
        JsonNode closed = client.awaitJson("/api/matches/" + match + "/votes",
                v -> v.path("items").path(0).path("status").asText().equals("CLOSED"), Duration.ofSeconds(30));
        assertThat(closed.path("items").path(0).path("winnerParticipantId").asText())
                .isEqualTo(vote.path("participantAId").asText());

        ok(client.admin("POST", "/api/admin/matches/" + match + "/resolve-match", "{\"scoreA\":2,\"scoreB\":1}"));
        JsonNode resolved = client.awaitJson("/api/matches/" + match, m -> m.path("status").asText().equals("COMPLETED"));
        assertThat(resolved.path("scoreA").asInt()).isEqualTo(2);
        assertThat(resolved.path("scoreB").asInt()).isEqualTo(1);
    }

    static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }
}
