package com.streamflix.league.query.vote;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.vote.VoteBonusAwardedEvent;
import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.vote.VoteStartedEvent;
import com.streamflix.league.api.vote.VotesCastEvent;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.query.testsupport.CompetitionTest;
import com.streamflix.league.query.tournament.TournamentProjection;
import com.streamflix.league.query.wallet.WalletLedgerProjection;
import com.streamflix.league.standings.LeagueResult;
import com.streamflix.league.standings.LeagueTable;
import com.streamflix.league.standings.StandingsRow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live votes as viewers read them (RULES V1–V5, S1; API.md {@code /api/matches/{id}/votes}, {@code
 * /api/users/me/votes}, {@code /standings}): each vote's start and end on its {@code VoteEvent} stream, each cast on the
 * voter's wallet right after its {@code VOTE_SPEND} debit, a tie's refunds on the wallets and a winner's league points
 * on the tournament's stream, as the command side appends them.
 */
class VoteReadIntegrationTest extends CompetitionTest {

    /** A vote event on a live match, appending what the command side would as viewers vote and it closes. */
    final class LiveVote {
        final String id = "vote-" + UUID.randomUUID();
        final MatchRef match;
        final int pointsAward;
        final long costPerVote;
        final Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final Instant endsAt = startedAt.plus(Duration.ofMinutes(2));
        final Map<String, Long> spent = new LinkedHashMap<>();
        long votesA;
        long votesB;

        /** V1. */
        LiveVote(MatchRef match, int pointsAward, long costPerVote) {
            this.match = match;
            this.pointsAward = pointsAward;
            this.costPerVote = costPerVote;
            append("VoteEvent", id, new VoteStartedEvent(id, match.id(), match.tournamentId(), match.a(), match.b(),
                    pointsAward, costPerVote, startedAt, endsAt));
        }

        /** V2: the debit, then the votes, on the voter's wallet; {@code participant} may be a user id (API.md). */
        String cast(String userId, String participant, boolean forA, int votes) {
            String castId = UUID.randomUUID().toString();
            long cost = votes * costPerVote;
            debit(userId, TransactionType.VOTE_SPEND, cost, votes + " votes", id, "vote-cast:" + castId);
            append("UserWallet", userId, new VotesCastEvent(userId, castId, id, match.id(), participant, votes,
                    costPerVote));
            spent.merge(userId, cost, Long::sum);
            if (forA) {
                votesA += votes;
            } else {
                votesB += votes;
            }
            return castId;
        }

        String cast(String userId, String participantId, int votes) {
            return cast(userId, participantId, participantId.equals(match.a()), votes);
        }

        /** V3, V5: closed with the counted tallies; a tie's refunds come later ({@link #refund}). */
        String end() {
            String winner = votesA > votesB ? match.a() : votesB > votesA ? match.b() : null;
            append("VoteEvent", id, new VoteEndedEvent(id, match.id(), match.tournamentId(), match.a(), match.b(),
                    votesA, votesB, spent.size(), winner, pointsAward));
            if (winner != null) {
                append("Tournament", match.tournamentId(), new VoteBonusAwardedEvent(match.tournamentId(), id,
                        match.id(), winner, pointsAward));
            }
            return winner;
        }

        /** V5: every voter gets their whole spend in this vote back, one credit each. */
        void refund() {
            spent.forEach((userId, amount) -> credit(userId, TransactionType.VOTE_REFUND, amount, "vote tied", id,
                    "vote-refund:" + id + ":" + userId));
        }
    }

    String viewer(long points) {
        String id = "v" + UUID.randomUUID().toString().substring(0, 8);
        wallet(id, "login_" + id, points);
        return id;
    }

    /** A live league match of a fresh tournament. */
    MatchRef liveMatch() throws InterruptedException {
        Roster roster = confirmedRoster();
        MatchRef match = leagueDrawn(roster, 31).get(0);
        awaitMatches(roster.id(), 144);
        start(match);
        return match;
    }

    static String votesPath(MatchRef match) {
        return "/api/matches/" + match.id() + "/votes";
    }

    JsonNode awaitVote(LiveVote vote, Predicate<JsonNode> done) throws InterruptedException {
        return vote(awaitJson(votesPath(vote.match), votes -> vote(votes, vote.id) != null
                && done.test(vote(votes, vote.id))), vote.id);
    }

    static JsonNode vote(JsonNode votes, String id) {
        for (JsonNode item : votes.path("items")) {
            if (item.path("voteEventId").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }

    static List<String> castIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("castId").asText()));
        return ids;
    }

    /** The vote's tallies as the read model keeps them, and as the sums of its casts (same snapshot). */
    List<Long> talliesAndSums(String voteEventId) {
        return jdbc.queryForObject("""
                        SELECT v.votes_a, v.votes_b, v.voters,
                               (SELECT COALESCE(sum(votes), 0) FROM user_votes WHERE vote_event_id = v.id AND side = 'A'),
                               (SELECT COALESCE(sum(votes), 0) FROM user_votes WHERE vote_event_id = v.id AND side = 'B'),
                               (SELECT count(DISTINCT user_id) FROM user_votes WHERE vote_event_id = v.id)
                        FROM vote_events v WHERE v.id = ?""",
                (rs, i) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)), voteEventId);
    }

    @Test
    void talliesAreTheSumsOfTheCastsAndTheWinnerHasStrictlyMore_V2_V4_V5() throws Exception {
        MatchRef match = liveMatch();
        JsonNode none = getJson(votesPath(match));
        assertThat(none.path("items").isArray()).isTrue();
        assertThat(none.path("items")).as("a match without votes").isEmpty();

        LiveVote vote = new LiveVote(match, 2, 5);
        String fan = viewer(1000);
        String other = viewer(1000);
        String undecided = viewer(1000);
        vote.cast(fan, match.a(), 3);
        vote.cast(fan, match.a(), 4);
        vote.cast(other, match.b(), 2);
        // named by the player's user id, as API.md allows: the cast is the participant's
        String byUserId = vote.cast(undecided, userOf(match.b()), false, 6);
        vote.cast(undecided, match.a(), 1);

        JsonNode open = awaitVote(vote, v -> v.path("participantA").path("votes").asLong() == 8
                && v.path("participantB").path("votes").asLong() == 8);
        assertThat(open.path("status").asText()).isEqualTo("OPEN");
        assertThat(open.path("matchId").asText()).isEqualTo(match.id());
        assertThat(open.path("tournamentId").asText()).isEqualTo(match.tournamentId());
        assertThat(open.path("pointsAward").asInt()).isEqualTo(2);
        assertThat(open.path("costPerVote").asLong()).isEqualTo(5);
        assertThat(Instant.parse(open.path("startedAt").asText())).isEqualTo(vote.startedAt);
        assertThat(Instant.parse(open.path("endsAt").asText())).isEqualTo(vote.endsAt);
        assertThat(open.path("voters").asInt()).as("distinct voters").isEqualTo(3);
        assertThat(open.path("participantA").path("participantId").asText()).isEqualTo(match.a());
        assertThat(open.path("participantB").path("participantId").asText()).isEqualTo(match.b());
        assertThat(open.path("participantB").path("userId").asText()).isEqualTo(userOf(match.b()));
        assertThat(open.path("participantB").path("login").asText()).isEqualTo("login_" + userOf(match.b()));
        for (String field : List.of("winnerParticipantId", "tie", "endedAt")) {
            assertThat(open.has(field)).as(field).isTrue();
            assertThat(open.path(field).isNull()).as(field + " while open").isTrue();
        }
        List<Long> tallies = talliesAndSums(vote.id);
        assertThat(tallies.subList(0, 3)).as("V4: tallies = the casts' sums").isEqualTo(tallies.subList(3, 6));
        JsonNode mine = awaitJson("/api/users/me/votes", p -> p.path("total").asInt() == 2, session(undecided));
        JsonNode cast = mine.path("items").get(1);
        assertThat(cast.path("castId").asText()).isEqualTo(byUserId);
        assertThat(cast.path("participantId").asText()).isEqualTo(match.b());
        assertThat(cast.path("votes").asInt()).isEqualTo(6);
        assertThat(cast.path("cost").asLong()).as("V2: votes × costPerVote").isEqualTo(30);
        assertThat(cast.path("status").asText()).isEqualTo("OPEN");

        vote.cast(other, match.b(), 1);
        assertThat(vote.end()).isEqualTo(match.b());
        JsonNode closed = awaitVote(vote, v -> v.path("status").asText().equals("CLOSED"));
        assertThat(closed.path("winnerParticipantId").asText()).as("V5: 9 against 8").isEqualTo(match.b());
        assertThat(closed.path("tie").asBoolean()).isFalse();
        assertThat(closed.path("participantB").path("votes").asLong()).isEqualTo(9);
        assertThat(Instant.parse(closed.path("endedAt").asText())).isAfterOrEqualTo(vote.startedAt);
        tallies = talliesAndSums(vote.id);
        assertThat(tallies.subList(0, 3)).isEqualTo(tallies.subList(3, 6)).containsExactly(8L, 9L, 3L);
        JsonNode fanCasts = getJson("/api/users/me/votes", session(fan));
        assertThat(fanCasts.path("items")).hasSize(2).allSatisfy(c -> {
            assertThat(c.path("status").asText()).isEqualTo("CLOSED");
            assertThat(c.path("winnerParticipantId").asText()).isEqualTo(match.b());
            assertThat(c.path("refunded").asBoolean()).isFalse();
        });
        // the ledger (W3) has the debits the casts name
        assertThat(awaitJson("/api/users/me", m -> m.path("balance").asLong() == balance(fan), session(fan))
                .path("balance").asLong()).isEqualTo(1000 - 35);

        var unknown = get("/api/matches/no-such-match/votes");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aTieAwardsNothingAndRefundsEveryVoter_V5() throws Exception {
        MatchRef match = liveMatch();
        LiveVote vote = new LiveVote(match, 3, 10);
        String first = viewer(500);
        String second = viewer(500);
        List<String> casts = List.of(vote.cast(first, match.a(), 2), vote.cast(second, match.b(), 1),
                vote.cast(second, match.b(), 1));
        assertThat(vote.end()).isNull();
        JsonNode closed = awaitVote(vote, v -> v.path("status").asText().equals("CLOSED"));
        assertThat(closed.path("tie").asBoolean()).isTrue();
        assertThat(closed.has("winnerParticipantId")).isTrue();
        assertThat(closed.path("winnerParticipantId").isNull()).as("no winner on a tie").isTrue();
        assertThat(closed.path("participantA").path("votes").asLong()).isEqualTo(2);
        assertThat(closed.path("participantB").path("votes").asLong()).isEqualTo(2);
        assertThat(getJson("/api/users/me/votes", session(first)).path("items").get(0).path("refunded").asBoolean())
                .as("not until the refund is in the ledger").isFalse();

        vote.refund();
        for (String user : List.of(first, second)) {
            JsonNode mine = awaitJson("/api/users/me/votes", p -> p.path("items").size() > 0
                    && allRefunded(p), session(user));
            assertThat(castIds(mine)).allSatisfy(id -> assertThat(casts).contains(id));
            assertThat(awaitJson("/api/users/me", m -> m.path("balance").asLong() == balance(user), session(user))
                    .path("balance").asLong()).as("refunded in full").isEqualTo(500);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_votes WHERE vote_event_id = ? AND NOT refunded",
                Long.class, vote.id)).as("every cast refunded").isZero();
        JsonNode table = getJson("/api/tournaments/" + match.tournamentId() + "/standings");
        assertThat(table.path("rows")).allSatisfy(row -> assertThat(row.path("bonusPoints").asInt()).isZero());

        // a vote nobody voted in is a tie too: closed, nothing awarded, nobody to refund
        LiveVote empty = new LiveVote(match, 1, 1);
        empty.end();
        JsonNode nobody = awaitVote(empty, v -> v.path("status").asText().equals("CLOSED"));
        assertThat(nobody.path("tie").asBoolean()).isTrue();
        assertThat(nobody.path("voters").asInt()).isZero();
        JsonNode both = getJson(votesPath(match));
        assertThat(both.path("items").get(0).path("voteEventId").asText()).as("newest first").isEqualTo(empty.id);
        assertThat(both.path("items").get(1).path("voteEventId").asText()).isEqualTo(vote.id);
    }

    static boolean allRefunded(JsonNode page) {
        for (JsonNode item : page.path("items")) {
            if (!item.path("refunded").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    /**
     * S1, V5: the winner's award counts in the table's points and ranking, and the table keeps it when a later result
     * recomputes it; every row is what the shared comparator makes of the results and the bonus.
     */
    @Test
    void theWinnersAwardIsInTheTableAndKeptWhenAResultRecomputesIt_V5_S1() throws Exception {
        Roster roster = confirmedRoster();
        List<MatchRef> day1 = leagueDrawn(roster, 32).subList(0, 18);
        awaitMatches(roster.id(), 144);
        List<LeagueResult> results = new ArrayList<>();
        MatchRef played = day1.get(0);
        results.add(played.asLeagueResult(play(played, 1, 0)));
        MatchRef live = day1.get(1);
        start(live);
        LiveVote vote = new LiveVote(live, 3, 5);
        vote.cast(viewer(100), live.b(), 4);
        vote.cast(viewer(100), live.a(), 1);
        assertThat(vote.end()).isEqualTo(live.b());
        Map<String, Integer> bonus = Map.of(live.b(), 3);

        String path = "/api/tournaments/" + roster.id() + "/standings";
        JsonNode table = awaitJson(path, s -> row(s, live.b()).path("bonusPoints").asInt() == 3);
        JsonNode awarded = row(table, live.b());
        assertThat(awarded.path("points").asInt()).as("S1: table points include the award").isEqualTo(3);
        assertThat(awarded.path("played").asInt()).isZero();
        assertThat(awarded.path("rank").asInt()).as("behind the 1–0 winner on goal difference").isEqualTo(2);
        assertTable(table, LeagueTable.rank(roster.entrants(), results, bonus));

        MatchResult result = MatchResult.played(live.a(), live.b(), 2, 0, null);
        complete(live, result, null);
        results.add(live.asLeagueResult(result));
        table = awaitJson(path, s -> row(s, live.b()).path("played").asInt() == 1);
        awarded = row(table, live.b());
        assertThat(awarded.path("bonusPoints").asInt()).as("kept by the recompute").isEqualTo(3);
        assertThat(awarded.path("points").asInt()).isEqualTo(3);
        assertThat(awarded.path("losses").asInt()).isEqualTo(1);
        assertTable(table, LeagueTable.rank(roster.entrants(), results, bonus));
    }

    static JsonNode row(JsonNode standings, String participantId) {
        for (JsonNode row : standings.path("rows")) {
            if (row.path("participantId").asText().equals(participantId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + participantId);
    }

    static void assertTable(JsonNode table, List<StandingsRow> expected) {
        for (StandingsRow want : expected) {
            JsonNode got = table.path("rows").get(want.rank() - 1);
            assertThat(List.of(got.path("participantId").asText(), got.path("rank").asInt(),
                    got.path("points").asInt(), got.path("bonusPoints").asInt(), got.path("played").asInt(),
                    got.path("opponentsPoints").asInt()))
                    .as("place " + want.rank())
                    .containsExactly(want.participantId(), want.rank(), want.points(), want.bonusPoints(),
                            want.played(), want.opponentsPoints());
        }
    }

    @Test
    void myVotesAreOnlyMineNewestFirstPagedAndNeedASession_V2() throws Exception {
        MatchRef match = liveMatch();
        LiveVote vote = new LiveVote(match, 1, 2);
        String me = viewer(1000);
        String someoneElse = viewer(1000);
        List<String> mine = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            mine.add(vote.cast(me, i % 2 == 0 ? match.a() : match.b(), i));
            vote.cast(someoneElse, match.a(), 1);
        }
        JsonNode first = awaitJson("/api/users/me/votes?page=0&size=2", p -> p.path("total").asInt() == 3,
                session(me));
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(castIds(first)).containsExactly(mine.get(2), mine.get(1));
        JsonNode newest = first.path("items").get(0);
        assertThat(newest.path("voteEventId").asText()).isEqualTo(vote.id);
        assertThat(newest.path("matchId").asText()).isEqualTo(match.id());
        assertThat(newest.path("votes").asInt()).isEqualTo(3);
        assertThat(newest.path("cost").asLong()).isEqualTo(6);
        assertThat(Instant.parse(newest.path("castAt").asText())).isAfterOrEqualTo(vote.startedAt);
        assertThat(newest.has("winnerParticipantId")).isTrue();
        assertThat(castIds(getJson("/api/users/me/votes?page=1&size=2", session(me)))).containsExactly(mine.get(0));
        awaitJson("/api/users/me/votes", p -> p.path("total").asInt() == 3, session(someoneElse));
        assertThat(castIds(getJson("/api/users/me/votes?size=100", session(someoneElse))))
                .doesNotContainAnyElementsOf(mine);

        var anonymous = get("/api/users/me/votes");
        assertThat(anonymous.statusCode()).as("needs a session").isEqualTo(401);
        assertThat(get("/api/users/me/votes", "X-Admin-Key", ADMIN_KEY).statusCode())
                .as("the admin key is nobody's").isIn(401, 403);
        assertThat(get("/api/users/me/votes?size=101", session(me)).statusCode()).isEqualTo(400);
    }

    /**
     * A tie and a won vote on one match, refunds and award included; then both processors replayed over the existing
     * rows: every vote, cast, award and standings row is the same, timestamps included (nothing counted twice).
     */
    @Test
    void aReplayRebuildsTheSameRows_V5_W3() throws Exception {
        Roster roster = confirmedRoster();
        MatchRef match = leagueDrawn(roster, 33).get(0);
        awaitMatches(roster.id(), 144);
        start(match);
        String a = viewer(300);
        String b = viewer(300);
        LiveVote tied = new LiveVote(match, 2, 3);
        tied.cast(a, match.a(), 5);
        tied.cast(b, match.b(), 5);
        tied.end();
        tied.refund();
        LiveVote won = new LiveVote(match, 2, 3);
        won.cast(a, match.a(), 2);
        won.cast(b, match.b(), 1);
        won.cast(a, match.a(), 1);
        won.end();
        awaitJson("/api/tournaments/" + roster.id() + "/standings",
                s -> row(s, match.a()).path("bonusPoints").asInt() == 2);
        awaitJson("/api/users/me/votes", p -> p.path("total").asInt() == 3 && p.path("items").get(2)
                .path("refunded").asBoolean(), session(a));
        awaitJson("/api/users/me/votes", p -> p.path("total").asInt() == 2 && p.path("items").get(1)
                .path("refunded").asBoolean(), session(b));
        Set<String> reads = new LinkedHashSet<>(List.of(votesPath(match),
                "/api/tournaments/" + roster.id() + "/standings"));
        List<Object> before = snapshot(roster.id(), match, reads, a, b);

        replay(TournamentProjection.PROCESSING_GROUP);
        replay(WalletLedgerProjection.PROCESSING_GROUP);
        assertThat(snapshot(roster.id(), match, reads, a, b)).isEqualTo(before);
        assertThat(row(getJson("/api/tournaments/" + roster.id() + "/standings"), match.a()).path("bonusPoints")
                .asInt()).as("the award counted once").isEqualTo(2);
    }

    List<Object> snapshot(String tournamentId, MatchRef match, Set<String> reads, String... users) throws Exception {
        List<Object> snapshot = new ArrayList<>();
        for (String read : reads) {
            snapshot.add(getJson(read));
        }
        for (String user : users) {
            snapshot.add(getJson("/api/users/me/votes", session(user)));
            snapshot.add(getJson("/api/users/me", session(user)));
        }
        snapshot.add(jdbc.queryForList("SELECT * FROM vote_events WHERE match_id = ? ORDER BY id", match.id()));
        snapshot.add(jdbc.queryForList("SELECT * FROM user_votes WHERE match_id = ? ORDER BY cast_id", match.id()));
        snapshot.add(jdbc.queryForList("SELECT * FROM vote_bonuses WHERE tournament_id = ? ORDER BY event_id",
                tournamentId));
        snapshot.add(jdbc.queryForList("SELECT * FROM league_standings WHERE tournament_id = ? ORDER BY participant_id",
                tournamentId));
        return snapshot;
    }

    String userOf(String participantId) {
        return jdbc.queryForObject("SELECT user_id FROM tournament_participants WHERE id = ?", String.class,
                participantId);
    }
}
