package com.streamflix.league.command.match;

import com.streamflix.league.api.match.MatchPhase;
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
}
