package com.streamflix.league.query.knockout;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.knockout.KnockoutBracket;
import com.streamflix.league.knockout.Round;
import com.streamflix.league.knockout.Slot;
import com.streamflix.league.knockout.TiePairing;
import com.streamflix.league.query.testsupport.CompetitionTest;
import com.streamflix.league.query.tournament.TournamentProjection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knockouts as viewers follow them (RULES S3, K1–K4; API.md {@code /bracket}), fed by the tournament's knockout
 * events and the legs' match events in the order the command side appends them. The final ranking is the seeding
 * order, which is also what the league table shows before any result.
 */
class BracketReadIntegrationTest extends CompetitionTest {

    String bracketPath(Roster roster) {
        return "/api/tournaments/" + roster.id() + "/bracket";
    }

    JsonNode awaitBracket(Roster roster, Predicate<JsonNode> done) throws InterruptedException {
        return awaitJson(bracketPath(roster), b -> b.path("seeded").asBoolean() && done.test(b));
    }

    static JsonNode tie(JsonNode bracket, String slot) {
        for (JsonNode tie : bracket.path("ties")) {
            if (tie.path("slot").asText().equals(slot)) {
                return tie;
            }
        }
        throw new AssertionError("no tie " + slot);
    }

    static Predicate<JsonNode> tieIs(String slot, String status) {
        return b -> tie(b, slot).path("status").asText().equals(status);
    }

    static List<String> ids(JsonNode players) {
        List<String> ids = new ArrayList<>();
        players.forEach(p -> ids.add(p.path("participantId").asText()));
        return ids;
    }

    String participantStatus(String participantId) {
        return jdbc.queryForObject("SELECT status FROM tournament_participants WHERE id = ?", String.class,
                participantId);
    }

    @Test
    void beforeTheKnockoutsTheBracketIsEmptyAndAnUnknownTournamentIs404() throws Exception {
        Roster roster = confirmedRoster();
        JsonNode bracket = awaitJson(bracketPath(roster), b -> true);
        assertThat(bracket.path("tournamentId").asText()).isEqualTo(roster.id());
        assertThat(bracket.path("seeded").asBoolean()).isFalse();
        assertThat(bracket.path("ties")).isEmpty();
        for (String field : List.of("seed", "seedSource", "engineVersion")) {
            assertThat(bracket.has(field)).as(field).isTrue();
            assertThat(bracket.path(field).isNull()).as(field).isTrue();
        }
        var response = get("/api/tournaments/nope/bracket");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theSeedingShowsAll23TiesAndWhoCouldStillFillThem_S3_K1_K2() throws Exception {
        Roster roster = confirmedRoster();
        Knockouts knockouts = seeded(roster, roster.participants(), 77);
        KnockoutBracket expected = knockouts.bracket();
        JsonNode bracket = awaitBracket(roster, b -> Slot.inRound(Round.PLAYOFF).stream().allMatch(slot -> {
            JsonNode legs = tie(b, slot.name()).path("legs");
            // the legs' matches are projected after their tie
            return legs.size() == 2 && !legs.get(0).path("scheduledAt").isNull()
                    && !legs.get(1).path("scheduledAt").isNull();
        }));

        // K1: the recorded halves draw re-runs from the published ranking and seed
        assertThat(bracket.path("seed").asLong()).isEqualTo(77);
        assertThat(bracket.path("seedSource").asText()).isEqualTo("SERVER");
        assertThat(bracket.path("engineVersion").asText()).isEqualTo(KnockoutBracket.ENGINE_VERSION);
        List<String> ranking = new ArrayList<>();
        bracket.path("ranking").forEach(id -> ranking.add(id.asText()));
        List<String> sideS = new ArrayList<>();
        bracket.path("sideS").forEach(id -> sideS.add(id.asText()));
        assertThat(ranking).isEqualTo(roster.participants());
        assertThat(KnockoutBracket.draw(ranking, bracket.path("seed").asLong()).sideS()).isEqualTo(sideS)
                .isEqualTo(expected.sideS());

        List<String> slots = new ArrayList<>();
        bracket.path("ties").forEach(t -> slots.add(t.path("slot").asText()));
        assertThat(slots).isEqualTo(Slot.all().stream().map(Slot::name).toList());

        // K2: the play-offs, the better-placed as player A hosting leg 2
        for (Slot slot : Slot.inRound(Round.PLAYOFF)) {
            JsonNode tie = tie(bracket, slot.name());
            TiePairing pairing = knockouts.tie(slot.name());
            assertThat(tie.path("status").asText()).isEqualTo("SCHEDULED");
            assertThat(tie.path("round").asText()).isEqualTo("PLAYOFF");
            assertThat(tie.path("side").asText()).isEqualTo(slot.side().name());
            assertThat(tie.path("playerA").path("participantId").asText()).isEqualTo(pairing.better());
            assertThat(tie.path("playerA").path("leaguePlace").asInt()).isEqualTo(expected.placeOf(pairing.better()));
            assertThat(tie.path("playerA").path("login").asText()).isEqualTo("login_" + roster.userOf(pairing.better()));
            assertThat(tie.path("playerB").path("participantId").asText()).isEqualTo(pairing.worse());
            assertThat(tie.path("legs")).hasSize(2);
            JsonNode first = tie.path("legs").get(0);
            JsonNode second = tie.path("legs").get(1);
            assertThat(first.path("phase").asText()).isEqualTo("PLAYOFF_LEG_1");
            assertThat(first.path("homeParticipantId").asText()).isEqualTo(pairing.worse());
            assertThat(second.path("phase").asText()).isEqualTo("PLAYOFF_LEG_2");
            assertThat(second.path("homeParticipantId").asText()).isEqualTo(pairing.better());
            assertThat(first.path("status").asText()).isEqualTo("SCHEDULED");
            assertThat(first.path("scoreA").isNull()).isTrue();
            assertThat(tie.path("aggregateA").isNull()).isTrue();
            assertThat(tie.path("winnerParticipantId").isNull()).isTrue();
            assertThat(tie.path("candidatesA")).isEmpty();
            assertThat(tie.path("candidatesB")).isEmpty();
            JsonNode match = getJson("/api/matches/" + first.path("matchId").asText());
            assertThat(match.path("tieSlot").asText()).isEqualTo(slot.name());
            assertThat(match.path("matchday").isNull()).isTrue();
        }

        // K2: a round-of-16 tie knows its seeded side; the other is one of a play-off's two
        JsonNode r16 = tie(bracket, "R16-S1");
        assertThat(r16.path("status").asText()).isEqualTo("WAITING");
        assertThat(r16.path("legs")).isEmpty();
        String seededR16 = expected.participant(expected.first(Slot.of("R16-S1")), Map.of());
        assertThat(r16.path("playerA").path("participantId").asText()).isEqualTo(seededR16);
        assertThat(r16.path("playerA").path("leaguePlace").asInt()).isIn(1, 2);
        assertThat(r16.path("playerB").isNull()).isTrue();
        assertThat(r16.path("candidatesA")).isEmpty();
        assertThat(ids(r16.path("candidatesB"))).containsExactlyInAnyOrderElementsOf(knockouts.tie("PO-S4").participants());
        JsonNode qf = tie(bracket, "QF-S1");
        assertThat(qf.path("playerA").isNull()).isTrue();
        assertThat(qf.path("candidatesA")).hasSize(3);
        assertThat(qf.path("candidatesB")).hasSize(3);
        JsonNode fin = tie(bracket, "FINAL");
        assertThat(fin.path("side").isNull()).isTrue();
        assertThat(ids(fin.path("candidatesA"))).isEqualTo(expected.sideS());
        assertThat(ids(fin.path("candidatesB"))).isEqualTo(expected.sideB());

        // S3, T1: places 25–36 are out, the tournament is in the knockouts
        for (int place = 1; place <= 36; place++) {
            assertThat(participantStatus(roster.participant(place))).as("place " + place)
                    .isEqualTo(place <= 24 ? "ACTIVE" : "ELIMINATED");
        }
        assertThat(getJson("/api/tournaments/" + roster.id()).path("status").asText()).isEqualTo("KNOCKOUTS");
    }

    @Test
    void decidedTiesOpenTheNextRoundAndShrinkTheCandidates_K2_K3_K4() throws Exception {
        Roster roster = confirmedRoster();
        Knockouts knockouts = seeded(roster, roster.participants(), 78);
        TiePairing po1 = knockouts.tie("PO-S1");
        TiePairing po2 = knockouts.tie("PO-S2");
        TiePairing po4 = knockouts.tie("PO-S4");
        // PO-S1: level 1–1 on aggregate (each wins at home), the worse-placed through on penalties (K3)
        knockouts.play("PO-S1", 1, 1, 0, null);
        knockouts.play("PO-S1", 2, 1, 0, po1.worse());
        // PO-S2: a walkover in the first leg, then a 2–2
        knockouts.walkover("PO-S2", 1, po2.better());
        knockouts.play("PO-S2", 2, 2, 2, null);
        // PO-S4: the worse-placed wins both legs
        knockouts.decide("PO-S4", po4.worse());
        // PO-B1: only the first leg so far
        knockouts.play("PO-B1", 1, 2, 1, null);

        JsonNode bracket = awaitBracket(roster, tieIs("PO-B1", "IN_PROGRESS").and(b -> tie(b, "PO-B1")
                .path("aggregateA").asInt() + tie(b, "PO-B1").path("aggregateB").asInt() == 3));

        JsonNode shootOut = tie(bracket, "PO-S1");
        assertThat(shootOut.path("status").asText()).isEqualTo("DECIDED");
        assertThat(shootOut.path("aggregateA").asInt()).isEqualTo(1);
        assertThat(shootOut.path("aggregateB").asInt()).isEqualTo(1);
        assertThat(shootOut.path("penaltiesWinner").asText()).isEqualTo(po1.worse());
        assertThat(shootOut.path("winnerParticipantId").asText()).isEqualTo(po1.worse());
        JsonNode secondLeg = getJson("/api/matches/" + shootOut.path("legs").get(1).path("matchId").asText());
        assertThat(secondLeg.path("penaltiesWinnerParticipantId").asText()).isEqualTo(po1.worse());
        assertThat(secondLeg.path("tieSlot").asText()).isEqualTo("PO-S1");

        JsonNode forfeit = tie(bracket, "PO-S2");
        assertThat(forfeit.path("legs").get(0).path("walkover").asBoolean()).isTrue();
        assertThat(forfeit.path("aggregateA").asInt()).as("3–0 walkover + 2–2").isEqualTo(5);
        assertThat(forfeit.path("aggregateB").asInt()).isEqualTo(2);
        assertThat(forfeit.path("winnerParticipantId").asText()).isEqualTo(po2.better());
        assertThat(forfeit.path("penaltiesWinner").isNull()).isTrue();

        JsonNode halfway = tie(bracket, "PO-B1");
        assertThat(halfway.path("aggregateA").asInt() + halfway.path("aggregateB").asInt()).isEqualTo(3);
        assertThat(halfway.path("winnerParticipantId").isNull()).isTrue();

        // K2: the winners' round-of-16 ties exist, the seeded side hosting leg 2
        JsonNode r16s1 = tie(bracket, "R16-S1");
        assertThat(r16s1.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(r16s1.path("playerB").path("participantId").asText()).isEqualTo(po4.worse());
        assertThat(r16s1.path("legs").get(0).path("homeParticipantId").asText()).isEqualTo(po4.worse());
        assertThat(r16s1.path("legs").get(1).path("homeParticipantId").asText())
                .isEqualTo(r16s1.path("playerA").path("participantId").asText());
        assertThat(tie(bracket, "R16-S2").path("playerB").path("participantId").asText()).isEqualTo(po1.worse());
        assertThat(tie(bracket, "R16-S4").path("playerB").path("participantId").asText()).isEqualTo(po2.better());
        assertThat(tie(bracket, "R16-S3").path("status").asText()).isEqualTo("WAITING");
        assertThat(tie(bracket, "R16-S3").path("candidatesB")).hasSize(2);

        // The candidates shrink to the decided winners' ties
        JsonNode qf = tie(bracket, "QF-S1");
        assertThat(ids(qf.path("candidatesA"))).containsExactlyInAnyOrderElementsOf(
                knockouts.tie("R16-S1").participants());
        assertThat(ids(qf.path("candidatesB"))).containsExactlyInAnyOrderElementsOf(
                knockouts.tie("R16-S2").participants());
        assertThat(tie(bracket, "QF-S2").path("candidatesA")).hasSize(3);
        assertThat(tie(bracket, "QF-S2").path("candidatesB")).hasSize(2);

        // K4: the losers are out, the winners still in
        assertThat(participantStatus(po1.better())).isEqualTo("ELIMINATED");
        assertThat(participantStatus(po1.worse())).isEqualTo("ACTIVE");
        assertThat(participantStatus(po2.worse())).isEqualTo("ELIMINATED");
        assertThat(participantStatus(po4.better())).isEqualTo("ELIMINATED");
        assertThat(participantStatus(knockouts.tie("PO-B1").better())).isEqualTo("ACTIVE");
        assertThat(participantStatus(knockouts.tie("PO-B1").worse())).isEqualTo("ACTIVE");
    }

    @Test
    void aCorrectedResultDecidesTheTieAgainAndRecomposesTheNext_K2_K3_K4() throws Exception {
        Roster roster = confirmedRoster();
        Knockouts knockouts = seeded(roster, roster.participants(), 79);
        TiePairing po4 = knockouts.tie("PO-S4");
        knockouts.play("PO-S4", 1, 0, 1, null); // the better-placed wins away
        knockouts.play("PO-S4", 2, 1, 0, null); // and at home: through 2–0
        JsonNode before = awaitBracket(roster, tieIs("R16-S1", "SCHEDULED"));
        assertThat(tie(before, "R16-S1").path("playerB").path("participantId").asText()).isEqualTo(po4.better());
        String r16Leg1 = tie(before, "R16-S1").path("legs").get(0).path("matchId").asText();

        knockouts.correct("PO-S4", 2, 0, 3, null, "the referee's report: 0–3");
        JsonNode after = awaitBracket(roster, b -> !tie(b, "R16-S1").path("recomposedBecause").isNull()
                && tie(b, "R16-S1").path("legs").get(0).path("homeParticipantId").asText().equals(po4.worse()));

        JsonNode corrected = tie(after, "PO-S4");
        assertThat(corrected.path("winnerParticipantId").asText()).isEqualTo(po4.worse());
        assertThat(corrected.path("aggregateA").asInt()).isEqualTo(1);
        assertThat(corrected.path("aggregateB").asInt()).isEqualTo(3);
        assertThat(corrected.path("correctionReason").asText()).isEqualTo("the referee's report: 0–3");
        assertThat(corrected.path("legs").get(1).path("corrected").asBoolean()).isTrue();

        JsonNode recomposed = tie(after, "R16-S1");
        assertThat(recomposed.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(recomposed.path("recomposedBecause").asText()).isEqualTo("the referee's report: 0–3");
        assertThat(recomposed.path("playerB").path("participantId").asText()).isEqualTo(po4.worse());
        assertThat(recomposed.path("legs").get(0).path("matchId").asText()).as("same legs").isEqualTo(r16Leg1);
        JsonNode leg = getJson("/api/matches/" + r16Leg1);
        assertThat(leg.path("playerA").path("participantId").asText()).isEqualTo(po4.worse());
        assertThat(leg.path("tieSlot").asText()).isEqualTo("R16-S1");
        assertThat(ids(tie(after, "QF-S1").path("candidatesA"))).contains(po4.worse()).doesNotContain(po4.better());

        // K4: the correction flips who is out
        assertThat(participantStatus(po4.better())).isEqualTo("ELIMINATED");
        assertThat(participantStatus(po4.worse())).isEqualTo("ACTIVE");
    }

    @Test
    void theFinalCrownsTheWinnerAndCompletesTheTournamentAndAReplayChangesNothing_K3_K4() throws Exception {
        Roster roster = confirmedRoster();
        Knockouts knockouts = seeded(roster, roster.participants(), 80);
        for (Slot slot : Slot.all()) {
            if (slot.round() != Round.FINAL) {
                knockouts.decide(slot.name(), knockouts.tie(slot.name()).better());
            }
        }
        TiePairing fin = knockouts.tie("FINAL");
        knockouts.play("FINAL", 1, 1, 1, fin.worse()); // a drawn final, decided on penalties (K3)

        JsonNode tournament = awaitJson("/api/tournaments/" + roster.id(),
                t -> t.path("status").asText().equals("COMPLETED"));
        assertThat(tournament.path("winnerParticipantId").asText()).isEqualTo(fin.worse());
        JsonNode bracket = awaitBracket(roster, tieIs("FINAL", "DECIDED"));
        assertThat(bracket.path("ties")).hasSize(23)
                .allSatisfy(t -> assertThat(t.path("status").asText()).isEqualTo("DECIDED"))
                .allSatisfy(t -> assertThat(t.path("candidatesA")).isEmpty());
        JsonNode finalTie = tie(bracket, "FINAL");
        assertThat(finalTie.path("legs")).hasSize(1);
        assertThat(finalTie.path("legs").get(0).path("phase").asText()).isEqualTo("FINAL");
        assertThat(finalTie.path("aggregateA").asInt()).isEqualTo(1);
        assertThat(finalTie.path("aggregateB").asInt()).isEqualTo(1);
        assertThat(finalTie.path("penaltiesWinner").asText()).isEqualTo(fin.worse());
        assertThat(finalTie.path("winnerParticipantId").asText()).isEqualTo(fin.worse());

        // K4: one WINNER, everyone else out
        JsonNode standings = getJson("/api/tournaments/" + roster.id() + "/standings");
        assertThat(standings.path("status").asText()).isEqualTo("COMPLETED");
        List<String> statuses = new ArrayList<>();
        standings.path("rows").forEach(row -> statuses.add(row.path("status").asText()));
        assertThat(statuses).containsOnly("WINNER", "ELIMINATED").containsOnlyOnce("WINNER");
        assertThat(participantStatus(fin.worse())).isEqualTo("WINNER");

        // A replay over the existing rows gives the same reads
        String matches = "/api/tournaments/" + roster.id() + "/matches";
        JsonNode matchesBefore = getJson(matches);
        assertThat(matchesBefore.path("items")).hasSize(45);
        replay(TournamentProjection.PROCESSING_GROUP);
        assertThat(getJson(bracketPath(roster))).isEqualTo(bracket);
        assertThat(getJson("/api/tournaments/" + roster.id() + "/standings")).isEqualTo(standings);
        assertThat(getJson(matches)).isEqualTo(matchesBefore);
        assertThat(getJson("/api/tournaments/" + roster.id())).isEqualTo(tournament);
    }
}
