package com.streamflix.league.query.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.wallet.PointsCreditedEvent;
import com.streamflix.league.api.wallet.PointsDebitedEvent;
import com.streamflix.league.api.wallet.UserBannedEvent;
import com.streamflix.league.api.wallet.UserLoginChangedEvent;
import com.streamflix.league.api.wallet.WalletOpenedEvent;
import com.streamflix.league.query.testsupport.QueryServiceTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.streamflix.league.api.wallet.TransactionType.ADMIN_ADJUSTMENT;
import static com.streamflix.league.api.wallet.TransactionType.TWITCH_REWARD_REDEMPTION;
import static com.streamflix.league.api.wallet.TransactionType.VOTE_SPEND;
import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's projection (RULES W3) through the event store and the read API. */
class WalletLedgerIntegrationTest extends QueryServiceTest {

    static String newUser() {
        return "w" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aWalletOpenedByAnAdminWithoutALoginStillProjectsItsBanAndLedger_W3() throws Exception {
        String user = newUser();
        append("UserWallet", user,
                new WalletOpenedEvent(user, null),
                new UserBannedEvent(user, "cheating"),
                new PointsCreditedEvent(user, ADMIN_ADJUSTMENT, 50, 50, "goodwill", null, "adj-1", null),
                new UserLoginChangedEvent(user, "late_login"));
        JsonNode me = awaitJson("/api/users/me", m -> m.path("balance").asLong() == 50
                && m.path("login").asText().equals("late_login"), session(user));
        assertThat(me.path("banned").asBoolean()).isTrue();
        JsonNode ledger = getJson("/api/users/me/transactions", session(user));
        assertThat(ledger.path("total").asInt()).isEqualTo(1);
        JsonNode item = ledger.path("items").get(0);
        assertThat(item.has("relatedEntityId")).as("API.md field kept even when null").isTrue();
        assertThat(item.path("relatedEntityId").isNull()).isTrue();
        assertThat(item.path("type").asText()).isEqualTo("ADMIN_ADJUSTMENT");
    }

    @Test
    void theLedgerIsNewestFirstWithSignedAmountsAndResultingBalances_W3() throws Exception {
        String user = newUser();
        append("UserWallet", user,
                new WalletOpenedEvent(user, "viewer"),
                new PointsCreditedEvent(user, TWITCH_REWARD_REDEMPTION, 100, 100, "Channel Points: hug", "r1", "k1", null),
                new PointsDebitedEvent(user, VOTE_SPEND, -30, 70, "3 votes", "vote-1", "k2", null),
                new PointsCreditedEvent(user, TWITCH_REWARD_REDEMPTION, 5, 75, "Channel Points: hug", "r2", "k3", null));
        awaitJson("/api/users/me", m -> m.path("balance").asLong() == 75, session(user));
        JsonNode page = getJson("/api/users/me/transactions?page=0&size=2", session(user));
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("items").size()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("amount").asLong()).isEqualTo(5);
        assertThat(page.path("items").get(1).path("amount").asLong()).isEqualTo(-30);
        assertThat(page.path("items").get(1).path("balance").asLong()).isEqualTo(70);
        JsonNode last = getJson("/api/users/me/transactions?page=1&size=2", session(user));
        assertThat(last.path("items").get(0).path("amount").asLong()).isEqualTo(100);
    }
}
