package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.tournament.ConfirmedParticipant;
import com.streamflix.league.knockout.KnockoutBracket;
import com.streamflix.league.knockout.Slot;
import com.streamflix.league.knockout.TiePairing;
import com.streamflix.league.standings.Entrant;
import com.streamflix.league.standings.LeagueResult;
import com.streamflix.league.standings.LeagueTable;
import com.streamflix.league.standings.StandingsRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static com.streamflix.league.system.StackClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole tournament over HTTP through the edge, across the three services (RULES M1–M2, S1–S3, K1–K4, R2): 36
 * subscribers, the draw, 144 league results (one a walkover, one corrected), the play-offs (one level aggregate
 * settled on penalties, one walkover, one corrected result that changes who goes through), round of 16,
 * quarter-finals, semi-finals and the final, ending {@code COMPLETED} with one {@code WINNER}. The standings and the
 * bracket are compared with the shared rules at every stage, and a viewer watches one match on its live channel.
 */
class WholeTournamentSystemTest extends SystemTest {
    static final long DRAW_SEED = 20240829L;

    String tournament;
    List<String> seeding;
    /** Every league result as entered (the last entry per match counts), for the expected table. */
    final Map<String, LeagueResult> leagueResults = new LinkedHashMap<>();

    @BeforeAll
    static void broadcaster() throws Exception {
        connectBroadcaster();
    }

    @Test
    void aTournamentIsPlayedFromTheDrawToItsChampion() throws Exception {
        roster();
        JsonNode matches = client.awaitJson("/api/tournaments/" + tournament + "/matches",
                m -> m.path("items").size() == 144);
        List<JsonNode> league = new ArrayList<>();
        matches.path("items").forEach(league::add);

        aViewerWatchesTheFirstMatchLive_M1(league.get(0));
        Random random = new Random(7);
        for (int i = 1; i < league.size(); i++) {
            JsonNode match = league.get(i);
            if (i == 5) {
                walkover(match, match.path("playerB").path("participantId").asText());
            } else if (i == 10) {
                play(match, 0, 0);
                correct(match, 2, 0, "the home side's two goals were missed");
            } else {
                play(match, random.nextInt(4), random.nextInt(4));
            }
            if (i == 71) {
                standingsMatchTheSharedComparator_S1_S2("during the league phase");
            }
        }
        List<String> ranking = standingsMatchTheSharedComparator_S1_S2("after the league phase");
        JsonNode tournamentRead = client.awaitJson("/api/tournaments/" + tournament,
                t -> t.path("status").asText().equals("KNOCKOUTS"));
        assertThat(tournamentRead.path("status").asText()).isEqualTo("KNOCKOUTS");
        JsonNode bracket = bracketIsTheSharedBracket_K1_K2(ranking);

        playTheKnockouts(bracket);

        JsonNode done = client.awaitJson("/api/tournaments/" + tournament,
                t -> t.path("status").asText().equals("COMPLETED"));
        JsonNode finalBracket = client.awaitJson("/api/tournaments/" + tournament + "/bracket",
                b -> tie(b, "FINAL").path("status").asText().equals("DECIDED"));
        String champion = tie(finalBracket, "FINAL").path("winnerParticipantId").asText();
        assertThat(done.path("winnerParticipantId").asText()).isEqualTo(champion);
        JsonNode standings = client.awaitJson("/api/tournaments/" + tournament + "/standings",
                s -> rows(s).stream().anyMatch(r -> r.path("status").asText().equals("WINNER")));
        Map<String, Long> statuses = rows(standings).stream()
                .collect(Collectors.groupingBy(r -> r.path("status").asText(), Collectors.counting()));
        assertThat(statuses).containsEntry("WINNER", 1L).containsEntry("ELIMINATED", 35L); // K4
        assertThat(rows(standings).stream().filter(r -> r.path("status").asText().equals("WINNER")).findFirst()
                .orElseThrow().path("participantId").asText()).isEqualTo(champion);
        aCompletedTournamentNoLongerCountsTowardTheCap_R2();
    }

    /** R2: three registrations elsewhere are accepted once this tournament is over (the cap is 3). */
    void aCompletedTournamentNoLongerCountsTowardTheCap_R2() throws Exception {
        String player = seeding.get(0);
        List<String> next = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var created = client.admin("POST", "/api/admin/tournaments", "{\"name\":\"Next Season " + i + "\"}");
            String id = JSON.readTree(created.body()).path("id").asText();
            ok(client.admin("POST", "/api/admin/tournaments/" + id + "/open-registration", null));
            next.add(id);
        }
        Instant deadline = Instant.now().plusSeconds(15); // the slot is released by an event handler, just after
        HttpResponse<String> third = null;
        for (String id : next.subList(0, 2)) {
            ok(client.viewer(player, "POST", "/api/tournaments/" + id + "/register", null));
        }
        while (Instant.now().isBefore(deadline)) {
            third = client.viewer(player, "POST", "/api/tournaments/" + next.get(2) + "/register", null);
            if (third.statusCode() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(third.statusCode()).as(third.body()).isEqualTo(200);
    }

    // ---- the roster and the draw ------------------------------------------------------------------------------------

    void roster() throws Exception {
        League league = leaguePhase(client, "Champions Night", DRAW_SEED);
        tournament = league.id();
        seeding = league.seeding();
    }

    // ---- the league -------------------------------------------------------------------------------------------------

    void aViewerWatchesTheFirstMatchLive_M1(JsonNode match) throws Exception {
        String id = match.path("id").asText();
        try (var viewer = client.watchMatch(id, StackFixture.ALLOWED_ORIGIN)) {
            JsonNode snapshot = viewer.next(Duration.ofSeconds(5)).message();
            assertThat(snapshot.path("type").asText()).isEqualTo("SNAPSHOT");
            if (snapshot.path("status").asText().equals("UNKNOWN")) {
                // realtime had not taken the scheduling yet: the SNAPSHOT it pushes when it does replaces this one
                snapshot = nextOfType(viewer, "SNAPSHOT");
            }
            assertThat(snapshot.path("status").asText()).isEqualTo("SCHEDULED");
            assertThat(snapshot.path("playerA").path("participantId").asText())
                    .isEqualTo(match.path("playerA").path("participantId").asText());
            ok(client.admin("POST", "/api/admin/matches/" + id + "/start", null));
            assertThat(nextOfType(viewer, "MATCH_STARTED")).isNotNull();
            ok(client.admin("POST", "/api/admin/matches/" + id + "/score", "{\"scoreA\":1,\"scoreB\":0}"));
            JsonNode score = nextOfType(viewer, "SCORE_UPDATE");
            assertThat(score.path("scoreA").asInt()).isEqualTo(1);
            assertThat(score.path("scoreB").asInt()).isZero();
            resolve(match, 1, 0);
            JsonNode completed = nextOfType(viewer, "MATCH_COMPLETED");
            assertThat(completed.path("scoreA").asInt()).isEqualTo(1);
            assertThat(completed.path("winnerParticipantId").asText())
                    .isEqualTo(match.path("playerA").path("participantId").asText());
        }
    }

    static JsonNode nextOfType(StackClient.Socket socket, String type) throws InterruptedException {
        while (true) {
            JsonNode message = socket.next(Duration.ofSeconds(5)).message();
            if (message.path("type").asText().equals(type)) {
                return message;
            }
        }
    }

    void play(JsonNode match, int scoreA, int scoreB) throws Exception {
        ok(client.admin("POST", "/api/admin/matches/" + match.path("id").asText() + "/start", null));
        resolve(match, scoreA, scoreB);
    }

    void resolve(JsonNode match, int scoreA, int scoreB) throws Exception {
        ok(client.admin("POST", "/api/admin/matches/" + match.path("id").asText() + "/resolve-match",
                "{\"scoreA\":" + scoreA + ",\"scoreB\":" + scoreB + "}"));
        counted(match, scoreA, scoreB);
    }

    void walkover(JsonNode match, String winner) throws Exception {
        ok(client.admin("POST", "/api/admin/matches/" + match.path("id").asText() + "/resolve-match",
                "{\"walkover\":\"" + winner + "\"}"));
        boolean a = winner.equals(match.path("playerA").path("participantId").asText());
        counted(match, a ? 3 : 0, a ? 0 : 3);
    }

    void correct(JsonNode match, int scoreA, int scoreB, String reason) throws Exception {
        ok(client.admin("POST", "/api/admin/matches/" + match.path("id").asText() + "/correct-result",
                "{\"scoreA\":" + scoreA + ",\"scoreB\":" + scoreB + ",\"reason\":\"" + reason + "\"}"));
        counted(match, scoreA, scoreB);
    }

    void counted(JsonNode match, int scoreA, int scoreB) {
        if (match.path("phase").asText().equals("LEAGUE")) {
            leagueResults.put(match.path("id").asText(), new LeagueResult(
                    match.path("playerA").path("participantId").asText(),
                    match.path("playerB").path("participantId").asText(), scoreA, scoreB));
        }
    }

    /** The table served equals the shared comparator's over the results entered; returns its participant ids. */
    List<String> standingsMatchTheSharedComparator_S1_S2(String when) throws Exception {
        List<Entrant> entrants = new ArrayList<>();
        for (int i = 0; i < seeding.size(); i++) {
            entrants.add(new Entrant(ConfirmedParticipant.idOf(tournament, seeding.get(i)), i + 1));
        }
        List<StandingsRow> expected = LeagueTable.rank(entrants, List.copyOf(leagueResults.values()), Map.of());
        int played = leagueResults.size() * 2;
        JsonNode standings = client.awaitJson("/api/tournaments/" + tournament + "/standings",
                s -> rows(s).stream().mapToInt(r -> r.path("played").asInt()).sum() == played);
        List<JsonNode> rows = rows(standings);
        assertThat(rows).as(when).hasSize(36);
        for (int i = 0; i < 36; i++) {
            StandingsRow want = expected.get(i);
            JsonNode got = rows.get(i);
            assertThat(got.path("rank").asInt()).as(when).isEqualTo(i + 1);
            assertThat(got.path("participantId").asText()).as(when + ", rank " + (i + 1))
                    .isEqualTo(want.participantId());
            assertThat(List.of(got.path("played").asInt(), got.path("wins").asInt(), got.path("draws").asInt(),
                    got.path("losses").asInt(), got.path("goalsFor").asInt(), got.path("goalsAgainst").asInt(),
                    got.path("goalDifference").asInt(), got.path("points").asInt(), got.path("bonusPoints").asInt()))
                    .as(when + ", rank " + (i + 1))
                    .isEqualTo(List.of(want.played(), want.wins(), want.draws(), want.losses(), want.goalsFor(),
                            want.goalsAgainst(), want.goalDifference(), want.points(), want.bonusPoints()));
            assertThat(got.path("zone").asText()).isEqualTo(want.zone().name()); // S3
        }
        return expected.stream().map(StandingsRow::participantId).toList();
    }

    static List<JsonNode> rows(JsonNode standings) {
        List<JsonNode> rows = new ArrayList<>();
        standings.path("rows").forEach(rows::add);
        return rows;
    }

    // ---- the knockouts ----------------------------------------------------------------------------------------------

    /** K1/K2: the served bracket is the shared engine's for the final ranking and the published seed. */
    JsonNode bracketIsTheSharedBracket_K1_K2(List<String> ranking) throws Exception {
        JsonNode bracket = client.awaitJson("/api/tournaments/" + tournament + "/bracket",
                b -> b.path("seeded").asBoolean() && b.path("ties").size() == 23);
        KnockoutBracket engine = KnockoutBracket.draw(ranking, bracket.path("seed").asLong());
        for (Slot slot : Slot.all()) {
            JsonNode tie = tie(bracket, slot.name());
            TiePairing pairing = engine.pairing(slot, Map.of());
            if (pairing != null) {
                assertThat(tie.path("playerA").path("participantId").asText()).as(slot.name()).isEqualTo(pairing.better());
                assertThat(tie.path("playerB").path("participantId").asText()).as(slot.name()).isEqualTo(pairing.worse());
                assertThat(tie.path("legs").size()).isEqualTo(2);
            } else {
                assertThat(tie.path("status").asText()).as(slot.name()).isEqualTo("WAITING");
                List<String> could = new ArrayList<>(); // a side already known, else who could still fill it
                for (String side : List.of("playerA", "playerB")) {
                    if (tie.path(side).hasNonNull("participantId")) {
                        could.add(tie.path(side).path("participantId").asText());
                    }
                }
                tie.path("candidatesA").forEach(c -> could.add(c.isTextual() ? c.asText() : c.path("participantId").asText()));
                tie.path("candidatesB").forEach(c -> could.add(c.isTextual() ? c.asText() : c.path("participantId").asText()));
                assertThat(could).as(slot.name()).containsExactlyInAnyOrderElementsOf(engine.couldFill(slot, Map.of()));
            }
        }
        return bracket;
    }

    static JsonNode tie(JsonNode bracket, String slot) {
        for (JsonNode tie : bracket.path("ties")) {
            if (tie.path("slot").asText().equals(slot)) {
                return tie;
            }
        }
        throw new AssertionError("no tie " + slot + " in " + bracket);
    }

    /**
     * Plays every tie as it opens: the better-placed side wins each (1–0 away, 2–0 at home), except PO-S1 (level
     * 1–1, the first attempt without a penalties winner refused with 422, then settled on penalties for the
     * worse-placed side), PO-B1 (the second leg a walkover) and PO-S4 (corrected after the fact so that the
     * worse-placed side goes through, which re-points the round-of-16 tie it feeds).
     */
    void playTheKnockouts(JsonNode bracket) throws Exception {
        Map<String, String> expectedWinners = new HashMap<>();
        while (true) {
            bracket = JSON.readTree(client.get(client.edge, "/api/tournaments/" + tournament + "/bracket", null).body());
            JsonNode next = null;
            for (JsonNode tie : bracket.path("ties")) {
                if (tie.path("status").asText().equals("SCHEDULED") && !expectedWinners.containsKey(tie.path("slot").asText())) {
                    next = tie;
                    break;
                }
            }
            if (next == null) {
                if (expectedWinners.containsKey("FINAL")) {
                    break;
                }
                Thread.sleep(50); // the projection has not shown the next tie yet
                continue;
            }
            String slot = next.path("slot").asText();
            String better = next.path("playerA").path("participantId").asText();
            String worse = next.path("playerB").path("participantId").asText();
            List<JsonNode> legs = new ArrayList<>();
            next.path("legs").forEach(legs::add);
            if (slot.equals("FINAL")) {
                JsonNode fin = legs.get(0);
                ok(client.admin("POST", "/api/admin/matches/" + fin.path("matchId").asText() + "/start", null));
                var drawn = client.admin("POST", "/api/admin/matches/" + fin.path("matchId").asText() + "/resolve-match",
                        "{\"scoreA\":2,\"scoreB\":2}");
                assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(422); // K3: a drawn final needs penalties
                String shootOut = fin.path("homeParticipantId").asText();
                ok(client.admin("POST", "/api/admin/matches/" + fin.path("matchId").asText() + "/resolve-match",
                        "{\"scoreA\":2,\"scoreB\":2,\"penaltiesWinner\":\"" + shootOut + "\"}"));
                expectedWinners.put(slot, shootOut);
                continue;
            }
            String firstLeg = legs.get(0).path("matchId").asText();
            String secondLeg = legs.get(1).path("matchId").asText();
            assertThat(legs.get(1).path("homeParticipantId").asText()).isEqualTo(better); // K2
            ok(client.admin("POST", "/api/admin/matches/" + firstLeg + "/start", null));
            ok(client.admin("POST", "/api/admin/matches/" + firstLeg + "/resolve-match", "{\"scoreA\":0,\"scoreB\":1}"));
            switch (slot) {
                case "PO-S1" -> { // 0–1, then 0–1 the other way: level on aggregate, decided on penalties (K3)
                    ok(client.admin("POST", "/api/admin/matches/" + secondLeg + "/start", null));
                    var level = client.admin("POST", "/api/admin/matches/" + secondLeg + "/resolve-match",
                            "{\"scoreA\":0,\"scoreB\":1}");
                    assertThat(level.statusCode()).as(level.body()).isEqualTo(422);
                    assertThat(JSON.readTree(level.body()).path("field").asText()).isEqualTo("penaltiesWinner");
                    ok(client.admin("POST", "/api/admin/matches/" + secondLeg + "/resolve-match",
                            "{\"scoreA\":0,\"scoreB\":1,\"penaltiesWinner\":\"" + worse + "\"}"));
                    expectedWinners.put(slot, worse);
                }
                case "PO-B1" -> { // the second leg is not played: a walkover, 3–0 (1–3 on aggregate)
                    ok(client.admin("POST", "/api/admin/matches/" + secondLeg + "/resolve-match",
                            "{\"walkover\":\"" + better + "\"}"));
                    expectedWinners.put(slot, better);
                }
                default -> {
                    ok(client.admin("POST", "/api/admin/matches/" + secondLeg + "/start", null));
                    ok(client.admin("POST", "/api/admin/matches/" + secondLeg + "/resolve-match",
                            "{\"scoreA\":2,\"scoreB\":0}"));
                    expectedWinners.put(slot, better);
                }
            }
            JsonNode decided = client.awaitJson("/api/tournaments/" + tournament + "/bracket",
                    b -> tie(b, slot).path("status").asText().equals("DECIDED"));
            assertThat(tie(decided, slot).path("winnerParticipantId").asText()).as(slot)
                    .isEqualTo(expectedWinners.get(slot));
            if (slot.equals("PO-S4")) {
                // the second leg really ended 0–3: the worse-placed side goes through, and the round-of-16 tie
                // it feeds (not started yet) now names them
                ok(client.admin("POST", "/api/admin/matches/" + secondLeg + "/correct-result",
                        "{\"scoreA\":0,\"scoreB\":3,\"reason\":\"the away side's hat-trick was missed\"}"));
                expectedWinners.put(slot, worse);
                JsonNode recomposed = client.awaitJson("/api/tournaments/" + tournament + "/bracket",
                        b -> tie(b, slot).path("winnerParticipantId").asText().equals(worse));
                JsonNode r16 = tie(recomposed, "R16-S1");
                assertThat(List.of(r16.path("playerA").path("participantId").asText(),
                        r16.path("playerB").path("participantId").asText())).contains(worse).doesNotContain(better);
                assertThat(r16.path("legs").get(0).path("homeParticipantId").asText()).isIn(worse,
                        r16.path("playerB").path("participantId").asText());
            }
        }
    }
}
