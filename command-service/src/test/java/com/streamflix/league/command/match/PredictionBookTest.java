package com.streamflix.league.command.match;

import com.streamflix.league.api.match.ChangeMatchParticipantsCommand;
import com.streamflix.league.api.match.CorrectMatchResultCommand;
import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.api.match.MatchStateException;
import com.streamflix.league.api.match.ResolveMatchCommand;
import com.streamflix.league.api.prediction.InvalidPredictionException;
import com.streamflix.league.api.prediction.PlacePredictionCommand;
import com.streamflix.league.api.prediction.PredictionBookLockedEvent;
import com.streamflix.league.api.prediction.PredictionBookSettledEvent;
import com.streamflix.league.api.prediction.PredictionExistsException;
import com.streamflix.league.api.prediction.PredictionPlacedEvent;
import com.streamflix.league.api.prediction.PredictionPool;
import com.streamflix.league.api.prediction.PredictionSettlementLine;
import com.streamflix.league.api.match.CloseMatchVoteCommand;
import com.streamflix.league.api.match.MatchVoteClosedEvent;
import com.streamflix.league.api.match.MatchVoteOpenedEvent;
import com.streamflix.league.command.testsupport.SnapshotRoundTrip;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The match's prediction book (RULES P1–P4) as fixture scenarios. */
class PredictionBookTest {
    static final String ID = "m-1";
    static final MatchScheduledEvent SCHEDULED = new MatchScheduledEvent(ID, "t-1", MatchPhase.LEAGUE, 1, "p-a",
            "user-a", "p-b", "user-b", Instant.parse("2025-09-16T18:45:00Z"));
    static final MatchStartedEvent STARTED = new MatchStartedEvent(ID, "t-1", MatchPhase.LEAGUE, "p-a", "p-b");

    private AggregateTestFixture<Match> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Match.class);
    }

    /** u1 100 on A, u2 50 on A, u3 30 on B: a pool of 180. */
    static List<Object> book() {
        PredictionPool p1 = PredictionPool.EMPTY.with(true, 100);
        PredictionPool p2 = p1.with(true, 50);
        PredictionPool p3 = p2.with(false, 30);
        return new ArrayList<>(List.of(SCHEDULED,
                new PredictionPlacedEvent(ID, "t-1", "pr-1", "u1", "p-a", 100, 0, p1),
                new PredictionPlacedEvent(ID, "t-1", "pr-2", "u2", "p-a", 50, 1, p2),
                new PredictionPlacedEvent(ID, "t-1", "pr-3", "u3", "p-b", 30, 2, p3)));
    }

    static List<Object> played() {
        List<Object> events = book();
        events.add(STARTED);
        events.add(new PredictionBookLockedEvent(ID, "t-1", new PredictionPool(150, 30, 2, 1)));
        return events;
    }

    PredictionBookSettledEvent settlementOf(Object command, List<Object> given) {
        List<PredictionBookSettledEvent> settled = new ArrayList<>();
        fixture.given(given).when(command).expectSuccessfulHandlerExecution()
                .expectEventsMatching(new CustomTypeSafeMatcher<List<EventMessage<?>>>("a settlement") {
                    @Override
                    protected boolean matchesSafely(List<EventMessage<?>> events) {
                        events.stream().map(EventMessage::getPayload).filter(PredictionBookSettledEvent.class::isInstance)
                                .map(PredictionBookSettledEvent.class::cast).forEach(settled::add);
                        return true;
                    }
                });
        assertThat(settled).hasSize(1);
        return settled.get(0);
    }

    static List<Long> amounts(List<PredictionSettlementLine> lines) {
        return lines.stream().map(PredictionSettlementLine::amount).toList();
    }

    @Test
    void aPredictionIsTakenWithTheRunningPool_P1() {
        fixture.given(SCHEDULED)
                .when(new PlacePredictionCommand(ID, "pr-1", "u1", "user-b", 40)) // a side named by user id
                .expectEvents(new PredictionPlacedEvent(ID, "t-1", "pr-1", "u1", "p-b", 40, 0,
                        new PredictionPool(0, 40, 0, 1)));
    }

    @Test
    void oneAPredictionPerUserAndOnlyOnThePlayersWhileScheduled_P1() {
        fixture.given(book())
                .when(new PlacePredictionCommand(ID, "pr-9", "u1", "p-b", 5))
                .expectException(PredictionExistsException.class).expectNoEvents();
        fixture.given(book())
                .when(new PlacePredictionCommand(ID, "pr-9", "u9", "someone", 5))
                .expectException(InvalidPredictionException.class).expectNoEvents();
        fixture.given(played())
                .when(new PlacePredictionCommand(ID, "pr-9", "u9", "p-a", 5))
                .expectException(MatchStateException.class).expectNoEvents();
    }

    @Test
    void theStartLocksTheBookWithItsPool_P1() {
        List<Object> given = book();
        fixture.given(given)
                .when(new com.streamflix.league.api.match.StartMatchCommand(ID))
                .expectEvents(STARTED, new PredictionBookLockedEvent(ID, "t-1", new PredictionPool(150, 30, 2, 1)));
    }

    @Test
    void theResultSettlesTheBookProRata_P2() {
        PredictionBookSettledEvent settled = settlementOf(new ResolveMatchCommand(ID, 2, 0, null, null), played());
        assertThat(settled.round()).isEqualTo(1);
        assertThat(settled.outcome()).isEqualTo("PAID");
        assertThat(settled.pool()).isEqualTo(180);
        assertThat(settled.winners()).isEqualTo(2);
        assertThat(amounts(settled.lines())).containsExactly(120L, 60L, 0L);
        assertThat(settled.reversals()).isEmpty();
    }

    @Test
    void aDrawAndAWalkoverRefundEveryWager_P3() {
        assertThat(amounts(settlementOf(new ResolveMatchCommand(ID, 1, 1, null, null), played()).lines()))
                .containsExactly(100L, 50L, 30L);
        PredictionBookSettledEvent walkover = settlementOf(new ResolveMatchCommand(ID, null, null, null, "p-a"),
                book());
        assertThat(walkover.outcome()).isEqualTo("REFUNDED_CANCELLED");
        assertThat(amounts(walkover.lines())).containsExactly(100L, 50L, 30L);
    }

    @Test
    void aCorrectionThatChangesTheOutcomeReversesAndSettlesAgain_P4() {
        List<Object> given = played();
        MatchResult original = MatchResult.played("p-a", "p-b", 2, 0, null);
        given.add(new MatchCompletedEvent(ID, "t-1", MatchPhase.LEAGUE, "p-a", "p-b", original));
        PredictionBookSettledEvent first = settlementOf(new ResolveMatchCommand(ID, 2, 0, null, null), played());
        given.add(first);

        PredictionBookSettledEvent again = settlementOf(new CorrectMatchResultCommand(ID, 0, 1, null, "swapped"), given);
        assertThat(again.round()).isEqualTo(2);
        assertThat(again.correctionReason()).isEqualTo("swapped");
        assertThat(again.reversals()).extracting(PredictionSettlementLine::predictionId, PredictionSettlementLine::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pr-1", 120L),
                        org.assertj.core.groups.Tuple.tuple("pr-2", 60L));
        assertThat(amounts(again.lines())).containsExactly(0L, 0L, 180L);
        assertThat(again.credits()).extracting(PredictionSettlementLine::predictionId, PredictionSettlementLine::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pr-3", 180L));

        // a correction that keeps the winner moves no points
        fixture.given(given).when(new CorrectMatchResultCommand(ID, 3, 0, null, "one more goal"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(new CustomTypeSafeMatcher<List<EventMessage<?>>>("no settlement") {
                    @Override
                    protected boolean matchesSafely(List<EventMessage<?>> events) {
                        return events.stream().noneMatch(e -> e.getPayload() instanceof PredictionBookSettledEvent);
                    }
                });
    }

    @Test
    void newPlayersRefundAndCloseTheBook_P3() {
        List<Object> given = new ArrayList<>(book());
        given.set(0, new MatchScheduledEvent(ID, "t-1", MatchPhase.ROUND_OF_16_LEG_1, null, "p-a", "user-a", "p-b",
                "user-b", Instant.parse("2025-09-16T18:45:00Z")));
        PredictionBookSettledEvent refunded = settlementOf(
                new ChangeMatchParticipantsCommand(ID, "p-c", "user-c", "p-b", "user-b", "corrected tie"), given);
        assertThat(refunded.outcome()).isEqualTo("REFUNDED_CANCELLED");
        assertThat(amounts(refunded.lines())).containsExactly(100L, 50L, 30L);
    }

    @Test
    void aRefundThatStaysARefundMovesNoPoints_P4() {
        // everyone backed A; the 1–1 draw refunded them; corrected to a B win, nobody picked the winner: still refunds
        List<Object> given = new ArrayList<>(List.of(SCHEDULED,
                new PredictionPlacedEvent(ID, "t-1", "pr-1", "u1", "p-a", 100, 0, PredictionPool.EMPTY.with(true, 100)),
                STARTED, new PredictionBookLockedEvent(ID, "t-1", new PredictionPool(100, 0, 1, 0))));
        PredictionBookSettledEvent draw = settlementOf(new ResolveMatchCommand(ID, 1, 1, null, null), given);
        given.add(new MatchCompletedEvent(ID, "t-1", MatchPhase.LEAGUE, "p-a", "p-b",
                MatchResult.played("p-a", "p-b", 1, 1, null)));
        given.add(draw);

        PredictionBookSettledEvent again = settlementOf(new CorrectMatchResultCommand(ID, 1, 2, null, "late goal"), given);
        assertThat(again.outcome()).isEqualTo("REFUNDED_NO_WINNER");
        assertThat(amounts(again.lines())).containsExactly(100L);
        assertThat(again.reversals()).isEmpty();
        assertThat(again.credits()).isEmpty();
    }

    @Test
    void playersCannotPredictOnTheirOwnMatch_P1() {
        fixture.given(SCHEDULED)
                .when(new PlacePredictionCommand(ID, "pr-1", "user-a", "p-b", 10))
                .expectException(InvalidPredictionException.class).expectNoEvents();
    }

    /** Snapshots (issue 10): a match with a settled book and a closed vote reads back whole. */
    @Test
    void theMatchSurvivesASnapshot() {
        List<Object> given = played();
        given.add(new MatchVoteOpenedEvent(ID, "t-1", "v-1", "p-a", "p-b", java.time.Instant.parse("2026-01-01T20:00:00Z")));
        fixture.given(given).when(new CloseMatchVoteCommand(ID, "v-other"))
                .expectSuccessfulHandlerExecution().expectState(SnapshotRoundTrip::assertSurvives);
        given.add(new MatchVoteClosedEvent(ID, "v-1"));
        fixture.given(given).when(new ResolveMatchCommand(ID, 2, 1, null, null))
                .expectSuccessfulHandlerExecution()
                .expectState(SnapshotRoundTrip::assertSurvives);
    }
}
