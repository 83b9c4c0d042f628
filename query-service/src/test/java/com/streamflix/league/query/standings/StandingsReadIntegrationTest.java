package com.streamflix.league.query.standings;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.query.testsupport.CompetitionTest;
import com.streamflix.league.standings.LeagueResult;
import com.streamflix.league.standings.LeagueTable;
import com.streamflix.league.standings.StandingsRow;
import com.streamflix.league.standings.Zone;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The league table as viewers read it (RULES S1–S3, K4; API.md {@code /standings}), fed by the roster, the draw and
 * the matches' results as their aggregates append them.
 */
class StandingsReadIntegrationTest extends CompetitionTest {

    String standingsPath(Roster roster) {
        return "/api/tournaments/" + roster.id() + "/standings";
    }

    JsonNode awaitPlayed(Roster roster, int results) throws InterruptedException {
        return awaitJson(standingsPath(roster), s -> {
            int played = 0;
            for (JsonNode row : s.path("rows")) {
                played += row.path("played").asInt();
            }
            return played == 2 * results;
        });
    }

    static JsonNode row(JsonNode standings, String participantId) {
        for (JsonNode row : standings.path("rows")) {
            if (row.path("participantId").asText().equals(participantId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + participantId);
    }

    static int rank(JsonNode standings, String participantId) {
        return row(standings, participantId).path("rank").asInt();
    }

    /** The vote projection (V5) keeps the bonus in the table's rows; the table counts it and never resets it. */
    void bonus(String participantId, int points) {
        jdbc.update("UPDATE league_standings SET bonus_points = ? WHERE participant_id = ?", points, participantId);
    }

    @Test
    void theTableExistsRankedBySeedingOnceTheRosterIsConfirmed_S2_S3() throws Exception {
        Roster roster = confirmedRoster();
        JsonNode standings = awaitJson(standingsPath(roster), s -> s.path("rows").size() == 36);
        assertThat(standings.path("tournamentId").asText()).isEqualTo(roster.id());
        assertThat(standings.path("status").asText()).isEqualTo("REGISTRATION_CLOSED");
        for (int place = 1; place <= 36; place++) {
            JsonNode row = standings.path("rows").get(place - 1);
            assertThat(row.path("rank").asInt()).isEqualTo(place);
            assertThat(row.path("seedPosition").asInt()).isEqualTo(place);
            assertThat(row.path("participantId").asText()).isEqualTo(roster.participant(place));
            assertThat(row.path("userId").asText()).isEqualTo(roster.users().get(place - 1));
            assertThat(row.path("login").asText()).isEqualTo("login_" + roster.users().get(place - 1));
            assertThat(row.path("zone").asText()).isEqualTo(Zone.ofRank(place).name());
            assertThat(row.path("status").asText()).isEqualTo("ACTIVE");
            for (String criterion : List.of("played", "wins", "draws", "losses", "goalsFor", "goalsAgainst",
                    "goalDifference", "awayGoalsFor", "awayWins", "points", "bonusPoints", "opponentsPoints",
                    "opponentsGoalDifference", "opponentsGoalsFor")) {
                assertThat(row.path(criterion).isInt()).as(criterion).isTrue();
                assertThat(row.path(criterion).asInt()).as(criterion).isZero();
            }
        }
        assertThat(standings.path("rows").get(7).path("zone").asText()).isEqualTo("ROUND_OF_16");
        assertThat(standings.path("rows").get(8).path("zone").asText()).isEqualTo("PLAYOFFS");
        assertThat(standings.path("rows").get(24).path("zone").asText()).isEqualTo("ELIMINATED");

        for (String path : List.of("/api/tournaments/nope/standings", "/api/tournaments/no%20pe/standings")) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(get("/api/tournaments/nope/standings").statusCode()).isEqualTo(404);
    }

    /**
     * Five matchday-1 results: a home win, a walkover for the away side (3–0), a 4–1, a draw and a result corrected
     * the other way round. Then a viewer-vote bonus and one more draw.
     */
    @Test
    void theTableCountsWalkoversAndCorrectionsAndShowsEachTiebreaker_S1_S2_S3() throws Exception {
        Roster roster = confirmedRoster();
        List<MatchRef> day1 = leagueDrawn(roster, 21).subList(0, 18);
        awaitMatches(roster.id(), 144);
        MatchRef homeWin = day1.get(0);
        MatchRef walkover = day1.get(1);
        MatchRef bigWin = day1.get(2);
        MatchRef draw = day1.get(3);
        MatchRef corrected = day1.get(4);

        play(homeWin, 3, 0);
        complete(walkover, MatchResult.walkover(walkover.a(), walkover.b(), walkover.b()), null);
        play(bigWin, 4, 1);
        play(draw, 1, 1);
        MatchResult wrong = play(corrected, 2, 0);
        awaitPlayed(roster, 5);
        correct(corrected, wrong, MatchResult.played(corrected.a(), corrected.b(), 0, 2, null), "sides swapped", null);
        JsonNode table = awaitJson(standingsPath(roster), s -> row(s, corrected.b()).path("points").asInt() == 3);

        // S2: level on 3 points and +3, goals scored put the 4–1 first; the walkover's away goals beat home goals
        assertThat(rank(table, bigWin.a())).isEqualTo(1);
        assertThat(rank(table, walkover.b())).isEqualTo(2);
        assertThat(rank(table, homeWin.a())).isEqualTo(3);
        assertThat(rank(table, corrected.b())).as("the corrected winner, +2").isEqualTo(4);
        // 1 point each, level on everything up to away goals: the away side's goal counts
        assertThat(rank(table, draw.b())).isEqualTo(5);
        assertThat(rank(table, draw.a())).isEqualTo(6);
        // 0 points: the 26 who have not played (by seeding), then the losers by goal difference and goals scored
        assertThat(rank(table, corrected.a())).isEqualTo(33);
        assertThat(rank(table, bigWin.b())).isEqualTo(34);
        assertThat(Set.of(rank(table, homeWin.b()), rank(table, walkover.a()))).containsExactlyInAnyOrder(35, 36);

        JsonNode forfeit = row(table, walkover.b());
        assertThat(List.of(forfeit.path("played").asInt(), forfeit.path("wins").asInt(),
                forfeit.path("goalsFor").asInt(), forfeit.path("goalsAgainst").asInt(),
                forfeit.path("goalDifference").asInt(), forfeit.path("awayGoalsFor").asInt(),
                forfeit.path("awayWins").asInt(), forfeit.path("points").asInt()))
                .as("a walkover counts as its 3–0").containsExactly(1, 1, 3, 0, 3, 3, 1, 3);
        JsonNode wrongWinner = row(table, corrected.a());
        assertThat(List.of(wrongWinner.path("wins").asInt(), wrongWinner.path("losses").asInt(),
                wrongWinner.path("points").asInt(), wrongWinner.path("goalDifference").asInt()))
                .as("the correction replaced the result").containsExactly(0, 1, 0, -2);
        JsonNode host = row(table, homeWin.a());
        assertThat(List.of(host.path("opponentsPoints").asInt(), host.path("opponentsGoalDifference").asInt(),
                host.path("opponentsGoalsFor").asInt())).containsExactly(0, -3, 0);
        JsonNode beaten = row(table, homeWin.b());
        assertThat(List.of(beaten.path("opponentsPoints").asInt(), beaten.path("opponentsGoalDifference").asInt(),
                beaten.path("opponentsGoalsFor").asInt())).containsExactly(3, 3, 3);
        table.path("rows").forEach(row -> assertThat(row.path("zone").asText())
                .isEqualTo(Zone.ofRank(row.path("rank").asInt()).name()));

        // S1: a viewer-vote bonus counts in the points and is kept when the table is recomputed
        MatchRef another = day1.get(5);
        String favourite = day1.get(6).a();
        bonus(favourite, 2);
        play(another, 0, 0);
        table = awaitPlayed(roster, 6);
        JsonNode bonusRow = row(table, favourite);
        assertThat(bonusRow.path("bonusPoints").asInt()).isEqualTo(2);
        assertThat(bonusRow.path("points").asInt()).isEqualTo(2);
        assertThat(bonusRow.path("played").asInt()).isZero();
        assertThat(bonusRow.path("rank").asInt()).isEqualTo(5);
        assertThat(rank(table, draw.b())).isEqualTo(6);
    }

    /**
     * All 144 results (and some vote bonus): every row is what the shared comparator makes of them, the same table
     * the command side seeds the knockouts from; then places 25–36 are out (S3, K4).
     */
    @Test
    void aWholeLeagueIsTheSharedComparatorsTableAndSeedsTheKnockouts_S2_S3_K4() throws Exception {
        Roster roster = confirmedRoster();
        List<MatchRef> matches = leagueDrawn(roster, 22);
        awaitMatches(roster.id(), 144);
        Map<String, Integer> bonus = new HashMap<>();
        bonus.put(roster.participant(30), 3);
        bonus.put(roster.participant(2), 1);
        bonus.forEach(this::bonus);
        Random random = new Random(2024);
        List<LeagueResult> results = new ArrayList<>();
        for (MatchRef match : matches) {
            results.add(match.asLeagueResult(play(match, random.nextInt(4), random.nextInt(4))));
        }
        JsonNode table = awaitPlayed(roster, 144);

        List<StandingsRow> expected = LeagueTable.rank(roster.entrants(), results, bonus);
        for (StandingsRow want : expected) {
            JsonNode got = table.path("rows").get(want.rank() - 1);
            assertThat(got.path("participantId").asText()).as("place " + want.rank()).isEqualTo(want.participantId());
            assertThat(List.of(got.path("rank").asInt(), got.path("played").asInt(), got.path("wins").asInt(),
                    got.path("draws").asInt(), got.path("losses").asInt(), got.path("goalsFor").asInt(),
                    got.path("goalsAgainst").asInt(), got.path("goalDifference").asInt(),
                    got.path("awayGoalsFor").asInt(), got.path("awayWins").asInt(), got.path("points").asInt(),
                    got.path("bonusPoints").asInt(), got.path("opponentsPoints").asInt(),
                    got.path("opponentsGoalDifference").asInt(), got.path("opponentsGoalsFor").asInt(),
                    got.path("seedPosition").asInt()))
                    .as("place " + want.rank())
                    .containsExactly(want.rank(), want.played(), want.wins(), want.draws(), want.losses(),
                            want.goalsFor(), want.goalsAgainst(), want.goalDifference(), want.awayGoalsFor(),
                            want.awayWins(), want.points(), want.bonusPoints(), want.opponentsPoints(),
                            want.opponentsGoalDifference(), want.opponentsGoalsFor(), want.seedPosition());
            assertThat(got.path("zone").asText()).isEqualTo(want.zone().name());
        }
        assertThat(table.path("rows")).allSatisfy(row -> assertThat(row.path("played").asInt()).isEqualTo(8));

        List<String> ranking = expected.stream().map(StandingsRow::participantId).toList();
        seeded(roster, ranking, 5);
        JsonNode seeded = awaitJson(standingsPath(roster), s -> s.path("status").asText().equals("KNOCKOUTS"));
        IntStream.rangeClosed(1, 36).forEach(place -> assertThat(seeded.path("rows").get(place - 1).path("status")
                .asText()).as("place " + place).isEqualTo(place <= 24 ? "ACTIVE" : "ELIMINATED"));
    }
}
