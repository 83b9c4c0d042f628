package com.streamflix.league.command.dev;

import com.streamflix.league.command.testsupport.CommandServiceTest;
import com.streamflix.league.command.testsupport.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the dev profile the dev helpers and the dev login do not exist, even for an admin. */
class DevHelpersAbsentIntegrationTest extends CommandServiceTest {

    @Test
    void theDevHelpersAnswer404OutsideTheDevProfile() throws Exception {
        Http http = new Http(port);
        for (String path : new String[]{"/api/dev/viewers", "/api/dev/viewers/dev-a/subscriber", "/api/dev/redemptions"}) {
            var answer = http.asAdmin("POST", path, "{\"count\":1,\"subscriber\":false,\"userId\":\"dev-a\",\"cost\":5}");
            assertThat(answer.statusCode()).as(path + " → " + answer.body()).isEqualTo(404);
        }
        assertThat(http.send("GET", "/auth/dev-login", java.util.Map.of(), null).statusCode()).isEqualTo(404);
        assertThat(events("dev-viewer_1", "WalletOpenedEvent")).isZero();
    }
}
