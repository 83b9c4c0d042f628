package com.streamflix.league.command.match;

import com.streamflix.league.api.match.ChangeMatchParticipantsCommand;
import com.streamflix.league.api.prediction.PredictionBookLockedEvent;
import com.streamflix.league.api.prediction.PredictionPool;
import com.streamflix.league.api.match.CorrectMatchResultCommand;
import com.streamflix.league.api.match.InvalidResultException;
import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchParticipantsChangedEvent;
import com.streamflix.league.api.match.CloseMatchVoteCommand;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchVoteClosedEvent;
import com.streamflix.league.api.match.MatchVoteOpenedEvent;
import com.streamflix.league.api.match.OpenMatchVoteCommand;
import com.streamflix.league.api.match.MatchRescheduledEvent;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchResultCorrectedEvent;
import com.streamflix.league.api.match.MatchScoreUpdatedEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.api.match.MatchStateException;
import com.streamflix.league.api.match.RescheduleMatchCommand;
import com.streamflix.league.api.match.ResolveMatchCommand;
import com.streamflix.league.api.match.StartMatchCommand;
import com.streamflix.league.api.match.UpdateMatchScoreCommand;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchStatus;
import com.streamflix.league.api.match.ScheduleMatchCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MatchTest {
    static final String ID = "m-1";
    static final Instant KICK_OFF = Instant.parse("2025-09-16T18:45:00Z");

    private AggregateTestFixture<Match> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Match.class);
    }

    static ScheduleMatchCommand schedule(MatchPhase phase, Integer matchday, String playerA, String playerB) {
        return new ScheduleMatchCommand(ID, "t-1", phase, matchday, playerA, "user-" + playerA, playerB,
                "user-" + playerB, KICK_OFF);
    }

    @Test
    void aLeagueMatchIsScheduled_M1_D4() {
        fixture.givenNoPriorActivity()
                .when(schedule(MatchPhase.LEAGUE, 3, "p-a", "p-b"))
                .expectEvents(new MatchScheduledEvent(ID, "t-1", MatchPhase.LEAGUE, 3, "p-a", "user-p-a", "p-b",
                        "user-p-b", KICK_OFF))
                .expectState(match -> {
                    assertThat(match.status()).isEqualTo(MatchStatus.SCHEDULED);
                    assertThat(match.phase()).isEqualTo(MatchPhase.LEAGUE);
                    assertThat(match.tournamentId()).isEqualTo("t-1");
                });
    }

    @Test
    void aKnockoutMatchHasNoMatchday() {
        fixture.givenNoPriorActivity()
                .when(schedule(MatchPhase.FINAL, null, "p-a", "p-b"))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(schedule(MatchPhase.FINAL, 8, "p-a", "p-b"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aLeagueMatchNeedsAMatchdayFromOneToEight_D2() {
        for (Integer matchday : new Integer[]{null, 0, 9}) {
            fixture.givenNoPriorActivity()
                    .when(schedule(MatchPhase.LEAGUE, matchday, "p-a", "p-b"))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void nobodyPlaysThemself_D1() {
        fixture.givenNoPriorActivity()
                .when(schedule(MatchPhase.LEAGUE, 1, "p-a", "p-a"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    // ---- play (RULES M1) -----------------------------------------------------------------------------------------

    static MatchScheduledEvent scheduled(MatchPhase phase) {
        return new MatchScheduledEvent(ID, "t-1", phase, phase == MatchPhase.LEAGUE ? 1 : null, "p-a", "user-p-a",
                "p-b", "user-p-b", KICK_OFF);
    }

    static final MatchStartedEvent STARTED = new MatchStartedEvent(ID, "t-1", MatchPhase.LEAGUE, "p-a", "p-b");

    @Test
    void aScheduledMatchStartsOnce_M1() {
        fixture.given(scheduled(MatchPhase.LEAGUE))
                .when(new StartMatchCommand(ID))
                .expectEvents(STARTED, new PredictionBookLockedEvent(ID, "t-1", PredictionPool.EMPTY)) // P1
                .expectState(match -> assertThat(match.status()).isEqualTo(MatchStatus.LIVE));
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED)
                .when(new StartMatchCommand(ID))
                .expectException(MatchStateException.class).expectNoEvents();
    }

    @Test
    void scoresAreUpdatedOnlyWhileLive_M1() {
        fixture.given(scheduled(MatchPhase.LEAGUE))
                .when(new UpdateMatchScoreCommand(ID, 1, 0))
                .expectException(MatchStateException.class).expectNoEvents();
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED)
                .when(new UpdateMatchScoreCommand(ID, 1, 0))
                .expectEvents(new MatchScoreUpdatedEvent(ID, "t-1", 1, 0));
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED, new MatchScoreUpdatedEvent(ID, "t-1", 1, 0))
                .when(new UpdateMatchScoreCommand(ID, 1, 0))
                .expectNoEvents(); // the same score again is nothing new
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED)
                .when(new UpdateMatchScoreCommand(ID, -1, 0))
                .expectException(InvalidResultException.class).expectNoEvents();
    }

    @Test
    void aLiveMatchIsResolvedWithItsFinalScore_M1() {
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED)
                .when(new ResolveMatchCommand(ID, 2, 1, null, null))
                .expectEvents(new MatchCompletedEvent(ID, "t-1", MatchPhase.LEAGUE, "p-a", "p-b",
                        new MatchResult(2, 1, null, null, "p-a")))
                .expectState(match -> assertThat(match.status()).isEqualTo(MatchStatus.COMPLETED));
        fixture.given(scheduled(MatchPhase.LEAGUE))
                .when(new ResolveMatchCommand(ID, 2, 1, null, null))
                .expectException(MatchStateException.class).expectNoEvents();
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED)
                .when(new ResolveMatchCommand(ID, 2, null, null, null))
                .expectException(InvalidResultException.class).expectNoEvents();
    }

    static final Instant VOTE_END = KICK_OFF.plusSeconds(600);
    static final MatchVoteOpenedEvent VOTE_OPENED = new MatchVoteOpenedEvent(ID, "t-1", "v-1", "p-a", "p-b", VOTE_END);

    @Test
    void aLiveLeagueMatchHostsOneVoteAtATime_V1() {
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED)
                .when(new OpenMatchVoteCommand(ID, "v-1", VOTE_END))
                .expectEvents(VOTE_OPENED);
        fixture.given(scheduled(MatchPhase.LEAGUE))
                .when(new OpenMatchVoteCommand(ID, "v-1", VOTE_END))
                .expectException(MatchStateException.class).expectNoEvents();
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED, VOTE_OPENED)
                .when(new OpenMatchVoteCommand(ID, "v-2", VOTE_END))
                .expectException(MatchStateException.class).expectExceptionMessage(
                        "Match m-1 is LIVE: cannot start a vote: vote v-1 runs until " + VOTE_END).expectNoEvents();
        fixture.given(scheduled(MatchPhase.ROUND_OF_16_LEG_1),
                        new MatchStartedEvent(ID, "t-1", MatchPhase.ROUND_OF_16_LEG_1, "p-a", "p-b"))
                .when(new OpenMatchVoteCommand(ID, "v-1", VOTE_END))
                .expectException(MatchStateException.class).expectNoEvents();
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED, VOTE_OPENED, new MatchVoteClosedEvent(ID, "v-1"))
                .when(new OpenMatchVoteCommand(ID, "v-2", VOTE_END))
                .expectEvents(new MatchVoteOpenedEvent(ID, "t-1", "v-2", "p-a", "p-b", VOTE_END));
    }

    /** V5: the award of a running vote belongs in the table the result may complete, so the result waits. */
    @Test
    void aMatchIsNotResolvedWhileItsVoteRuns_V5() {
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED, VOTE_OPENED)
                .when(new ResolveMatchCommand(ID, 2, 1, null, null))
                .expectException(MatchStateException.class).expectNoEvents();
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED, VOTE_OPENED)
                .when(new CloseMatchVoteCommand(ID, "v-other"))
                .expectNoEvents();
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED, VOTE_OPENED, new MatchVoteClosedEvent(ID, "v-1"))
                .when(new ResolveMatchCommand(ID, 2, 1, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aWalkoverIsAThreeNilWinEvenWithoutKickOff() {
        fixture.given(scheduled(MatchPhase.LEAGUE))
                .when(new ResolveMatchCommand(ID, null, null, null, "user-p-b")) // named by user id
                .expectEvents(new MatchCompletedEvent(ID, "t-1", MatchPhase.LEAGUE, "p-a", "p-b",
                        new MatchResult(0, 3, null, "p-b", "p-b")));
        fixture.given(scheduled(MatchPhase.LEAGUE))
                .when(new ResolveMatchCommand(ID, null, null, null, "stranger"))
                .expectException(InvalidResultException.class).expectNoEvents();
    }

    @Test
    void aPenaltiesWinnerMustPlayInTheMatch_K3() {
        fixture.given(scheduled(MatchPhase.FINAL), new MatchStartedEvent(ID, "t-1", MatchPhase.FINAL, "p-a", "p-b"))
                .when(new ResolveMatchCommand(ID, 1, 1, "p-b", null))
                .expectEvents(new MatchCompletedEvent(ID, "t-1", MatchPhase.FINAL, "p-a", "p-b",
                        new MatchResult(1, 1, "p-b", null, "p-b")));
        fixture.given(scheduled(MatchPhase.FINAL), new MatchStartedEvent(ID, "t-1", MatchPhase.FINAL, "p-a", "p-b"))
                .when(new ResolveMatchCommand(ID, 1, 1, "p-c", null))
                .expectException(InvalidResultException.class).expectNoEvents();
    }

    @Test
    void aCorrectionKeepsTheOriginalAndCarriesBothResults() {
        MatchResult original = new MatchResult(2, 1, null, null, "p-a");
        MatchCompletedEvent completed = new MatchCompletedEvent(ID, "t-1", MatchPhase.LEAGUE, "p-a", "p-b", original);
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED, completed)
                .when(new CorrectMatchResultCommand(ID, 1, 2, null, "home and away swapped"))
                .expectEvents(new MatchResultCorrectedEvent(ID, "t-1", MatchPhase.LEAGUE, "p-a", "p-b", original,
                        new MatchResult(1, 2, null, null, "p-b"), "home and away swapped"))
                .expectState(match -> assertThat(match.result().scoreB()).isEqualTo(2));
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED, completed)
                .when(new CorrectMatchResultCommand(ID, 2, 1, null, "same"))
                .expectException(InvalidResultException.class).expectNoEvents();
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED)
                .when(new CorrectMatchResultCommand(ID, 2, 1, null, "not over"))
                .expectException(MatchStateException.class).expectNoEvents();
    }

    @Test
    void onlyAScheduledMatchIsRescheduledOrRepointed() {
        Instant later = KICK_OFF.plusSeconds(3600);
        fixture.given(scheduled(MatchPhase.LEAGUE))
                .when(new RescheduleMatchCommand(ID, later))
                .expectEvents(new MatchRescheduledEvent(ID, "t-1", KICK_OFF, later));
        fixture.given(scheduled(MatchPhase.LEAGUE), STARTED)
                .when(new RescheduleMatchCommand(ID, later))
                .expectException(MatchStateException.class).expectNoEvents();
        fixture.given(scheduled(MatchPhase.ROUND_OF_16_LEG_1))
                .when(new ChangeMatchParticipantsCommand(ID, "p-c", "user-p-c", "p-b", "user-p-b", "corrected"))
                .expectEvents(new MatchParticipantsChangedEvent(ID, "t-1", "p-c", "user-p-c", "p-b", "user-p-b",
                        "corrected"));
        fixture.given(scheduled(MatchPhase.LEAGUE))
                .when(new ChangeMatchParticipantsCommand(ID, "p-c", "user-p-c", "p-b", "user-p-b", "corrected"))
                .expectException(IllegalArgumentException.class).expectNoEvents();
    }
}
