package com.streamflix.league.command.tournament;

import com.streamflix.league.api.draw.DrawnFixture;
import com.streamflix.league.api.draw.LeagueDrawnEvent;
import com.streamflix.league.api.knockout.CompetitionRuleException;
import com.streamflix.league.api.knockout.KnockoutTieCreatedEvent;
import com.streamflix.league.api.knockout.KnockoutTieDecidedEvent;
import com.streamflix.league.api.knockout.KnockoutTieStartedEvent;
import com.streamflix.league.api.knockout.KnockoutsSeededEvent;
import com.streamflix.league.api.knockout.MatchResultRecordedEvent;
import com.streamflix.league.api.knockout.RecordMatchResultCommand;
import com.streamflix.league.api.knockout.RecordMatchStartCommand;
import com.streamflix.league.api.knockout.TieLeg;
import com.streamflix.league.api.knockout.TournamentCompletedEvent;
import com.streamflix.league.api.match.InvalidResultException;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.tournament.ParticipantsConfirmedEvent;
import com.streamflix.league.api.tournament.TournamentStateException;
import com.streamflix.league.api.tournament.TournamentStatus;
import com.streamflix.league.knockout.KnockoutBracket;
import com.streamflix.league.knockout.Round;
import com.streamflix.league.standings.Entrant;
import com.streamflix.league.standings.LeagueResult;
import com.streamflix.league.standings.LeagueTable;
import com.streamflix.league.standings.StandingsRow;
import com.streamflix.league.api.vote.AwardVoteBonusCommand;
import com.streamflix.league.command.testsupport.SnapshotRoundTrip;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.streamflix.league.command.tournament.TournamentTest.ID;
import static com.streamflix.league.command.tournament.TournamentTest.history;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tournament's match play as fixture scenarios (RULES M2, S3, K1–K4, R2): every step replays the whole history
 * so far into a fresh aggregate, so these also prove that the state rebuilt from the events decides the same.
 */
class TournamentProgressionTest {
    static final Instant NOW = Instant.parse("2025-12-10T21:00:00Z");
    static final long SEED = 99L;

    private AggregateTestFixture<Tournament> fixture;
    private List<Object> history;
    private LeagueDrawnEvent draw;
    private Map<String, String> userIds;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tournament.class);
        history = new ArrayList<>(history(TournamentStatus.LEAGUE_PHASE));
        draw = (LeagueDrawnEvent) history.get(history.size() - 1);
        userIds = new HashMap<>();
        ((ParticipantsConfirmedEvent) history.stream().filter(ParticipantsConfirmedEvent.class::isInstance)
                .findFirst().orElseThrow()).participants().forEach(p -> userIds.put(p.participantId(), p.userId()));
    }

    // ---- driving the aggregate ----------------------------------------------------------------------------------

    /** Runs the command on the history so far, expects success, appends and returns what it applied. */
    List<Object> step(Object command) {
        List<Object> applied = new ArrayList<>();
        fixture.given(history).when(command).expectSuccessfulHandlerExecution()
                .expectEventsMatching(new CustomTypeSafeMatcher<List<EventMessage<?>>>("any events") {
                    @Override
                    protected boolean matchesSafely(List<EventMessage<?>> events) {
                        events.forEach(e -> applied.add(e.getPayload()));
                        return true;
                    }
                });
        history.addAll(applied);
        return applied;
    }

    ResultValidator<Tournament> attempt(Object command) {
        return fixture.given(history).when(command);
    }

    static RecordMatchResultCommand result(String matchId, MatchPhase phase, String a, String b, int scoreA,
                                           int scoreB, String penalties) {
        return new RecordMatchResultCommand(ID, matchId, phase, a, b, MatchResult.played(a, b, scoreA, scoreB, penalties),
                null, NOW, SEED);
    }

    static RecordMatchResultCommand result(DrawnFixture f, int home, int away) {
        return result(f.matchId(), MatchPhase.LEAGUE, f.homeParticipantId(), f.awayParticipantId(), home, away, null);
    }

    static RecordMatchResultCommand correction(RecordMatchResultCommand original, int scoreA, int scoreB,
                                               String penalties, String reason) {
        return new RecordMatchResultCommand(ID, original.matchId(), original.phase(), original.playerAParticipantId(),
                original.playerBParticipantId(), MatchResult.played(original.playerAParticipantId(),
                original.playerBParticipantId(), scoreA, scoreB, penalties), reason, NOW, SEED);
    }

    /** Plays the league with scores from {@code random}, all but the last {@code leftOut} matches; returns the results. */
    List<LeagueResult> playLeague(Random random, int leftOut) {
        List<LeagueResult> results = new ArrayList<>();
        List<DrawnFixture> fixtures = draw.fixtures();
        for (DrawnFixture f : fixtures.subList(0, fixtures.size() - leftOut)) {
            int home = random.nextInt(4);
            int away = random.nextInt(4);
            step(result(f, home, away));
            results.add(new LeagueResult(f.homeParticipantId(), f.awayParticipantId(), home, away));
        }
        return results;
    }

    List<Entrant> entrants() {
        return ((ParticipantsConfirmedEvent) history.stream().filter(ParticipantsConfirmedEvent.class::isInstance)
                .findFirst().orElseThrow()).participants().stream()
                .map(p -> new Entrant(p.participantId(), p.seedPosition())).toList();
    }

    static <T> List<T> ofType(List<Object> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Seeds the knockouts with a random league; returns the eight play-off ties. */
    List<KnockoutTieCreatedEvent> seeded() {
        playLeague(new Random(7), 1);
        DrawnFixture last = draw.fixtures().get(draw.fixtures().size() - 1);
        return ofType(step(result(last, 1, 0)), KnockoutTieCreatedEvent.class);
    }

    /** Plays a tie's legs: leg 1 ends 1–0 to the home side, leg 2 as given (home goals, away goals). */
    List<Object> playTie(KnockoutTieCreatedEvent tie, int leg2Home, int leg2Away, String penalties) {
        List<Object> applied = new ArrayList<>();
        TieLeg first = tie.legs().get(0);
        step(new RecordMatchStartCommand(ID, first.matchId(), first.phase()));
        if (tie.legs().size() == 1) {
            applied.addAll(step(result(first.matchId(), first.phase(), first.homeParticipantId(),
                    first.awayParticipantId(), leg2Home, leg2Away, penalties)));
            return applied;
        }
        applied.addAll(step(result(first.matchId(), first.phase(), first.homeParticipantId(),
                first.awayParticipantId(), 1, 0, null)));
        TieLeg second = tie.legs().get(1);
        step(new RecordMatchStartCommand(ID, second.matchId(), second.phase()));
        applied.addAll(step(result(second.matchId(), second.phase(), second.homeParticipantId(),
                second.awayParticipantId(), leg2Home, leg2Away, penalties)));
        return applied;
    }

    // ---- the league phase ---------------------------------------------------------------------------------------

    @Test
    void theLastLeagueResultRanksTheTableDrawsTheHalvesAndCreatesThePlayoffs_S3_K1() {
        List<LeagueResult> results = playLeague(new Random(1), 1);
        DrawnFixture last = draw.fixtures().get(draw.fixtures().size() - 1);
        results.add(new LeagueResult(last.homeParticipantId(), last.awayParticipantId(), 2, 2));

        List<Object> applied = step(result(last, 2, 2));

        List<String> expectedRanking = LeagueTable.rank(entrants(), results, Map.of()).stream()
                .map(StandingsRow::participantId).toList();
        KnockoutsSeededEvent seeded = ofType(applied, KnockoutsSeededEvent.class).get(0);
        assertThat(seeded.ranking()).isEqualTo(expectedRanking);
        assertThat(seeded.eliminatedParticipantIds()).isEqualTo(expectedRanking.subList(24, 36));
        assertThat(seeded.seed()).isEqualTo(SEED);
        assertThat(seeded.sideS()).isEqualTo(KnockoutBracket.draw(expectedRanking, SEED).sideS()); // K1 re-runs
        List<KnockoutTieCreatedEvent> playoffs = ofType(applied, KnockoutTieCreatedEvent.class);
        assertThat(playoffs).hasSize(8).allSatisfy(tie -> {
            assertThat(tie.round()).isEqualTo(Round.PLAYOFF);
            int better = expectedRanking.indexOf(tie.betterParticipantId()) + 1;
            int worse = expectedRanking.indexOf(tie.worseParticipantId()) + 1;
            assertThat(better).isBetween(9, 16);
            assertThat(worse).isBetween(17, 24);
            // 9/10 v 23/24, 11/12 v 21/22, 13/14 v 19/20, 15/16 v 17/18: pair numbers add up to 17
            assertThat((better + 1) / 2 + (worse + 1) / 2).isEqualTo(17);
            // K2: the better-placed hosts the second leg; legs a week apart, a week after the result
            assertThat(tie.legs().get(0).awayParticipantId()).isEqualTo(tie.betterParticipantId());
            assertThat(tie.legs().get(1).homeParticipantId()).isEqualTo(tie.betterParticipantId());
            assertThat(tie.legs().get(1).homeUserId()).isEqualTo(userIds.get(tie.betterParticipantId()));
            assertThat(tie.legs().get(0).scheduledAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
            assertThat(tie.legs().get(1).scheduledAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        });
        fixture.given(history).when(new RecordMatchStartCommand(ID, last.matchId(), MatchPhase.LEAGUE))
                .expectException(TournamentStateException.class); // M2: the league phase is over
    }

    /** V5, S1: league points from votes count in the final table that seeds the knockouts. */
    @Test
    void voteBonusesCountInTheFinalRanking_V5_S1() {
        List<LeagueResult> results = playLeague(new Random(3), 1);
        DrawnFixture last = draw.fixtures().get(draw.fixtures().size() - 1);
        results.add(new LeagueResult(last.homeParticipantId(), last.awayParticipantId(), 0, 0));
        // the bottom side of the table so far gets enough votes to climb
        String climber = LeagueTable.rank(entrants(), results, Map.of()).get(35).participantId();
        DrawnFixture played = draw.fixtures().stream().filter(f -> f.homeParticipantId().equals(climber)).findFirst()
                .orElseThrow();
        Map<String, Integer> bonus = Map.of(climber, 9);
        for (int vote = 1; vote <= 3; vote++) {
            step(new AwardVoteBonusCommand(ID, "vote-" + vote, played.matchId(), climber, 3));
        }
        attempt(new AwardVoteBonusCommand(ID, "vote-x", "not-a-league-match", climber, 3))
                .expectException(IllegalArgumentException.class).expectNoEvents();

        KnockoutsSeededEvent seeded = ofType(step(result(last, 0, 0)), KnockoutsSeededEvent.class).get(0);

        assertThat(seeded.ranking()).isEqualTo(LeagueTable.rank(entrants(), results, bonus).stream()
                .map(StandingsRow::participantId).toList());
        assertThat(seeded.ranking().indexOf(climber)).isLessThan(35);
        attempt(new AwardVoteBonusCommand(ID, "vote-late", played.matchId(), climber, 1))
                .expectException(TournamentStateException.class).expectNoEvents(); // the table is final
    }

    @Test
    void aLeagueResultWithAPenaltiesWinnerIsRefused_K3() {
        DrawnFixture f = draw.fixtures().get(0);
        attempt(result(f.matchId(), MatchPhase.LEAGUE, f.homeParticipantId(), f.awayParticipantId(), 1, 1,
                f.homeParticipantId()))
                .expectException(InvalidResultException.class).expectNoEvents();
    }

    @Test
    void aKnockoutMatchCannotStartDuringTheLeaguePhase_M2() {
        attempt(new RecordMatchStartCommand(ID, "any", MatchPhase.PLAYOFF_LEG_1))
                .expectException(TournamentStateException.class).expectNoEvents();
    }

    @Test
    void aLeagueResultCanBeCorrectedUntilTheKnockoutsAreSeeded() {
        DrawnFixture f = draw.fixtures().get(0);
        RecordMatchResultCommand original = result(f, 0, 1);
        step(original);
        List<Object> corrected = step(correction(original, 2, 1, null, "scores were swapped"));
        assertThat(ofType(corrected, MatchResultRecordedEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.correctionReason()).isEqualTo("scores were swapped"));

        playLeague(new Random(3), 0);
        attempt(correction(original, 3, 1, null, "too late"))
                .expectException(CompetitionRuleException.class).expectNoEvents();
    }

    // ---- the knockouts ------------------------------------------------------------------------------------------

    @Test
    void aSecondLegWaitsForTheFirst_M2() {
        KnockoutTieCreatedEvent tie = seeded().get(0);
        TieLeg second = tie.legs().get(1);
        attempt(new RecordMatchStartCommand(ID, second.matchId(), second.phase()))
                .expectException(CompetitionRuleException.class).expectNoEvents();
    }

    @Test
    void theFirstMatchOfATieRecordsItsStartOnce() {
        KnockoutTieCreatedEvent tie = seeded().get(0);
        TieLeg first = tie.legs().get(0);
        assertThat(step(new RecordMatchStartCommand(ID, first.matchId(), first.phase())))
                .containsExactly(new KnockoutTieStartedEvent(ID, tie.slot(), first.matchId()));
        step(result(first.matchId(), first.phase(), first.homeParticipantId(), first.awayParticipantId(), 0, 0, null));
        TieLeg second = tie.legs().get(1);
        assertThat(step(new RecordMatchStartCommand(ID, second.matchId(), second.phase()))).isEmpty();
    }

    @Test
    void aLevelAggregateNeedsAPenaltiesWinnerAndADecidedOneRefusesIt_K3() {
        KnockoutTieCreatedEvent tie = seeded().get(0);
        TieLeg first = tie.legs().get(0);
        TieLeg second = tie.legs().get(1);
        step(new RecordMatchStartCommand(ID, first.matchId(), first.phase()));
        attempt(result(first.matchId(), first.phase(), first.homeParticipantId(), first.awayParticipantId(), 1, 1,
                first.homeParticipantId())).expectException(InvalidResultException.class); // no shoot-out after leg 1
        step(result(first.matchId(), first.phase(), first.homeParticipantId(), first.awayParticipantId(), 1, 0, null));
        step(new RecordMatchStartCommand(ID, second.matchId(), second.phase()));
        // 1–0 then 1–0 the other way: level on aggregate, no away-goals rule
        RecordMatchResultCommand level = result(second.matchId(), second.phase(), second.homeParticipantId(),
                second.awayParticipantId(), 1, 0, null);
        attempt(level).expectException(InvalidResultException.class).expectNoEvents();
        attempt(result(second.matchId(), second.phase(), second.homeParticipantId(), second.awayParticipantId(), 2, 0,
                second.homeParticipantId())).expectException(InvalidResultException.class).expectNoEvents();

        List<Object> decided = step(result(second.matchId(), second.phase(), second.homeParticipantId(),
                second.awayParticipantId(), 1, 0, first.homeParticipantId()));
        assertThat(ofType(decided, KnockoutTieDecidedEvent.class)).singleElement().satisfies(d -> {
            assertThat(d.winnerParticipantId()).isEqualTo(first.homeParticipantId());
            assertThat(d.penaltiesWinnerParticipantId()).isEqualTo(first.homeParticipantId());
            assertThat(d.winnerAggregate()).isEqualTo(1);
            assertThat(d.loserAggregate()).isEqualTo(1);
        });
    }

    /** K2–K4: every tie decided in turn, 23 ties and 45 matches, one champion, and the slots released (R2). */
    /** Snapshots (issue 10): the tournament mid-knockouts, with a shoot-out, a forfeit and a vote bonus, reads back whole. */
    @Test
    void theTournamentSurvivesASnapshotMidKnockouts() {
        DrawnFixture first = draw.fixtures().get(0);
        step(new AwardVoteBonusCommand(ID, "vote-1", first.matchId(), first.homeParticipantId(), 2));
        List<KnockoutTieCreatedEvent> playoffs = seeded();
        playTie(playoffs.get(0), 1, 0, playoffs.get(0).betterParticipantId()); // level: decided on penalties
        playTie(playoffs.get(1), 2, 0, null);
        TieLeg forfeited = playoffs.get(2).legs().get(0);
        step(new RecordMatchResultCommand(ID, forfeited.matchId(), forfeited.phase(), forfeited.homeParticipantId(),
                forfeited.awayParticipantId(), MatchResult.walkover(forfeited.homeParticipantId(),
                forfeited.awayParticipantId(), forfeited.awayParticipantId()), null, NOW, SEED));
        TieLeg next = playoffs.get(3).legs().get(0);
        attempt(new RecordMatchStartCommand(ID, next.matchId(), next.phase()))
                .expectSuccessfulHandlerExecution()
                .expectState(SnapshotRoundTrip::assertSurvives);
    }

    @Test
    void theKnockoutsRunToAChampion_K2_K4() {
        List<KnockoutTieCreatedEvent> open = new ArrayList<>(seeded());
        Map<String, KnockoutTieCreatedEvent> created = new LinkedHashMap<>();
        open.forEach(t -> created.put(t.slot(), t));
        List<KnockoutTieDecidedEvent> decided = new ArrayList<>();
        TournamentCompletedEvent completed = null;
        while (!open.isEmpty()) {
            KnockoutTieCreatedEvent tie = open.remove(0);
            List<Object> applied = playTie(tie, 2, 0, null); // the better-placed side wins 2–1 on aggregate
            decided.addAll(ofType(applied, KnockoutTieDecidedEvent.class));
            for (KnockoutTieCreatedEvent next : ofType(applied, KnockoutTieCreatedEvent.class)) {
                created.put(next.slot(), next);
                open.add(next);
            }
            List<TournamentCompletedEvent> done = ofType(applied, TournamentCompletedEvent.class);
            if (!done.isEmpty()) {
                completed = done.get(0);
            }
        }
        assertThat(created).hasSize(23);
        assertThat(created.values().stream().mapToInt(t -> t.legs().size()).sum()).isEqualTo(45);
        assertThat(decided).hasSize(23);
        assertThat(completed).isNotNull();
        KnockoutTieCreatedEvent fin = created.get("FINAL");
        assertThat(fin.legs()).singleElement().satisfies(leg -> assertThat(leg.phase()).isEqualTo(MatchPhase.FINAL));
        // the final's first-named side won 2–0
        assertThat(completed.winnerParticipantId()).isEqualTo(fin.legs().get(0).homeParticipantId());
        assertThat(completed.participantUserIds()).hasSize(36); // R2: every participant's slot is freed
        KnockoutsSeededEvent seeded = ofType(history, KnockoutsSeededEvent.class).get(0);
        // the better-placed side always went through, so places 1 and 2 (opposite halves) met in the final
        assertThat(List.of(completed.winnerParticipantId(), completed.runnerUpParticipantId()))
                .containsExactlyInAnyOrder(seeded.ranking().get(0), seeded.ranking().get(1));
        attempt(result(fin.legs().get(0).matchId(), MatchPhase.FINAL, "a", "b", 1, 0, null))
                .expectException(TournamentStateException.class).expectNoEvents();
    }

    @Test
    void aCorrectionThatChangesATiesWinnerRecomposesTheNextTieUntilItStarts() {
        List<KnockoutTieCreatedEvent> playoffs = seeded();
        Map<String, KnockoutTieCreatedEvent> bySlot = new HashMap<>();
        playoffs.forEach(t -> bySlot.put(t.slot(), t));
        // PO-S4's winner meets the side-S member of places 1/2 in R16-S1; decide PO-S4 (better side wins)
        KnockoutTieCreatedEvent po = bySlot.get("PO-S4");
        playTie(po, 2, 0, null);
        KnockoutTieCreatedEvent r16 = ofType(history, KnockoutTieCreatedEvent.class).stream()
                .filter(t -> t.slot().equals("R16-S1")).findFirst().orElseThrow();
        assertThat(List.of(r16.betterParticipantId(), r16.worseParticipantId())).contains(po.betterParticipantId());

        // the second leg really ended 0–3: the worse-placed side goes through instead
        TieLeg second = po.legs().get(1);
        RecordMatchResultCommand original = result(second.matchId(), second.phase(), second.homeParticipantId(),
                second.awayParticipantId(), 2, 0, null);
        List<Object> applied = step(correction(original, 0, 3, null, "wrong team entered"));
        assertThat(ofType(applied, KnockoutTieDecidedEvent.class)).singleElement().satisfies(d -> {
            assertThat(d.winnerParticipantId()).isEqualTo(po.worseParticipantId());
            assertThat(d.correctionReason()).isEqualTo("wrong team entered");
        });
        KnockoutTieCreatedEvent recomposed = ofType(applied, KnockoutTieCreatedEvent.class).get(0);
        assertThat(recomposed.slot()).isEqualTo("R16-S1");
        assertThat(recomposed.recomposedBecause()).isEqualTo("wrong team entered");
        assertThat(recomposed.legs().stream().map(TieLeg::matchId))
                .containsExactlyElementsOf(r16.legs().stream().map(TieLeg::matchId).toList());
        assertThat(List.of(recomposed.betterParticipantId(), recomposed.worseParticipantId()))
                .contains(po.worseParticipantId()).doesNotContain(po.betterParticipantId());

        // once the round of 16 tie has started, the play-off can no longer be corrected
        TieLeg r16First = recomposed.legs().get(0);
        step(new RecordMatchStartCommand(ID, r16First.matchId(), r16First.phase()));
        attempt(correction(original, 2, 0, null, "back again"))
                .expectException(CompetitionRuleException.class).expectNoEvents();
    }

    @Test
    void aCorrectionOfTheFinalMayNotChangeTheChampion() {
        List<KnockoutTieCreatedEvent> open = new ArrayList<>(seeded());
        KnockoutTieCreatedEvent fin = null;
        while (!open.isEmpty()) {
            KnockoutTieCreatedEvent tie = open.remove(0);
            if (tie.round() == Round.FINAL) {
                fin = tie;
            }
            open.addAll(ofType(playTie(tie, 2, 0, null), KnockoutTieCreatedEvent.class));
        }
        TieLeg leg = fin.legs().get(0);
        RecordMatchResultCommand original = result(leg.matchId(), leg.phase(), leg.homeParticipantId(),
                leg.awayParticipantId(), 2, 0, null);
        attempt(correction(original, 0, 1, null, "own goal missed"))
                .expectException(CompetitionRuleException.class).expectNoEvents();
        assertThat(ofType(step(correction(original, 3, 0, null, "a late goal")), KnockoutTieDecidedEvent.class))
                .singleElement().satisfies(d -> assertThat(d.winnerAggregate()).isEqualTo(3));
    }

    @Test
    void aForfeitDecidesTheTieForTheSideAwardedTheWalkoverEvenWhenLevel() {
        KnockoutTieCreatedEvent tie = seeded().get(0);
        TieLeg first = tie.legs().get(0);
        TieLeg second = tie.legs().get(1);
        step(new RecordMatchStartCommand(ID, first.matchId(), first.phase()));
        // the worse-placed host loses leg 1 0–3, then the better-placed side does not turn up for leg 2
        step(result(first.matchId(), first.phase(), first.homeParticipantId(), first.awayParticipantId(), 0, 3, null));
        RecordMatchResultCommand forfeit = new RecordMatchResultCommand(ID, second.matchId(), second.phase(),
                second.homeParticipantId(), second.awayParticipantId(),
                MatchResult.walkover(second.homeParticipantId(), second.awayParticipantId(), second.awayParticipantId()),
                null, NOW, SEED);
        assertThat(ofType(step(forfeit), KnockoutTieDecidedEvent.class)).singleElement().satisfies(d -> {
            assertThat(d.winnerParticipantId()).isEqualTo(tie.worseParticipantId()); // 3–3, the forfeit decides
            assertThat(d.penaltiesWinnerParticipantId()).isNull();
        });
    }

    @Test
    void theShootOutBelongsToTheDecidingMatch_K3() {
        KnockoutTieCreatedEvent tie = seeded().get(0);
        TieLeg first = tie.legs().get(0);
        TieLeg second = tie.legs().get(1);
        step(new RecordMatchStartCommand(ID, first.matchId(), first.phase()));
        RecordMatchResultCommand firstLeg = result(first.matchId(), first.phase(), first.homeParticipantId(),
                first.awayParticipantId(), 1, 0, null);
        step(firstLeg);
        step(new RecordMatchStartCommand(ID, second.matchId(), second.phase()));
        RecordMatchResultCommand secondLeg = result(second.matchId(), second.phase(), second.homeParticipantId(),
                second.awayParticipantId(), 1, 0, second.awayParticipantId());
        step(secondLeg); // 1–1 on aggregate, the worse-placed side through on penalties

        // a correction of the deciding match that leaves the tie level names its shoot-out again
        attempt(correction(secondLeg, 2, 1, null, "late goals")).expectException(InvalidResultException.class);
        // a first leg corrected after the second may not change whether the tie is level
        attempt(correction(firstLeg, 2, 0, null, "a goal missed"))
                .expectException(CompetitionRuleException.class).expectNoEvents();
        attempt(correction(firstLeg, 2, 1, second.awayParticipantId(), "a goal missed"))
                .expectException(InvalidResultException.class).expectNoEvents();
        // one that keeps it level keeps the shoot-out recorded on the second leg
        assertThat(ofType(step(correction(firstLeg, 2, 1, null, "both sides scored once more")),
                KnockoutTieDecidedEvent.class)).singleElement().satisfies(d -> {
                    assertThat(d.winnerParticipantId()).isEqualTo(second.awayParticipantId());
                    assertThat(d.penaltiesWinnerParticipantId()).isEqualTo(second.awayParticipantId());
                    assertThat(d.winnerAggregate()).isEqualTo(2);
                });
    }
}
