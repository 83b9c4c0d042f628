package com.streamflix.league.command.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.draw.DrawnFixture;
import com.streamflix.league.api.tournament.ConfirmedParticipant;
import com.streamflix.league.command.testsupport.CommandServiceTest;
import com.streamflix.league.command.testsupport.Http;
import com.streamflix.league.command.testsupport.Rosters;
import com.streamflix.league.draw.Fixture;
import com.streamflix.league.draw.LeagueDraw;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's match endpoints over HTTP against PostgreSQL (RULES M1, M2, K3): each refusal is problem+json naming
 * the state or the field, and records nothing. Whole tournaments are played in the system tests.
 */
class MatchPlayIntegrationTest extends CommandServiceTest {
    @Autowired
    CommandGateway commands;
    Http http;
    String tournament;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    /** A tournament in LEAGUE_PHASE, drawn over HTTP with seed 3; returns its fixtures. */
    List<Fixture> leaguePhase(String name) throws Exception {
        Rosters.Locked roster = Rosters.locked(commands, name);
        tournament = roster.id();
        var drawn = http.asAdmin("POST", "/api/admin/tournaments/" + tournament + "/run-league-draw", "{\"seed\": 3}");
        assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(200);
        return LeagueDraw.draw(roster.pots(), 3).fixtures();
    }

    static String matchId(String tournamentId, Fixture f) {
        return DrawnFixture.matchIdOf(tournamentId, f.matchday(), ConfirmedParticipant.idOf(tournamentId, f.home()),
                ConfirmedParticipant.idOf(tournamentId, f.away()));
    }

    HttpResponse<String> admin(String matchId, String action, String body) throws Exception {
        return http.asAdmin("POST", "/api/admin/matches/" + matchId + "/" + action, body);
    }

    int matchEvents(String matchId) {
        return jdbc.queryForObject("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, matchId);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).endsWith("/problems/" + type);
        if (field != null) {
            assertThat(problem.path("field").asText()).isEqualTo(field);
        }
    }

    @Test
    void aLeagueMatchIsStartedScoredAndResolvedAndEveryRefusalNamesWhy_M1_K3() throws Exception {
        List<Fixture> fixtures = leaguePhase("Match Cup");
        String match = matchId(tournament, fixtures.get(0));

        assertProblem(admin(match, "score", "{\"scoreA\":1,\"scoreB\":0}"), 409, "invalid-match-state", null);
        assertProblem(admin(match, "resolve-match", "{\"scoreA\":1,\"scoreB\":0}"), 409, "invalid-match-state", null);
        assertThat(admin(match, "start", null).statusCode()).isEqualTo(204);
        var again = admin(match, "start", null);
        assertProblem(again, 409, "invalid-match-state", null);
        assertThat(JSON.readTree(again.body()).path("currentState").asText()).isEqualTo("LIVE");
        assertThat(admin(match, "score", "{\"scoreA\":1,\"scoreB\":0}").statusCode()).isEqualTo(204);
        assertProblem(admin(match, "score", "{\"scoreA\":-1,\"scoreB\":0}"), 400, "invalid-request", null);

        int before = matchEvents(match);
        assertProblem(admin(match, "resolve-match", "{\"scoreA\":1}"), 400, "invalid-request", "scoreB");
        String homeUser = fixtures.get(0).home();
        assertProblem(admin(match, "resolve-match", "{\"scoreA\":1,\"scoreB\":1,\"penaltiesWinner\":\"" + homeUser
                + "\"}"), 422, "invalid-result", "penaltiesWinner"); // K3: no shoot-outs in the league
        assertProblem(admin(match, "resolve-match", "{\"scoreA\":1,\"scoreB\":1,\"walkover\":\"" + homeUser + "\"}"),
                400, "invalid-request", "walkover");
        assertThat(matchEvents(match)).isEqualTo(before);
        assertThat(events(tournament, "MatchResultRecordedEvent")).isZero();

        var resolved = admin(match, "resolve-match", "{\"scoreA\":2,\"scoreB\":1}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(resolved.body());
        assertThat(result.path("winnerParticipantId").asText())
                .isEqualTo(ConfirmedParticipant.idOf(tournament, homeUser));
        assertThat(result.path("walkover").asBoolean()).isFalse();
        assertThat(events(tournament, "MatchResultRecordedEvent")).isEqualTo(1);
        assertProblem(admin(match, "reschedule", "{\"scheduledAt\":\"2026-01-01T20:00:00Z\"}"), 409,
                "invalid-match-state", null);

        // a correction keeps the original in the history and needs a reason
        assertProblem(admin(match, "correct-result", "{\"scoreA\":1,\"scoreB\":1}"), 400, "invalid-request", null);
        var corrected = admin(match, "correct-result", "{\"scoreA\":1,\"scoreB\":1,\"reason\":\"late equaliser\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(events(match, "MatchCompletedEvent")).isEqualTo(1);
        assertThat(events(match, "MatchResultCorrectedEvent")).isEqualTo(1);
        assertThat(events(tournament, "MatchResultRecordedEvent")).isEqualTo(2);
    }

    @Test
    void aWalkoverIsRecordedAsThreeNilWithoutKickOffAndAScheduledMatchCanMove() throws Exception {
        List<Fixture> fixtures = leaguePhase("Match Cup");
        String match = matchId(tournament, fixtures.get(1));
        String away = ConfirmedParticipant.idOf(tournament, fixtures.get(1).away());

        assertThat(admin(match, "reschedule", "{\"scheduledAt\":\"2026-02-01T20:00:00Z\"}").statusCode()).isEqualTo(204);
        assertProblem(admin(match, "reschedule", "{\"scheduledAt\":\"1999-02-01T20:00:00Z\"}"), 400,
                "invalid-request", "scheduledAt");
        var walkover = admin(match, "resolve-match", "{\"walkover\":\"" + away + "\"}");
        assertThat(walkover.statusCode()).as(walkover.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(walkover.body());
        assertThat(result.path("walkover").asBoolean()).isTrue();
        assertThat(result.path("scoreA").asInt()).isZero();
        assertThat(result.path("scoreB").asInt()).isEqualTo(3);
        assertThat(result.path("winnerParticipantId").asText()).isEqualTo(away);
        assertProblem(admin(match, "resolve-match", "{\"walkover\":\"someone-else\"}"), 409, "invalid-match-state",
                null);
    }

    @Test
    void matchControlsAreForAdminsAndUnknownMatchesAreNotFound() throws Exception {
        var viewer = http.asUser("viewer-1", "POST", "/api/admin/matches/some-match/start", null);
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertProblem(admin("no-such-match", "start", null), 404, "not-found", null);
        assertProblem(admin("bad_id~", "start", null), 400, "invalid-request", null);
    }
}
