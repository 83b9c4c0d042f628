package com.streamflix.league.realtime.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.api.match.MatchScoreUpdatedEvent;
import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.vote.VoteStartedEvent;
import com.streamflix.league.api.vote.VotesCastEvent;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchSnapshot;
import com.streamflix.league.realtime.match.MatchLiveMessages.Player;
import com.streamflix.league.realtime.match.MatchLiveMessages.Vote;
import com.streamflix.league.realtime.match.MatchSocketsTest.Viewer;
import com.streamflix.league.realtime.match.PredictionUpdatesTest.ManualTimer;
import com.streamflix.league.realtime.socket.SocketSender;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static com.streamflix.league.realtime.match.JsonFields.fields;
import static com.streamflix.league.realtime.match.JsonFields.withNulls;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live votes on the match channel (issue 10, RULES V1-V5): the messages' shapes, the snapshot's {@code vote}, and the
 * vote's own versions, which keep a viewer's tallies from going back and any tally from following the end.
 */
class MatchVotesPushTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant KICK_OFF = Instant.parse("2026-03-04T20:00:00Z");
    private static final Instant STARTED_AT = Instant.parse("2026-03-04T20:10:00Z");
    private static final Instant ENDS_AT = STARTED_AT.plusSeconds(120);

    /** Sends on the pushing thread; polls run when the test says, against a store the test fills. */
    private final MatchSockets sockets = new MatchSockets(JSON, new SocketSender(Runnable::run, 64,
            Duration.ofSeconds(2)));
    private final ManualTimer timer = new ManualTimer();
    private final Map<String, Vote> store = new ConcurrentHashMap<>();
    private final VoteTallies tallies = new VoteTallies(id -> Optional.ofNullable(store.get(id)), sockets::watched,
            sockets::pushTally, Duration.ofMillis(250), timer, Clock.fixed(STARTED_AT, ZoneOffset.UTC));
    private final VotePusher pusher = new VotePusher(sockets, tallies);
    private final MatchPusher matchPusher = new MatchPusher(sockets, new PredictionUpdates(sockets::push,
            Duration.ofMillis(250), (task, delay) -> {
            }), PredictionsProperties.ON);

    @Test
    void theMessagesHaveTheContractsShape_V1_V4_V5() {
        Viewer viewer = watch("m1", null);

        pusher.on(started("v1"));
        cast("v1", "u1", "p-a", 3);
        cast("v1", "u2", "p-b", 1);
        store.put("v1", running("v1", 3, 1, 2));
        timer.runNext();
        pusher.on(new VoteEndedEvent("v1", "m1", "t1", "p-a", "p-b", 3, 1, 2, "p-a", 2));

        List<JsonNode> messages = viewer.messages();
        assertThat(viewer.types()).containsExactly("SNAPSHOT", "VOTE_STARTED", "VOTE_TALLY", "VOTE_ENDED");
        assertThat(messages.get(0).has("vote")).isTrue();
        assertThat(messages.get(0).path("vote").isNull()).isTrue();
        assertThat(fields(messages.get(1))).isEqualTo(Map.of("type", "VOTE_STARTED", "matchId", "m1",
                "voteEventId", "v1", "pointsAward", 2, "costPerVote", 10, "participantAId", "p-a",
                "participantBId", "p-b", "startedAt", "2026-03-04T20:10:00Z", "endsAt", "2026-03-04T20:12:00Z"));
        assertThat(fields(messages.get(2))).isEqualTo(Map.of("type", "VOTE_TALLY", "matchId", "m1",
                "voteEventId", "v1", "votesA", 3, "votesB", 1, "voters", 2));
        assertThat(fields(messages.get(3))).isEqualTo(Map.of("type", "VOTE_ENDED", "matchId", "m1",
                "voteEventId", "v1", "votesA", 3, "votesB", 1, "voters", 2, "winnerParticipantId", "p-a",
                "tie", false, "pointsAward", 2));
        assertThat(tallies.running()).isZero();
    }

    /** V5: a tie (no votes included) has no winner. */
    @Test
    void aTieEndsWithoutAWinner_V5() {
        Viewer viewer = watch("m1", null);
        pusher.on(started("v1"));
        pusher.on(new VoteEndedEvent("v1", "m1", "t1", "p-a", "p-b", 0, 0, 0, null, 2));

        JsonNode ended = viewer.messages().get(2);
        assertThat(fields(ended)).isEqualTo(withNulls(Map.of("type", "VOTE_ENDED", "matchId", "m1",
                "voteEventId", "v1", "votesA", 0, "votesB", 0, "voters", 0, "winnerParticipantId", "-",
                "tie", true, "pointsAward", 2)));
    }

    /**
     * A viewer who connects mid-vote gets the running vote in its snapshot; a start or tally the snapshot already
     * has is not sent again, and the next larger tally is. The vote's messages never move the match's version.
     */
    @Test
    void aMidVoteSnapshotCarriesTheRunningVoteAndOnlyNewerTalliesFollow_V4() {
        pusher.on(started("v1")); // before anyone watched: remembered for late viewers
        cast("v1", "u1", "p-a", 5);
        Viewer viewer = watch("m1", running("v1", 40, 30, 25));

        store.put("v1", running("v1", 40, 30, 25)); // what the snapshot had
        timer.runNext();
        store.put("v1", running("v1", 41, 30, 26));
        timer.runNext();
        matchPusher.on(new MatchScoreUpdatedEvent("m1", "t1", 1, 0), 5);

        assertThat(viewer.types()).containsExactly("SNAPSHOT", "VOTE_TALLY", "SCORE_UPDATE");
        JsonNode vote = viewer.messages().get(0).path("vote");
        assertThat(fields(vote)).isEqualTo(withNulls(Map.ofEntries(Map.entry("voteEventId", "v1"),
                Map.entry("status", "OPEN"), Map.entry("pointsAward", 2), Map.entry("costPerVote", 10),
                Map.entry("participantAId", "p-a"), Map.entry("participantBId", "p-b"),
                Map.entry("startedAt", "2026-03-04T20:10:00Z"), Map.entry("endsAt", "2026-03-04T20:12:00Z"),
                Map.entry("votesA", 40), Map.entry("votesB", 30), Map.entry("voters", 25),
                Map.entry("winnerParticipantId", "-"), Map.entry("tie", "-"))));
        assertThat(viewer.messages().get(1).path("votesA").asLong()).isEqualTo(41);
        assertThat(viewer.messages().get(1).has("version")).as("not the match's stream").isFalse();
        assertThat(viewer.messages().get(2).path("version").asLong()).isEqualTo(6);
    }

    /** A tally read just before the end but sent after it (a poll racing the end) is dropped: the end is newer. */
    @Test
    void noTallyFollowsTheEnd_V4() {
        Viewer viewer = watch("m1", null);
        pusher.on(started("v1"));
        pusher.on(new VoteEndedEvent("v1", "m1", "t1", "p-a", "p-b", 7, 9, 5, "p-b", 2));
        sockets.pushTally(new MatchLiveMessages.VoteTally("m1", running("v1", 7, 9, 5)));
        sockets.pushTally(new MatchLiveMessages.VoteTally("m1", running("v1", 7, 8, 5)));

        assertThat(viewer.types()).containsExactly("SNAPSHOT", "VOTE_STARTED", "VOTE_ENDED");
    }

    /** Tallies only grow on a socket, whatever order they reach it in. */
    @Test
    void aSmallerTallyIsNeverSentAfterALargerOne_V4() {
        Viewer viewer = watch("m1", null);
        pusher.on(started("v1"));
        sockets.pushTally(new MatchLiveMessages.VoteTally("m1", running("v1", 10, 10, 4)));
        sockets.pushTally(new MatchLiveMessages.VoteTally("m1", running("v1", 9, 10, 4)));
        sockets.pushTally(new MatchLiveMessages.VoteTally("m1", running("v1", 12, 10, 5)));

        assertThat(viewer.types()).containsExactly("SNAPSHOT", "VOTE_STARTED", "VOTE_TALLY", "VOTE_TALLY");
        assertThat(viewer.messages().get(3).path("votesA").asLong()).isEqualTo(12);
    }

    /**
     * The start and the end are remembered for a viewer whose snapshot lags behind them; the tallies are not, as they
     * were read from the store the snapshot is read from: a later snapshot already has them.
     */
    @Test
    void aLateViewerGetsTheStartAndTheEndItsSnapshotLacksButNoTallyAgain() {
        watch("m1", null); // someone watches, so the tallies are read
        pusher.on(started("v1"));
        Viewer early = watch("m1", null); // the store has not seen the start yet
        assertThat(early.types()).containsExactly("SNAPSHOT", "VOTE_STARTED");

        cast("v1", "u1", "p-a", 5);
        store.put("v1", running("v1", 5, 0, 1));
        timer.runNext();
        Viewer late = watch("m1", running("v1", 5, 0, 1));
        assertThat(late.types()).containsExactly("SNAPSHOT");

        pusher.on(new VoteEndedEvent("v1", "m1", "t1", "p-a", "p-b", 5, 0, 1, "p-a", 2));
        Viewer later = watch("m1", running("v1", 5, 0, 1)); // the store has not seen the end yet
        assertThat(later.types()).containsExactly("SNAPSHOT", "VOTE_ENDED");
        assertThat(early.types()).containsExactly("SNAPSHOT", "VOTE_STARTED", "VOTE_TALLY", "VOTE_ENDED");
    }

    /** The snapshot after the vote ended shows it with its result. */
    @Test
    void aSnapshotAfterTheEndShowsTheResult_V5() {
        Viewer viewer = watch("m1", new Vote("v1", "CLOSED", 2, 10, "p-a", "p-b", STARTED_AT, ENDS_AT, 4, 4, 6,
                null));
        pusher.on(new VoteEndedEvent("v1", "m1", "t1", "p-a", "p-b", 4, 4, 6, null, 2)); // redelivered

        assertThat(viewer.types()).containsExactly("SNAPSHOT");
        JsonNode vote = viewer.messages().get(0).path("vote");
        assertThat(vote.path("status").asText()).isEqualTo("CLOSED");
        assertThat(vote.path("tie").asBoolean()).isTrue();
        assertThat(vote.path("winnerParticipantId").isNull()).isTrue();
    }

    private void cast(String voteEventId, String userId, String participantId, int votes) {
        pusher.on(new VotesCastEvent(userId, "c-" + userId, voteEventId, "m1", participantId, votes, 10));
    }

    private Viewer watch(String matchId, Vote vote) {
        Viewer viewer = new Viewer();
        sockets.register(matchId, viewer, () -> new MatchSnapshot(matchId, 4, "LIVE", "t1", "LEAGUE", 1, KICK_OFF,
                new Player("p-a", "u-a"), new Player("p-b", "u-b"), 0, 0, null, null, vote));
        return viewer;
    }

    private static VoteStartedEvent started(String voteEventId) {
        return new VoteStartedEvent(voteEventId, "m1", "t1", "p-a", "p-b", 2, 10, STARTED_AT, ENDS_AT);
    }

    private static Vote running(String voteEventId, long votesA, long votesB, int voters) {
        return new Vote(voteEventId, "OPEN", 2, 10, "p-a", "p-b", STARTED_AT, ENDS_AT, votesA, votesB, voters, null);
    }

}
