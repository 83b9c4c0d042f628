package com.streamflix.league.query.leaderboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.query.testsupport.QueryServiceTest;
import com.streamflix.league.query.wallet.WalletLedgerProjection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.streamflix.league.api.wallet.TransactionType.PREDICTION_PAYOUT;
import static com.streamflix.league.api.wallet.TransactionType.PREDICTION_REFUND;
import static com.streamflix.league.api.wallet.TransactionType.PREDICTION_REVERSAL;
import static com.streamflix.league.api.wallet.TransactionType.PREDICTION_WAGER;
import static com.streamflix.league.api.wallet.TransactionType.VOTE_SPEND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The points leaderboard (API.md {@code /api/leaderboard?by=balance|won}), public: by balance (W3) and by net
 * winnings from predictions (P2–P4), from the wallet events alone. The users of this class have far more points than
 * any other test's, so they lead both boards whatever else the shared database holds.
 */
class LeaderboardReadIntegrationTest extends QueryServiceTest {
    static final long RICH = 1_000_000_000_000_000L;
    /** Above every balance of the won board's test (at most 11 * RICH). */
    static final long TOP = 100 * RICH;

    /** {@code count} new user ids in ascending order (the tie-break), sharing a random prefix. */
    static List<String> users(int count) {
        String prefix = "lb" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(prefix + (char) ('a' + i));
        }
        return users;
    }

    static List<String> userIds(JsonNode board) {
        List<String> ids = new ArrayList<>();
        board.path("items").forEach(entry -> ids.add(entry.path("userId").asText()));
        return ids;
    }

    @Test
    void theBalanceBoardRanksHighestFirstWithTiesByUserId_W3() throws Exception {
        List<String> u = users(4);
        wallet(u.get(0), "login_a", 3 * TOP);
        wallet(u.get(1), "login_b", 5 * TOP);
        wallet(u.get(2), "login_c", 5 * TOP);  // ties with b: b's id is lower
        wallet(u.get(3), "login_d", 7 * TOP);
        debit(u.get(3), VOTE_SPEND, TOP, "votes", "vote-x", "spend:" + u.get(3));  // d: 6 * TOP

        JsonNode board = awaitJson("/api/leaderboard?by=balance&size=4",
                b -> userIds(b).equals(List.of(u.get(3), u.get(1), u.get(2), u.get(0))));
        assertThat(board.path("by").asText()).isEqualTo("balance");
        assertThat(board.path("page").asInt()).isZero();
        assertThat(board.path("size").asInt()).isEqualTo(4);
        assertThat(board.path("total").asLong()).isGreaterThanOrEqualTo(4);
        JsonNode top = board.path("items").get(0);
        assertThat(top.path("rank").asLong()).isEqualTo(1);
        assertThat(top.path("login").asText()).isEqualTo("login_d");
        assertThat(top.path("value").asLong()).isEqualTo(6 * TOP);
        assertThat(board.path("items").get(2).path("rank").asLong()).isEqualTo(3);

        JsonNode second = getJson("/api/leaderboard?by=balance&page=1&size=2");
        assertThat(userIds(second)).containsExactly(u.get(2), u.get(0));
        assertThat(second.path("items").get(0).path("rank").asLong()).isEqualTo(3);
        assertThat(getJson("/api/leaderboard?size=1").path("by").asText()).as("balance by default")
                .isEqualTo("balance");
    }

    /**
     * The won board ranks those who predicted by the signed sum of their prediction entries in the ledger: wagers,
     * payouts, refunds and P4 reversals. A replay of the ledger's processor counts nothing twice.
     */
    @Test
    void theWonBoardRanksPredictorsByTheirNetWinningsFromTheLedger_P2_P4() throws Exception {
        List<String> u = users(3);
        wallet(users(1).get(0), "bystander", 1);  // never predicts
        for (String user : u) {
            wallet(user, "login_" + user, 10 * RICH);
        }
        // a: wagers RICH, is paid 4 * RICH, then a correction takes back 4 * RICH and pays 2 * RICH: net +RICH
        debit(u.get(0), PREDICTION_WAGER, RICH, "Prediction", "p-a", "prediction-wager:p-a");
        credit(u.get(0), PREDICTION_PAYOUT, 4 * RICH, "PAID", "p-a", "prediction-settlement:p-a:1");
        reclaim(u.get(0), PREDICTION_REVERSAL, 4 * RICH, "offside", "p-a", "prediction-reversal:p-a:2");
        credit(u.get(0), PREDICTION_PAYOUT, 2 * RICH, "PAID", "p-a", "prediction-settlement:p-a:2");
        // b: wagers RICH, paid 3 * RICH: net 2 * RICH (leads)
        debit(u.get(1), PREDICTION_WAGER, RICH, "Prediction", "p-b", "prediction-wager:p-b");
        credit(u.get(1), PREDICTION_PAYOUT, 3 * RICH, "PAID", "p-b", "prediction-settlement:p-b:1");
        // c: wagers 2 * RICH and 1, both refunded, then wins RICH on a third: net +RICH, tied with a (a's id is lower)
        debit(u.get(2), PREDICTION_WAGER, 2 * RICH, "Prediction", "p-c1", "prediction-wager:p-c1");
        debit(u.get(2), PREDICTION_WAGER, 1, "Prediction", "p-c2", "prediction-wager:p-c2");
        credit(u.get(2), PREDICTION_REFUND, 2 * RICH, "REFUNDED_DRAW", "p-c1", "prediction-settlement:p-c1:1");
        credit(u.get(2), PREDICTION_REFUND, 1, "REFUNDED_DRAW", "p-c2", "prediction-settlement:p-c2:1");
        debit(u.get(2), PREDICTION_WAGER, RICH, "Prediction", "p-c3", "prediction-wager:p-c3");
        credit(u.get(2), PREDICTION_PAYOUT, 2 * RICH, "PAID", "p-c3", "prediction-settlement:p-c3:1");

        List<String> expected = List.of(u.get(1), u.get(0), u.get(2));
        JsonNode board = awaitJson("/api/leaderboard?by=won&size=3", b -> userIds(b).equals(expected));
        assertThat(board.path("by").asText()).isEqualTo("won");
        assertThat(board.path("items")).hasSize(3);
        assertThat(board.path("items").get(0).path("value").asLong()).isEqualTo(2 * RICH);
        assertThat(board.path("items").get(1).path("value").asLong()).isEqualTo(RICH);
        assertThat(board.path("items").get(2).path("value").asLong()).isEqualTo(RICH);
        assertThat(board.path("items").get(2).path("rank").asLong()).isEqualTo(3);
        long predictors = board.path("total").asLong();

        replay(WalletLedgerProjection.PROCESSING_GROUP);
        assertThat(getJson("/api/leaderboard?by=won&size=3")).isEqualTo(board);
        assertThat(getJson("/api/leaderboard?by=won&size=1").path("total").asLong())
                .as("only users who predicted are on the won board")
                .isEqualTo(predictors).isLessThan(getJson("/api/leaderboard?size=1").path("total").asLong());
    }

    @Test
    void anUnknownBoardOrPageIsA400ProblemNamingTheField() throws Exception {
        var response = get("/api/leaderboard?by=richest");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("field").asText()).isEqualTo("by");
        assertThat(json.readTree(get("/api/leaderboard?size=0").body()).path("field").asText()).isEqualTo("size");
    }
}
