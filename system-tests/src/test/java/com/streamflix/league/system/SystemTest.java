package com.streamflix.league.system;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of the system tests: they share one running stack (see {@link StackFixture#shared()}). */
abstract class SystemTest {
    static LocalStack stack;
    static StackClient client;

    @BeforeAll
    static void startStack() throws Exception {
        stack = StackFixture.shared();
        client = new StackClient(stack);
    }

    /** The broadcaster's one-time OAuth grant, as the browser would run it. */
    static void connectBroadcaster() throws Exception {
        connectBroadcaster(client);
    }

    static void connectBroadcaster(StackClient client) throws Exception {
        var twitch = StackFixture.TWITCH;
        twitch.tokenForCode("broadcaster-code", "broadcaster-access", "broadcaster-refresh", 14400,
                "[\"channel:read:subscriptions\",\"channel:read:redemptions\"]");
        twitch.user("broadcaster-access", "1337", "streamer");
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var start = browser.send(HttpRequest.newBuilder(client.edge.resolve("/auth/broadcaster")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        var authorize = browser.send(HttpRequest.newBuilder(client.edge.resolve(start.headers().firstValue("Location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString());
        URI twitchAuthorize = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        String state = URLDecoder.decode(UriComponentsBuilder.fromUri(twitchAuthorize).build().getQueryParams()
                .getFirst("state"), StandardCharsets.UTF_8);
        String pending = authorize.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("streamflix_oauth2=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        var callback = browser.send(HttpRequest.newBuilder(client.edge.resolve("/login/oauth2/code/twitch-broadcaster?code=broadcaster-code&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8))).header("Cookie", pending).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(callback.headers().firstValue("Location").orElse("")).contains("broadcaster=connected");
    }

    static int next = 500_000 + (int) (Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 100_000) * 100;

    static String subscriber() {
        String user = String.valueOf(next++);
        StackFixture.TWITCH.subscription("broadcaster-access", user, true);
        return user;
    }


    /** A tournament in {@code LEAGUE_PHASE}: 36 subscribers registered through the edge, confirmed in order, drawn. */
    record League(String id, List<String> seeding) {
    }

    static League leaguePhase(StackClient client, String name, long seed) throws Exception {
        var created = client.admin("POST", "/api/admin/tournaments", "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String tournament = StackClient.JSON.readTree(created.body()).path("id").asText();
        ok(client.admin("POST", "/api/admin/tournaments/" + tournament + "/open-registration", null));
        List<String> seeding = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            String user = subscriber();
            seeding.add(user);
            ok(client.viewer(user, "POST", "/api/tournaments/" + tournament + "/register", null));
        }
        ok(client.admin("POST", "/api/admin/tournaments/" + tournament + "/close-registration", null));
        ok(client.admin("POST", "/api/admin/tournaments/" + tournament + "/confirm-participants", "{\"userIds\":["
                + seeding.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}"));
        ok(client.admin("POST", "/api/admin/tournaments/" + tournament + "/run-league-draw",
                "{\"seed\":" + seed + ",\"firstMatchdayAt\":\"2026-12-01T19:00:00Z\"}"));
        return new League(tournament, seeding);
    }

    static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    /** query-service's view of the cookie's viewer once it shows {@code expected} points (it follows the store). */
    protected static com.fasterxml.jackson.databind.JsonNode awaitBalance(String cookie, long expected)
            throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        com.fasterxml.jackson.databind.JsonNode me = null;
        while (java.time.Instant.now().isBefore(deadline)) {
            var response = client.get(stack.query, "/api/users/me", cookie);
            assertThat(response.statusCode()).isEqualTo(200);
            me = StackClient.JSON.readTree(response.body());
            if (me.path("balance").asLong() == expected) {
                return me;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("query-service shows " + me + ", expected a balance of " + expected);
    }
}
