package com.streamflix.league.query.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.prediction.PredictionBookSettledEvent;
import com.streamflix.league.api.prediction.PredictionSettlementLine;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.query.testsupport.CompetitionTest;
import com.streamflix.league.query.tournament.TournamentProjection;
import com.streamflix.league.query.wallet.WalletLedgerProjection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Predictions as viewers read them (RULES P1–P4; API.md {@code /api/matches/{id}/predictions}, {@code
 * /api/users/me/predictions}, {@code /api/leaderboard?by=won}): books filled, locked, settled and re-settled on the
 * {@code Match} stream as the command side appends them, the money on each viewer's wallet.
 */
class PredictionReadIntegrationTest extends CompetitionTest {

    /** A viewer with a wallet of {@code points}. */
    String viewer(long points) {
        String id = "v" + UUID.randomUUID().toString().substring(0, 8);
        wallet(id, "login_" + id, points);
        return id;
    }

    MatchRef match() throws InterruptedException {
        Roster roster = confirmedRoster();
        MatchRef match = leagueDrawn(roster, 21).get(0);
        awaitMatches(roster.id(), 144);
        return match;
    }

    JsonNode awaitBook(MatchRef match, String status, int round) throws InterruptedException {
        return awaitJson("/api/matches/" + match.id() + "/predictions",
                b -> b.path("status").asText().equals(status) && b.path("round").asInt() == round);
    }

    /** The viewer's prediction {@code id} once the read shows it in {@code status}. */
    JsonNode awaitMine(String user, String id, String status) throws InterruptedException {
        JsonNode page = awaitJson("/api/users/me/predictions?size=100", p -> mine(p, id) != null
                && mine(p, id).path("status").asText().equals(status), session(user));
        return mine(page, id);
    }

    static JsonNode mine(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** The user's value on the {@code by=won} board once it equals {@code expected}, read across its pages. */
    void awaitWon(String user, long expected) throws InterruptedException {
        await(user + " on the won board", () -> wonOf(user), value -> value != null && value == expected);
    }

    Long wonOf(String user) {
        try {
            for (int page = 0; ; page++) {
                JsonNode board = getJson("/api/leaderboard?by=won&size=100&page=" + page);
                for (JsonNode entry : board.path("items")) {
                    if (entry.path("userId").asText().equals(user)) {
                        return entry.path("value").asLong();
                    }
                }
                if (board.path("items").size() < 100) {
                    return null;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBookFillsWithPoolsCountsAndOddsAndLocksAtKickOff_P1() throws Exception {
        MatchRef match = match();
        JsonNode empty = getJson("/api/matches/" + match.id() + "/predictions");
        assertThat(empty.path("matchId").asText()).isEqualTo(match.id());
        assertThat(empty.path("status").asText()).isEqualTo("OPEN");
        assertThat(empty.path("poolA").asLong()).isZero();
        assertThat(empty.path("round").asInt()).isZero();
        for (String field : List.of("oddsA", "oddsB", "winnerParticipantId", "outcome")) {
            assertThat(empty.has(field)).as(field).isTrue();
            assertThat(empty.path(field).isNull()).as(field).isTrue();
        }

        Book book = new Book(match);
        String first = viewer(500);
        String second = viewer(500);
        String third = viewer(500);
        String predicted = book.place(first, match.a(), 100);
        JsonNode oneSided = awaitJson("/api/matches/" + match.id() + "/predictions", b -> b.path("countA").asInt() == 1);
        assertThat(oneSided.path("oddsA").asDouble()).isEqualTo(1.0);
        assertThat(oneSided.path("oddsB").isNull()).as("nobody backs B yet").isTrue();
        assertThat(awaitMine(first, predicted, "OPEN").path("payout").isNull()).isTrue();

        book.place(second, match.a(), 50);
        book.place(third, match.b(), 30);
        JsonNode open = awaitJson("/api/matches/" + match.id() + "/predictions", b -> b.path("countB").asInt() == 1);
        assertThat(open.path("status").asText()).isEqualTo("OPEN");
        assertThat(open.path("poolA").asLong()).isEqualTo(150);
        assertThat(open.path("poolB").asLong()).isEqualTo(30);
        assertThat(open.path("countA").asInt()).isEqualTo(2);
        assertThat(open.path("oddsA").asDouble()).isEqualTo(1.2);
        assertThat(open.path("oddsB").asDouble()).isEqualTo(6.0);

        start(match);
        book.lock();
        JsonNode locked = awaitBook(match, "LOCKED", 0);
        assertThat(locked.path("poolA").asLong()).isEqualTo(150);
        assertThat(locked.path("poolB").asLong()).isEqualTo(30);
        JsonNode mine = awaitMine(first, predicted, "LOCKED");
        assertThat(mine.path("matchId").asText()).isEqualTo(match.id());
        assertThat(mine.path("tournamentId").asText()).isEqualTo(match.tournamentId());
        assertThat(mine.path("participantId").asText()).isEqualTo(match.a());
        assertThat(mine.path("wager").asLong()).isEqualTo(100);
        assertThat(Instant.parse(mine.path("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(mine.path("settledAt").isNull()).isTrue();
    }

    @Test
    void aMatchNobodyPredictedOnHasAnEmptyBookLockedAtKickOffAndAnUnknownMatchIs404() throws Exception {
        MatchRef match = match();
        start(match);
        awaitBook(match, "LOCKED", 0);
        var unknown = get("/api/matches/no-such-match/predictions");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    /** ParimutuelTest's worked example: pool 18 over a winning stake of 10; the 2 points of rounding go as P2 says. */
    @Test
    void aSettledBookPaysTheWinnersProRataAndTheLosersNothing_P2() throws Exception {
        MatchRef match = match();
        Book book = new Book(match);
        String small = viewer(100);
        String firstThree = viewer(100);
        String secondThree = viewer(100);
        String lateThree = viewer(100);
        String loser = viewer(100);
        Map<String, String> predictions = new HashMap<>();
        predictions.put(small, book.place(small, match.a(), 1));
        predictions.put(firstThree, book.place(firstThree, match.a(), 3));
        predictions.put(secondThree, book.place(secondThree, match.a(), 3));
        predictions.put(loser, book.place(loser, match.b(), 8));
        predictions.put(lateThree, book.place(lateThree, match.a(), 3));
        start(match);
        book.lock();
        complete(match, MatchResult.played(match.a(), match.b(), 2, 0, null), null);
        book.settle(match.a(), null);

        JsonNode settled = awaitBook(match, "SETTLED", 1);
        assertThat(settled.path("outcome").asText()).isEqualTo("PAID");
        assertThat(settled.path("winnerParticipantId").asText()).isEqualTo(match.a());
        assertThat(settled.path("poolA").asLong() + settled.path("poolB").asLong()).isEqualTo(18);
        Map<String, Long> payouts = Map.of(small, 1L, firstThree, 6L, secondThree, 6L, lateThree, 5L, loser, 0L);
        long paid = 0;
        for (var expected : payouts.entrySet()) {
            String user = expected.getKey();
            JsonNode mine = awaitMine(user, predictions.get(user), expected.getValue() > 0 ? "WON" : "LOST");
            assertThat(mine.path("payout").asLong()).as(user).isEqualTo(expected.getValue());
            assertThat(mine.path("outcome").asText()).isEqualTo("PAID");
            assertThat(mine.path("reversed").asLong()).isZero();
            assertThat(mine.path("writtenOff").asLong()).isZero();
            assertThat(Instant.parse(mine.path("settledAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(mine.path("createdAt").asText()));
            paid += mine.path("payout").asLong();
            awaitWon(user, expected.getValue() - mine.path("wager").asLong());
            assertThat(awaitJson("/api/users/me", m -> true, session(user)).path("balance").asLong())
                    .isEqualTo(balance(user));
        }
        assertThat(paid).as("P2: payouts sum to the pool").isEqualTo(18);
    }

    @Test
    void aDrawnMatchRefundsEveryWagerInFull_P3() throws Exception {
        MatchRef match = match();
        Book book = new Book(match);
        String home = viewer(100);
        String away = viewer(100);
        String onHome = book.place(home, match.a(), 40);
        String onAway = book.place(away, match.b(), 25);
        start(match);
        book.lock();
        complete(match, MatchResult.played(match.a(), match.b(), 1, 1, null), null);
        book.settle(null, null);

        JsonNode settled = awaitBook(match, "SETTLED", 1);
        assertThat(settled.path("outcome").asText()).isEqualTo("REFUNDED_DRAW");
        assertThat(settled.path("winnerParticipantId").isNull()).as("a draw").isTrue();
        JsonNode homeRefund = awaitMine(home, onHome, "REFUNDED");
        assertThat(homeRefund.path("payout").asLong()).isEqualTo(40);
        assertThat(homeRefund.path("outcome").asText()).isEqualTo("REFUNDED_DRAW");
        assertThat(awaitMine(away, onAway, "REFUNDED").path("payout").asLong()).isEqualTo(25);
        awaitWon(home, 0);
        awaitWon(away, 0);
    }

    /**
     * Round 1 pays A's backers; the result is corrected to a win for B: round 2 reverses every round-1 payout as far as
     * each balance allows (the rest written off), then pays B's backer the pool. A replay of both processors and a
     * round 1 delivered again change nothing.
     */
    @Test
    void aCorrectedResultReversesTheFirstRoundAndSettlesAgain_P4() throws Exception {
        MatchRef match = match();
        Book book = new Book(match);
        String keeper = viewer(100);
        String spender = viewer(50);
        String backerOfB = viewer(30);
        String onA = book.place(keeper, match.a(), 100);
        String alsoOnA = book.place(spender, match.a(), 50);
        String onB = book.place(backerOfB, match.b(), 30);
        start(match);
        book.lock();
        MatchResult original = MatchResult.played(match.a(), match.b(), 1, 0, null);
        complete(match, original, null);
        book.settle(match.a(), null);
        assertThat(awaitMine(spender, alsoOnA, "WON").path("payout").asLong()).isEqualTo(60);
        assertThat(balance(spender)).isEqualTo(60);
        // The spender spends 20 of their 60 points before the correction, so only 40 can be taken back (W2)
        debit(spender, TransactionType.VOTE_SPEND, 20, "2 votes", "vote-1",
                "vote:" + spender);

        String reason = "the goal was offside";
        MatchResult corrected = MatchResult.played(match.a(), match.b(), 0, 1, null);
        correct(match, original, corrected, reason, null);
        book.settle(match.b(), reason);

        JsonNode resettled = awaitBook(match, "SETTLED", 2);
        assertThat(resettled.path("outcome").asText()).isEqualTo("PAID");
        assertThat(resettled.path("winnerParticipantId").asText()).isEqualTo(match.b());
        JsonNode keeperRow = awaitMine(keeper, onA, "LOST");
        assertThat(keeperRow.path("payout").asLong()).isZero();
        assertThat(keeperRow.path("reversed").asLong()).isEqualTo(120);
        assertThat(keeperRow.path("writtenOff").asLong()).isZero();
        JsonNode backerRow = awaitMine(backerOfB, onB, "WON");
        assertThat(backerRow.path("payout").asLong()).isEqualTo(180);
        assertThat(backerRow.path("reversed").asLong()).isZero();
        JsonNode spenderRow = awaitJson("/api/users/me/predictions", p -> mine(p, alsoOnA) != null
                && mine(p, alsoOnA).path("writtenOff").asLong() == 20, session(spender));
        assertThat(mine(spenderRow, alsoOnA).path("status").asText()).isEqualTo("LOST");
        assertThat(mine(spenderRow, alsoOnA).path("reversed").asLong()).isEqualTo(60);
        // the ledger's net: wager, payout and its reversal (what was actually taken back)
        awaitWon(keeper, -100 + 120 - 120);
        awaitWon(spender, -50 + 60 - 40);
        awaitWon(backerOfB, -30 + 180);

        List<JsonNode> before = List.of(resettled, getJson("/api/users/me/predictions", session(keeper)),
                getJson("/api/users/me/predictions", session(spender)),
                getJson("/api/users/me/predictions", session(backerOfB)));
        // Round 1 delivered again after round 2 (a retried append) is older than what the rows show
        append("Match", match.id(), new PredictionBookSettledEvent(match.id(), match.tournamentId(), 1, "PAID",
                match.a(), 180, 2, List.of(new PredictionSettlementLine(onA, keeper, match.a(), 100, 120),
                new PredictionSettlementLine(alsoOnA, spender, match.a(), 50, 60),
                new PredictionSettlementLine(onB, backerOfB, match.b(), 30, 0)), List.of(), null));
        replay(TournamentProjection.PROCESSING_GROUP);
        replay(WalletLedgerProjection.PROCESSING_GROUP);
        assertThat(List.of(getJson("/api/matches/" + match.id() + "/predictions"),
                getJson("/api/users/me/predictions", session(keeper)),
                getJson("/api/users/me/predictions", session(spender)),
                getJson("/api/users/me/predictions", session(backerOfB)))).isEqualTo(before);
        assertThat(wonOf(keeper)).isEqualTo(-100);
        assertThat(wonOf(spender)).isEqualTo(-30);
        assertThat(wonOf(backerOfB)).isEqualTo(150);
    }

    @Test
    void myPredictionsAreMineNewestFirstAndPaged_P1() throws Exception {
        Roster roster = confirmedRoster();
        List<MatchRef> matches = leagueDrawn(roster, 22);
        awaitMatches(roster.id(), 144);
        String me = viewer(1000);
        String someoneElse = viewer(1000);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Book book = new Book(matches.get(i));
            mine.add(book.place(me, matches.get(i).b(), 10 + i));
            book.place(someoneElse, matches.get(i).a(), 5);
        }
        JsonNode first = awaitJson("/api/users/me/predictions?page=0&size=2", p -> p.path("total").asInt() == 3,
                session(me));
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(ids(first)).containsExactly(mine.get(2), mine.get(1));
        assertThat(first.path("items").get(0).path("wager").asLong()).isEqualTo(12);
        JsonNode second = getJson("/api/users/me/predictions?page=1&size=2", session(me));
        assertThat(ids(second)).containsExactly(mine.get(0));

        assertThat(get("/api/users/me/predictions").statusCode()).as("needs a session").isEqualTo(401);
        assertThat(get("/api/users/me/predictions?size=101", session(me)).statusCode()).isEqualTo(400);
    }
}
