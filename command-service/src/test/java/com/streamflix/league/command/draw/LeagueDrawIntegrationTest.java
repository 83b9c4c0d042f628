package com.streamflix.league.command.draw;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.draw.DrawnFixture;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.ScheduleMatchCommand;
import com.streamflix.league.api.tournament.ConfirmedParticipant;
import com.streamflix.league.api.tournament.CreateTournamentCommand;
import com.streamflix.league.api.tournament.OpenRegistrationCommand;
import com.streamflix.league.command.testsupport.CommandServiceTest;
import com.streamflix.league.command.testsupport.Http;
import com.streamflix.league.command.testsupport.Rosters;
import com.streamflix.league.draw.Fixture;
import com.streamflix.league.draw.FixtureRules;
import com.streamflix.league.draw.LeagueDraw;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/admin/tournaments/{id}/run-league-draw} over HTTP against PostgreSQL (RULES T1, D1–D4). The
 * roster is built with the aggregate's commands directly (registration's Twitch checks are tested elsewhere).
 */
class LeagueDrawIntegrationTest extends CommandServiceTest {
    static final String FIRST_MATCHDAY = "2025-09-16T18:45:00Z";

    @Autowired
    CommandGateway commands;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    Rosters.Locked lockedRoster() {
        return Rosters.locked(commands, "Draw Cup");
    }

    HttpResponse<String> draw(String tournamentId, String body) throws Exception {
        return http.asAdmin("POST", "/api/admin/tournaments/" + tournamentId + "/run-league-draw", body);
    }

    static String fixturesJson(List<Fixture> fixtures) throws Exception {
        return JSON.writeValueAsString(fixtures.stream()
                .map(f -> Map.of("matchday", f.matchday(), "playerA", f.home(), "playerB", f.away())).toList());
    }


    int eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, aggregateId);
    }

    static List<String> matchIds(String tournamentId, List<Fixture> fixtures) {
        return fixtures.stream().map(f -> DrawnFixture.matchIdOf(tournamentId, f.matchday(),
                ConfirmedParticipant.idOf(tournamentId, f.home()), ConfirmedParticipant.idOf(tournamentId, f.away())))
                .toList();
    }

    /** How many of these matches were scheduled, each once, as LEAGUE matches. */
    int scheduledMatches(List<String> matchIds) {
        return jdbc.queryForObject("""
                        SELECT count(*) FROM eventstore.domain_event_entry
                        WHERE type = 'Match' AND payload_type LIKE '%.MatchScheduledEvent' AND sequence_number = 0
                          AND aggregate_identifier = ANY (?)""",
                Integer.class, (Object) matchIds.toArray(String[]::new));
    }

    int allScheduledMatches() {
        return jdbc.queryForObject("SELECT count(*) FROM eventstore.domain_event_entry"
                + " WHERE payload_type LIKE '%.MatchScheduledEvent'", Integer.class);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(response.body()).contains("/problems/" + type);
    }

    @Test
    void theDrawRecordsSeedPotsAndFixturesSchedules144MatchesAndStartsTheLeaguePhase_T1_D4() throws Exception {
        Rosters.Locked t = lockedRoster();

        var response = draw(t.id(), """
                {"seed": 2024, "firstMatchdayAt": "%s", "matchdayInterval": "P7D"}""".formatted(FIRST_MATCHDAY));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("seed").asLong()).isEqualTo(2024);
        assertThat(body.path("matches").asInt()).isEqualTo(144);
        assertThat(events(t.id(), "LeagueDrawnEvent")).isEqualTo(1);
        // D4: the seed and the seeded pots give these fixtures anywhere; their matches are the ones scheduled
        List<Fixture> expected = LeagueDraw.draw(t.pots(), 2024).fixtures();
        assertThat(scheduledMatches(matchIds(t.id(), expected))).isEqualTo(144);

        // T1: the tournament is now LEAGUE_PHASE, so a second draw is refused naming it, and changes nothing
        int before = eventsOf(t.id());
        int matchesBefore = allScheduledMatches();
        var second = draw(t.id(), "{\"seed\": 1}");
        assertProblem(second, 409, "invalid-tournament-state");
        assertThat(JSON.readTree(second.body()).path("currentState").asText()).isEqualTo("LEAGUE_PHASE");
        assertThat(eventsOf(t.id())).isEqualTo(before);
        assertThat(allScheduledMatches()).isEqualTo(matchesBefore);
    }

    @Test
    void withoutABodyTheSeedIsPickedAndRecordedAndTheFirstMatchdayIsNow_D4() throws Exception {
        Rosters.Locked t = lockedRoster();
        Instant before = Instant.now().minusSeconds(60);

        var response = draw(t.id(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        long seed = body.path("seed").asLong();
        assertThat(body.path("seed").isIntegralNumber()).isTrue();
        assertThat(seed).isBetween(0L, (1L << 53) - 1);
        assertThat(scheduledMatches(matchIds(t.id(), LeagueDraw.draw(t.pots(), seed).fixtures()))).isEqualTo(144);
        Instant first = Instant.parse(body.path("firstMatchdayAt").asText());
        assertThat(first).isBetween(before, Instant.now()).hasToString(first.toString().replaceAll(":\\d\\dZ$", ":00Z"));
        assertThat(body.path("matchdayInterval").asText()).isEqualTo("PT168H");
    }

    @Test
    void namedPotsAreDrawnFrom_R4_D4() throws Exception {
        Rosters.Locked t = lockedRoster();
        List<List<String>> named = List.of(t.pots().get(3), t.pots().get(2), t.pots().get(1), t.pots().get(0));

        var response = draw(t.id(), JSON.writeValueAsString(Map.of("seed", 5, "pots", named)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(scheduledMatches(matchIds(t.id(), LeagueDraw.draw(named, 5).fixtures()))).isEqualTo(144);
    }

    @Test
    void potsThatAreNotTheRosterAreRefusedWithEveryViolation_R4() throws Exception {
        Rosters.Locked t = lockedRoster();
        List<String> pot1 = new ArrayList<>(t.pots().get(0));
        String leftOut = pot1.set(0, "stranger");

        var response = draw(t.id(), JSON.writeValueAsString(Map.of("seed", 5,
                "pots", List.of(pot1, t.pots().get(1), t.pots().get(2)))));

        assertProblem(response, 422, "invalid-draw");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo("pots");
        List<String> violations = new ArrayList<>();
        problem.path("violations").forEach(v -> violations.add(v.asText()));
        assertThat(violations).contains("expected 4 pots, got 3", "stranger (pot 1) is not in the confirmed roster",
                leftOut + " is in the roster but in no pot").hasSize(2 + 10);
        assertThat(events(t.id(), "LeagueDrawnEvent")).isZero();
    }

    @Test
    void aDrawHeldElsewhereIsImportedWithoutASeed_D1_D2() throws Exception {
        Rosters.Locked t = lockedRoster();
        List<Fixture> heldOnStream = LeagueDraw.draw(t.pots(), 77).fixtures();

        var response = draw(t.id(), """
                {"fixtures": %s, "firstMatchdayAt": "%s", "matchdayInterval": "P3D"}"""
                .formatted(fixturesJson(heldOnStream), FIRST_MATCHDAY));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.has("seed")).isTrue();
        assertThat(body.path("seed").isNull()).isTrue();
        assertThat(body.path("imported").asBoolean()).isTrue();
        assertThat(scheduledMatches(matchIds(t.id(), heldOnStream))).isEqualTo(144);
        assertThat(events(t.id(), "LeagueDrawnEvent")).isEqualTo(1);
    }

    @Test
    void brokenImportedFixturesAreRefusedListingEveryViolationAndChangeNothing_D1_D2() throws Exception {
        Rosters.Locked t = lockedRoster();
        List<Fixture> broken = new ArrayList<>(LeagueDraw.draw(t.pots(), 77).fixtures());
        Fixture first = broken.get(0);
        Fixture second = broken.get(1);
        broken.set(1, new Fixture(first.matchday(), first.away(), first.home())); // a pair twice, both twice on day 1
        broken.set(2, new Fixture(9, second.home(), second.away()));
        List<String> expected = FixtureRules.violations(t.pots(), broken);
        int before = eventsOf(t.id());

        var response = draw(t.id(), "{\"fixtures\": " + fixturesJson(broken) + "}");

        assertProblem(response, 422, "invalid-draw");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo("fixtures");
        List<String> violations = new ArrayList<>();
        problem.path("violations").forEach(v -> violations.add(v.asText()));
        assertThat(violations).containsExactlyElementsOf(expected)
                .anyMatch(v -> v.contains(first.home()) && v.contains("meet 2 times"))
                .anyMatch(v -> v.contains(first.home() + " plays 2 matches on matchday " + first.matchday()))
                .anyMatch(v -> v.contains("matchday must be between 1 and 8"));
        assertThat(eventsOf(t.id())).isEqualTo(before);
        assertThat(scheduledMatches(matchIds(t.id(), broken))).isZero();
    }

    @Test
    void aDrawBeforeTheRosterIsLockedIsRefused_T1() throws Exception {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateTournamentCommand(id, "Too early", null, null, null));
        commands.sendAndWait(new OpenRegistrationCommand(id));

        var response = draw(id, "{\"seed\": 1}");

        assertProblem(response, 409, "invalid-tournament-state");
        assertThat(JSON.readTree(response.body()).path("currentState").asText()).isEqualTo("REGISTRATION_OPEN");
        assertProblem(draw("no-such-tournament", "{\"seed\": 1}"), 404, "not-found");
    }

    @Test
    void malformedRequestsAre400Problems() throws Exception {
        Rosters.Locked t = lockedRoster();
        String fixtures = fixturesJson(LeagueDraw.draw(t.pots(), 3).fixtures());
        for (String body : List.of(
                "{\"seed\": 1, \"fixtures\": " + fixtures + "}",
                "{\"seed\": 1, \"matchdayInterval\": \"PT0S\"}",
                "{\"seed\": 1, \"matchdayInterval\": \"P400D\"}",
                "{\"seed\": 1, \"matchdayInterval\": \"weekly\"}",
                "{\"seed\": 1, \"firstMatchdayAt\": \"tomorrow\"}",
                "{\"seed\": \"lucky\"}",
                "{\"seed\": 1, \"pots\": [[\"a\", \" \"]]}",
                "{\"fixtures\": [{\"matchday\": 1, \"playerA\": \"a\"}]}",
                "{\"seed\": 1, \"luck\": true}")) {
            assertProblem(draw(t.id(), body), 400, "invalid-request");
        }
        assertThat(eventsOf(t.id())).isEqualTo(36 + 4);
        assertThat(http.send("POST", "/api/admin/tournaments/" + t.id() + "/run-league-draw", Map.of(), "{}")
                .statusCode()).isEqualTo(401);
    }

    /** T1: of two draws at the same time, one is held and the other is refused as a second draw. */
    @Test
    void ofTwoConcurrentDrawsOneIsHeldAndTheOtherRefused_T1() throws Exception {
        Rosters.Locked t = lockedRoster();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int seed : new int[]{21, 22}) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return draw(t.id(), "{\"seed\": " + seed + "}");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS).statusCode());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            long held = JSON.readTree(answers.get(statuses.indexOf(200)).get().body()).path("seed").asLong();
            assertThat(events(t.id(), "LeagueDrawnEvent")).isEqualTo(1);
            assertThat(scheduledMatches(matchIds(t.id(), LeagueDraw.draw(t.pots(), held).fixtures()))).isEqualTo(144);
        } finally {
            pool.shutdownNow();
        }
    }

    /** D4: the draw and its matches commit together; a failure on the 144th match leaves no draw behind. */
    @Test
    void aFailureWhileSchedulingTheMatchesRollsTheWholeDrawBack_D4() throws Exception {
        Rosters.Locked t = lockedRoster();
        List<Fixture> fixtures = LeagueDraw.draw(t.pots(), 11).fixtures();
        String lastMatch = matchIds(t.id(), fixtures).get(143);
        Fixture last = fixtures.get(143);
        // Something already holds the last match's id, so scheduling it fails after 143 matches and the draw
        commands.sendAndWait(new ScheduleMatchCommand(lastMatch, "elsewhere", MatchPhase.LEAGUE, last.matchday(),
                "x", "x", "y", "y", Instant.parse(FIRST_MATCHDAY)));

        var failed = draw(t.id(), "{\"seed\": 11}");

        assertThat(failed.statusCode()).isEqualTo(409); // a clash on an aggregate id, answered as a conflict
        assertThat(failed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(eventsOf(t.id())).isEqualTo(36 + 4);
        assertThat(scheduledMatches(matchIds(t.id(), fixtures))).isEqualTo(1); // only the one made beforehand
        var retried = draw(t.id(), "{\"seed\": 12}");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(scheduledMatches(matchIds(t.id(), LeagueDraw.draw(t.pots(), 12).fixtures()))).isEqualTo(144);
    }
}
