package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.draw.FixtureRules;
import com.streamflix.league.draw.LeagueDraw;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.streamflix.league.system.StackClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tournament's roster from start to lock, across the three services and a fake Twitch: the broadcaster connects,
 * viewers register (subscribers only, R1), one is banned, the admin confirms 36 of 40 in a chosen order (R4), and
 * query-service shows the admin's list with statuses and bans.
 */
class TournamentRosterSystemTest extends SystemTest {
    @BeforeAll
    static void start() throws Exception {
        connectBroadcaster();
    }

    @Test
    void fortySubscribersRegisterOneIsBannedAndTheAdminLocksThirtySixInOrder_R1_R4() throws Exception {
        var created = client.admin("POST", "/api/admin/tournaments", "{\"name\":\"Spring League\",\"description\":\"Subs only\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String tournament = JSON.readTree(created.body()).path("id").asText();
        assertThat(client.admin("POST", "/api/admin/tournaments/" + tournament + "/open-registration", null).statusCode())
                .isEqualTo(204);

        List<String> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String user = subscriber();
            users.add(user);
            var registered = client.viewer(user, "POST", "/api/tournaments/" + tournament + "/register", null);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        }
        String outsider = String.valueOf(next++);
        StackFixture.TWITCH.subscription("broadcaster-access", outsider, false);
        var refused = client.viewer(outsider, "POST", "/api/tournaments/" + tournament + "/register", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("not-a-subscriber");

        String banned = users.get(1);
        assertThat(client.admin("POST", "/api/admin/users/" + banned + "/ban", "{\"reason\":\"toxic in chat\"}").statusCode())
                .isEqualTo(204);
        assertThat(client.admin("POST", "/api/admin/tournaments/" + tournament + "/close-registration", null).statusCode())
                .isEqualTo(204);

        List<String> chosen = new ArrayList<>(users.subList(4, 40));
        Collections.shuffle(chosen);
        var confirmed = client.admin("POST", "/api/admin/tournaments/" + tournament + "/confirm-participants",
                "{\"userIds\":[" + chosen.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        JsonNode notSelected = awaitRegistrations(tournament, "NOT_SELECTED", 4);
        List<String> notSelectedIds = new ArrayList<>();
        notSelected.path("items").forEach(item -> notSelectedIds.add(item.path("userId").asText()));
        assertThat(notSelectedIds).containsExactlyInAnyOrderElementsOf(users.subList(0, 4));
        JsonNode bannedRow = null;
        for (JsonNode item : notSelected.path("items")) {
            if (item.path("userId").asText().equals(banned)) {
                bannedRow = item;
            }
        }
        assertThat(bannedRow).isNotNull();
        assertThat(bannedRow.path("banned").asBoolean()).isTrue();
        assertThat(bannedRow.path("login").asText()).isEqualTo("viewer_" + banned);
        assertThat(awaitRegistrations(tournament, "CONFIRMED", 36).path("total").asInt()).isEqualTo(36);

        JsonNode details = JSON.readTree(client.get(client.edge, "/api/tournaments/" + tournament, null).body());
        assertThat(details.path("status").asText()).isEqualTo("REGISTRATION_CLOSED");
        var mine = client.get(client.edge, "/api/tournaments/" + tournament + "/my-registration-status",
                client.sessionCookie(chosen.get(0), "viewer"));
        assertThat(JSON.readTree(mine.body()).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(client.get(client.edge, "/api/admin/tournaments/" + tournament + "/registrations",
                client.sessionCookie(chosen.get(0), "viewer")).statusCode()).isEqualTo(403);

        theLeagueDrawIsPublishedAndReRunsIdentically_D1_D4(tournament, chosen);
    }

    /** The draw through the edge: 144 matches read back from query-service, equal to the published draw and to a re-run. */
    private void theLeagueDrawIsPublishedAndReRunsIdentically_D1_D4(String tournament, List<String> seeding) throws Exception {
        var drawn = client.admin("POST", "/api/admin/tournaments/" + tournament + "/run-league-draw",
                "{\"seed\":20241001,\"firstMatchdayAt\":\"2026-12-01T19:00:00Z\"}");
        assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(200);
        assertThat(client.admin("POST", "/api/admin/tournaments/" + tournament + "/run-league-draw", "{}").statusCode())
                .isEqualTo(409);

        JsonNode draw = client.awaitJson("/api/tournaments/" + tournament + "/draw", d -> true);
        assertThat(draw.path("seed").asLong()).isEqualTo(20241001L);
        assertThat(draw.path("seedSource").asText()).isEqualTo("ADMIN");
        assertThat(draw.path("engineVersion").asText()).isEqualTo(LeagueDraw.ENGINE_VERSION);
        List<List<String>> pots = new ArrayList<>();
        draw.path("pots").forEach(pot -> {
            List<String> ids = new ArrayList<>();
            pot.forEach(id -> ids.add(id.asText()));
            pots.add(ids);
        });
        assertThat(pots.stream().flatMap(List::stream).toList()).isEqualTo(seeding); // R4: the list order is the seeding
        List<String> published = new ArrayList<>();
        draw.path("fixtures").forEach(f -> published.add(f.path("matchday").asInt() + ":" + f.path("playerA").asText()
                + ">" + f.path("playerB").asText()));
        List<String> reRun = LeagueDraw.draw(pots, 20241001L).fixtures().stream()
                .map(f -> f.matchday() + ":" + f.home() + ">" + f.away()).toList();
        assertThat(published).isEqualTo(reRun);

        // the read model is eventually consistent: the draw's record can show before all 144 match rows
        JsonNode matches = client.awaitJson("/api/tournaments/" + tournament + "/matches", m -> m.path("items").size() == 144);
        List<String> read = new ArrayList<>();
        matches.path("items").forEach(m -> {
            assertThat(m.path("phase").asText()).isEqualTo("LEAGUE");
            assertThat(m.path("status").asText()).isEqualTo("SCHEDULED");
            read.add(m.path("matchday").asInt() + ":" + m.path("playerA").path("userId").asText() + ">"
                    + m.path("playerB").path("userId").asText());
        });
        assertThat(read).hasSize(144).containsExactlyInAnyOrderElementsOf(published);
        assertThat(FixtureRules.violations(pots, LeagueDraw.draw(pots, 20241001L).fixtures())).isEmpty();
        JsonNode details = JSON.readTree(client.get(client.edge, "/api/tournaments/" + tournament, null).body());
        assertThat(details.path("status").asText()).isEqualTo("LEAGUE_PHASE");
    }


    private static JsonNode awaitRegistrations(String tournament, String status, int expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        JsonNode page = null;
        while (Instant.now().isBefore(deadline)) {
            var response = client.admin("GET", "/api/admin/tournaments/" + tournament + "/registrations?status="
                    + status + "&size=100", null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            page = JSON.readTree(response.body());
            if (page.path("total").asInt() == expected) {
                return page;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(status + " registrations: " + page);
    }
}
