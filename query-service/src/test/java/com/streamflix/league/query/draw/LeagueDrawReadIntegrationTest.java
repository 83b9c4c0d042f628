package com.streamflix.league.query.draw;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.draw.DrawnFixture;
import com.streamflix.league.api.tournament.ConfirmedParticipant;
import com.streamflix.league.draw.Fixture;
import com.streamflix.league.draw.LeagueDraw;
import com.streamflix.league.query.testsupport.CompetitionTest;
import com.streamflix.league.query.tournament.TournamentProjection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The league draw's reads (RULES D4; API.md {@code /draw}, {@code /matches}) fed by the events the command side
 * appends for a draw: the tournament's {@code LeagueDrawnEvent} and one {@code MatchScheduledEvent} per fixture.
 */
class LeagueDrawReadIntegrationTest extends CompetitionTest {

    static List<Fixture> fixtures(JsonNode list) {
        List<Fixture> fixtures = new ArrayList<>();
        list.forEach(f -> fixtures.add(new Fixture(f.path("matchday").asInt(), f.path("playerA").asText(),
                f.path("playerB").asText())));
        return fixtures;
    }

    static List<Fixture> matchesAsFixtures(JsonNode matches) {
        List<Fixture> fixtures = new ArrayList<>();
        matches.path("items").forEach(m -> fixtures.add(new Fixture(m.path("matchday").asInt(),
                m.path("playerA").path("userId").asText(), m.path("playerB").path("userId").asText())));
        return fixtures;
    }

    static List<List<String>> pots(JsonNode pots) {
        List<List<String>> result = new ArrayList<>();
        pots.forEach(pot -> {
            List<String> members = new ArrayList<>();
            pot.forEach(member -> members.add(member.asText()));
            result.add(members);
        });
        return result;
    }

    @Test
    void theMatchesAreTheDrawsFixturesAndTheDrawReRunsFromItsSeedAndPots_D4() throws Exception {
        Roster roster = confirmedRoster();
        String id = roster.id();
        assertThat(get("/api/tournaments/" + id + "/draw").statusCode()).isEqualTo(404); // not drawn yet
        drawn(id, 2024L, roster.seedingPots(), LeagueDraw.draw(roster.seedingPots(), 2024).fixtures());

        JsonNode matches = awaitMatches(id, 144);
        JsonNode draw = getJson("/api/tournaments/" + id + "/draw");

        // Anyone can re-run the draw from what it publishes and get exactly its fixtures
        assertThat(draw.path("seed").asLong()).isEqualTo(2024);
        assertThat(draw.path("imported").asBoolean()).isFalse();
        List<List<String>> pots = pots(draw.path("pots"));
        assertThat(pots).isEqualTo(roster.seedingPots());
        List<Fixture> published = fixtures(draw.path("fixtures"));
        assertThat(published).hasSize(144)
                .containsExactlyElementsOf(LeagueDraw.draw(pots, draw.path("seed").asLong()).fixtures());
        assertThat(draw.path("firstMatchdayAt").asText()).isEqualTo("2025-09-16T18:45:00Z");
        assertThat(Duration.parse(draw.path("matchdayInterval").asText())).isEqualTo(WEEKLY);
        // ... and the matches are exactly those fixtures, by matchday
        assertThat(matchesAsFixtures(matches)).containsExactlyInAnyOrderElementsOf(published);
        List<Integer> matchdays = new ArrayList<>();
        matches.path("items").forEach(m -> matchdays.add(m.path("matchday").asInt()));
        assertThat(matchdays).isSorted();

        JsonNode first = matches.path("items").get(0);
        String home = first.path("playerA").path("userId").asText();
        String away = first.path("playerB").path("userId").asText();
        String homeParticipant = ConfirmedParticipant.idOf(id, home);
        assertThat(first.path("id").asText()).isEqualTo(DrawnFixture.matchIdOf(id, 1, homeParticipant,
                ConfirmedParticipant.idOf(id, away)));
        assertThat(first.path("phase").asText()).isEqualTo("LEAGUE");
        assertThat(first.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(first.path("playerA").path("participantId").asText()).isEqualTo(homeParticipant);
        assertThat(first.path("playerA").path("login").asText()).isEqualTo("login_" + home);
        assertThat(first.path("playerB").path("login").asText()).isEqualTo("login_" + away);
        for (String field : List.of("scoreA", "scoreB", "winnerParticipantId")) {
            assertThat(first.has(field)).as(field).isTrue();
            assertThat(first.path(field).isNull()).as(field).isTrue();
        }
        matches.path("items").forEach(m -> assertThat(Instant.parse(m.path("scheduledAt").asText()))
                .isEqualTo(FIRST_MATCHDAY.plus(WEEKLY.multipliedBy(m.path("matchday").asInt() - 1L))));
        assertThat(getJson("/api/tournaments/" + id).path("status").asText()).isEqualTo("LEAGUE_PHASE");

        // A replay over the existing rows changes nothing
        replay(TournamentProjection.PROCESSING_GROUP);
        assertThat(getJson("/api/tournaments/" + id + "/matches")).isEqualTo(matches);
        assertThat(getJson("/api/tournaments/" + id + "/draw")).isEqualTo(draw);
    }

    @Test
    void matchesFilterByMatchdayAndByParticipantOrUserId() throws Exception {
        Roster roster = confirmedRoster();
        String id = roster.id();
        drawn(id, 7L, roster.seedingPots(), LeagueDraw.draw(roster.seedingPots(), 7).fixtures());
        awaitMatches(id, 144);
        String path = "/api/tournaments/" + id + "/matches";
        String user = roster.users().get(20);
        String participant = ConfirmedParticipant.idOf(id, user);

        JsonNode third = getJson(path + "?matchday=3");
        assertThat(third.path("items")).hasSize(18);
        third.path("items").forEach(m -> assertThat(m.path("matchday").asInt()).isEqualTo(3));

        JsonNode byUser = getJson(path + "?participant=" + user);
        assertThat(byUser.path("items")).hasSize(8);
        List<Integer> matchdays = new ArrayList<>();
        byUser.path("items").forEach(m -> {
            matchdays.add(m.path("matchday").asInt());
            assertThat(List.of(m.path("playerA").path("userId").asText(), m.path("playerB").path("userId").asText()))
                    .contains(user);
        });
        assertThat(matchdays).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(getJson(path + "?participant=" + participant)).isEqualTo(byUser);

        JsonNode one = getJson(path + "?matchday=5&participant=" + participant);
        assertThat(one.path("items")).hasSize(1);
        assertThat(one.path("items").get(0)).isEqualTo(byUser.path("items").get(4));
        assertThat(getJson(path + "?participant=stranger").path("items")).isEmpty();

        for (String invalid : List.of("?matchday=0", "?matchday=9", "?matchday=first", "?participant=")) {
            var response = get(path + invalid);
            assertThat(response.statusCode()).as(invalid).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(invalid).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void anImportedDrawHasANullSeedAndItsNamedPotsBecomeTheParticipantsPots_R4_D4() throws Exception {
        Roster roster = confirmedRoster();
        String id = roster.id();
        List<List<String>> named = List.of(roster.seedingPots().get(3), roster.seedingPots().get(2),
                roster.seedingPots().get(1), roster.seedingPots().get(0));
        List<Fixture> heldOnStream = LeagueDraw.draw(named, 99).fixtures();
        drawn(id, null, named, heldOnStream);
        awaitMatches(id, 144);

        JsonNode draw = getJson("/api/tournaments/" + id + "/draw");
        assertThat(draw.has("seed")).isTrue();
        assertThat(draw.path("seed").isNull()).isTrue();
        assertThat(draw.path("imported").asBoolean()).isTrue();
        assertThat(pots(draw.path("pots"))).isEqualTo(named);
        assertThat(fixtures(draw.path("fixtures"))).containsExactlyElementsOf(heldOnStream);
        assertThat(jdbc.queryForObject("SELECT pot FROM tournament_participants WHERE tournament_id = ? AND user_id = ?",
                Integer.class, id, roster.users().get(0))).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT pot FROM tournament_participants WHERE tournament_id = ? AND user_id = ?",
                Integer.class, id, roster.users().get(35))).isEqualTo(1);
    }

    @Test
    void anUnknownTournamentOrOneNotDrawnIsA404Problem() throws Exception {
        Roster roster = confirmedRoster();
        awaitJson("/api/tournaments/" + roster.id(), t -> t.path("status").asText().equals("REGISTRATION_CLOSED"));
        assertThat(getJson("/api/tournaments/" + roster.id() + "/matches").path("items")).isEmpty();
        for (String path : List.of("/api/tournaments/" + roster.id() + "/draw", "/api/tournaments/nope/draw",
                "/api/tournaments/nope/matches")) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }
}
