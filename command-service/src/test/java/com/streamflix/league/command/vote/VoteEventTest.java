package com.streamflix.league.command.vote;

import com.streamflix.league.api.vote.CloseVoteCommand;
import com.streamflix.league.api.vote.StartVoteCommand;
import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.vote.VoteRefusedException;
import com.streamflix.league.api.vote.VoteStartedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** The {@code VoteEvent} aggregate (RULES V1, V3, V5); its deadline is the close task's (VoteIntegrationTest). */
class VoteEventTest {
    static final Instant START = Instant.parse("2026-11-29T20:00:00Z");
    static final Instant END = START.plusSeconds(60);

    AggregateTestFixture<VoteEvent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VoteEvent.class);
    }

    static StartVoteCommand start(int award, long cost, Instant endsAt) {
        return new StartVoteCommand("v1", "m1", "t1", "pa", "pb", award, cost, START, endsAt);
    }

    static VoteStartedEvent started() {
        return new VoteStartedEvent("v1", "m1", "t1", "pa", "pb", 2, 10, START, END);
    }

    @Test
    void startRecordsTheTerms_V1() {
        fixture.givenNoPriorActivity().when(start(2, 10, END)).expectEvents(started());
    }

    @Test
    void termsOutOfRangeAreRefusedNamingTheField_V1() {
        fixture.givenNoPriorActivity().when(start(0, 10, END))
                .expectException(VoteRefusedException.class).expectExceptionMessage("pointsAward must be between 1 and 3");
        fixture.givenNoPriorActivity().when(start(4, 10, END)).expectException(VoteRefusedException.class);
        fixture.givenNoPriorActivity().when(start(1, 0, END))
                .expectException(VoteRefusedException.class).expectExceptionMessage("costPerVote must be at least 1");
        fixture.givenNoPriorActivity().when(start(1, 1, START)).expectException(VoteRefusedException.class);
    }

    @Test
    void strictlyMoreVotesWins_V5() {
        fixture.given(started()).when(new CloseVoteCommand("v1", 7, 6, 5))
                .expectEvents(new VoteEndedEvent("v1", "m1", "t1", "pa", "pb", 7, 6, 5, "pa", 2));
        fixture.given(started()).when(new CloseVoteCommand("v1", 0, 1, 1))
                .expectEvents(new VoteEndedEvent("v1", "m1", "t1", "pa", "pb", 0, 1, 1, "pb", 2));
    }

    @Test
    void aTieIncludingNoVotesHasNoWinner_V5() {
        fixture.given(started()).when(new CloseVoteCommand("v1", 4, 4, 3))
                .expectEvents(new VoteEndedEvent("v1", "m1", "t1", "pa", "pb", 4, 4, 3, null, 2));
        fixture.given(started()).when(new CloseVoteCommand("v1", 0, 0, 0))
                .expectEvents(new VoteEndedEvent("v1", "m1", "t1", "pa", "pb", 0, 0, 0, null, 2));
    }

    @Test
    void aSecondCloseChangesNothing_V3() {
        fixture.given(started(), new VoteEndedEvent("v1", "m1", "t1", "pa", "pb", 7, 6, 5, "pa", 2))
                .when(new CloseVoteCommand("v1", 9, 0, 1))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
