package com.streamflix.league.command.wallet;

import com.streamflix.league.api.wallet.CreditPointsCommand;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.command.testsupport.CommandServiceTest;
import com.streamflix.league.command.testsupport.Http;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin's points adjustment over HTTP that the ledger cannot take is refused as problem+json naming the field,
 * with nothing recorded (RULES W2's upper edge, W3: nothing the read model cannot store becomes an event).
 */
class WalletBoundsIntegrationTest extends CommandServiceTest {
    @Autowired
    CommandGateway commands;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    static String uniqueUser() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    }

    @Test
    void anAdjustmentReasonWithANulIsRefusedNamingTheFieldAndRecordsNothing_W3() throws Exception {
        String user = uniqueUser();
        var response = http.asAdmin("POST", "/api/admin/users/" + user + "/points",
                "{\"amount\":10,\"reason\":\"bonus\\u0000\"}");
        assertThat(response.statusCode()).isIn(400, 422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo("reason");
        assertThat(events(user, "PointsCreditedEvent")).isZero();
    }

    @Test
    void anAdjustmentPastTheMaximumBalanceIsRefusedAndOneUpToItIsApplied_W2() throws Exception {
        String user = uniqueUser();
        commands.sendAndWait(new CreditPointsCommand(user, null, UserWallet.MAX_BALANCE - 50,
                TransactionType.ADMIN_ADJUSTMENT, "seed near the limit", null, "admin:seed-" + user));

        var refused = http.asAdmin("POST", "/api/admin/users/" + user + "/points",
                "{\"amount\":51,\"reason\":\"one too many\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        var problem = JSON.readTree(refused.body());
        assertThat(problem.path("type").asText()).endsWith("balance-limit-reached");
        assertThat(problem.path("field").asText()).isEqualTo("amount");
        assertThat(problem.path("maxBalance").asLong()).isEqualTo(UserWallet.MAX_BALANCE);
        assertThat(events(user, "PointsCreditedEvent")).isEqualTo(1);

        var applied = http.asAdmin("POST", "/api/admin/users/" + user + "/points",
                "{\"amount\":50,\"reason\":\"up to the limit\"}");
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(applied.body()).path("balance").asLong()).isEqualTo(UserWallet.MAX_BALANCE);
    }
}
