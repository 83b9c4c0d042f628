package com.streamflix.league.query.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.match.MatchRescheduledEvent;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchScoreUpdatedEvent;
import com.streamflix.league.query.testsupport.CompetitionTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Match play as viewers read it (RULES M1; API.md {@code /api/tournaments/{id}/matches}, {@code /api/matches/{id}}):
 * live scores, results, walkovers, corrections and reschedules, fed by the {@code Match} aggregate's events.
 */
class MatchReadIntegrationTest extends CompetitionTest {

    JsonNode awaitMatch(String id, String field, String value) throws InterruptedException {
        return awaitJson("/api/matches/" + id, m -> m.path(field).asText().equals(value));
    }

    /** The list's item for a match is the single read's answer. */
    JsonNode listed(String tournamentId, String matchId) throws Exception {
        for (JsonNode item : getJson("/api/tournaments/" + tournamentId + "/matches").path("items")) {
            if (item.path("id").asText().equals(matchId)) {
                return item;
            }
        }
        throw new AssertionError("match " + matchId + " not listed");
    }

    @Test
    void aMatchShowsItsLiveScoreThenItsResult_M1() throws Exception {
        Roster roster = confirmedRoster();
        MatchRef match = leagueDrawn(roster, 11).get(0);
        awaitMatches(roster.id(), 144);
        JsonNode scheduled = getJson("/api/matches/" + match.id());
        assertThat(scheduled.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(scheduled.path("tournamentId").asText()).isEqualTo(roster.id());
        for (String field : List.of("scoreA", "scoreB", "winnerParticipantId", "penaltiesWinnerParticipantId",
                "tieSlot", "correctionReason", "correctedAt", "startedAt", "completedAt")) {
            assertThat(scheduled.has(field)).as(field).isTrue();
            assertThat(scheduled.path(field).isNull()).as(field).isTrue();
        }
        assertThat(scheduled.path("walkover").asBoolean()).isFalse();
        assertThat(scheduled.path("corrected").asBoolean()).isFalse();

        start(match);
        JsonNode live = awaitMatch(match.id(), "status", "LIVE");
        assertThat(live.path("scoreA").asInt()).isZero();
        assertThat(live.path("scoreB").asInt()).isZero();
        assertThat(Instant.parse(live.path("startedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        append("Match", match.id(), new MatchScoreUpdatedEvent(match.id(), roster.id(), 2, 1));
        live = awaitJson("/api/matches/" + match.id(), m -> m.path("scoreA").asInt() == 2);
        assertThat(live.path("scoreB").asInt()).isEqualTo(1);
        assertThat(live.path("winnerParticipantId").isNull()).isTrue();

        complete(match, MatchResult.played(match.a(), match.b(), 2, 2, null), null);
        JsonNode done = awaitMatch(match.id(), "status", "COMPLETED");
        assertThat(done.path("scoreA").asInt()).isEqualTo(2);
        assertThat(done.path("scoreB").asInt()).isEqualTo(2);
        assertThat(done.path("winnerParticipantId").isNull()).as("a draw").isTrue();
        assertThat(Instant.parse(done.path("completedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(done.path("startedAt").asText()));
        assertThat(listed(roster.id(), match.id())).isEqualTo(done);
    }

    @Test
    void aWalkoverIsA3To0ThatSaysSoAndACorrectionKeepsItsReason_M1() throws Exception {
        Roster roster = confirmedRoster();
        List<MatchRef> matches = leagueDrawn(roster, 12);
        awaitMatches(roster.id(), 144);
        MatchRef forfeited = matches.get(0);
        MatchRef corrected = matches.get(1);

        // A walkover needs no play: straight from SCHEDULED, for the away side
        complete(forfeited, MatchResult.walkover(forfeited.a(), forfeited.b(), forfeited.b()), null);
        MatchResult recorded = play(corrected, 1, 0);
        JsonNode walkover = awaitMatch(forfeited.id(), "status", "COMPLETED");
        assertThat(walkover.path("walkover").asBoolean()).isTrue();
        assertThat(walkover.path("scoreA").asInt()).isZero();
        assertThat(walkover.path("scoreB").asInt()).isEqualTo(3);
        assertThat(walkover.path("winnerParticipantId").asText()).isEqualTo(forfeited.b());
        assertThat(walkover.path("startedAt").isNull()).isTrue();
        assertThat(walkover.path("completedAt").isNull()).isFalse();
        assertThat(listed(roster.id(), forfeited.id())).isEqualTo(walkover);

        awaitMatch(corrected.id(), "status", "COMPLETED");
        correct(corrected, recorded, MatchResult.played(corrected.a(), corrected.b(), 1, 3, null),
                "the away side's two late goals were missed", null);
        JsonNode fixed = awaitJson("/api/matches/" + corrected.id(), m -> m.path("corrected").asBoolean());
        assertThat(fixed.path("correctionReason").asText()).isEqualTo("the away side's two late goals were missed");
        assertThat(fixed.path("scoreA").asInt()).isEqualTo(1);
        assertThat(fixed.path("scoreB").asInt()).isEqualTo(3);
        assertThat(fixed.path("winnerParticipantId").asText()).isEqualTo(corrected.b());
        assertThat(Instant.parse(fixed.path("correctedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(fixed.path("completedAt").asText()));
        assertThat(fixed.path("walkover").asBoolean()).isFalse();
        assertThat(listed(roster.id(), corrected.id())).isEqualTo(fixed);
    }

    @Test
    void aRescheduledMatchMovesInTheList_M1() throws Exception {
        Roster roster = confirmedRoster();
        List<MatchRef> matches = leagueDrawn(roster, 13);
        awaitMatches(roster.id(), 144);
        MatchRef moved = matches.get(0); // matchday 1
        Instant later = FIRST_MATCHDAY.plus(WEEKLY).plusSeconds(3600);
        append("Match", moved.id(), new MatchRescheduledEvent(moved.id(), roster.id(), FIRST_MATCHDAY, later));

        JsonNode match = awaitJson("/api/matches/" + moved.id(),
                m -> Instant.parse(m.path("scheduledAt").asText()).equals(later));
        assertThat(match.path("matchday").asInt()).isEqualTo(1);
        JsonNode day1 = getJson("/api/tournaments/" + roster.id() + "/matches?matchday=1");
        List<String> ids = new ArrayList<>();
        day1.path("items").forEach(m -> ids.add(m.path("id").asText()));
        assertThat(ids).hasSize(18).last().isEqualTo(moved.id()); // by matchday, then kick-off
    }

    @Test
    void anUnknownMatchIsA404Problem() throws Exception {
        for (String path : List.of("/api/matches/nope", "/api/matches/" + UUID.randomUUID())) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(get("/api/matches/not%20valid").statusCode()).isEqualTo(400);
    }

    @Test
    void aControlCharacterInTheQueryIsA400NamingTheParameter() throws Exception {
        Roster roster = confirmedRoster();
        var response = get("/api/tournaments/" + roster.id() + "/matches?participant=%00");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("field").asText()).isEqualTo("participant");
    }

    @Test
    void publicReadsAnswerHeadAndAViewersOwnDataNeedsAViewer() throws Exception {
        Roster roster = confirmedRoster();
        awaitJson("/api/tournaments/" + roster.id() + "/standings", s -> s.path("rows").size() == 36);
        var head = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/api/tournaments/" + roster.id() + "/standings")).method("HEAD",
                java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        for (String mine : List.of("/api/users/me", "/api/users/me/predictions", "/api/users/me/transactions")) {
            assertThat(get(mine, "X-Admin-Key", ADMIN_KEY).statusCode()).as(mine).isEqualTo(403); // nobody's data
        }
    }
}
