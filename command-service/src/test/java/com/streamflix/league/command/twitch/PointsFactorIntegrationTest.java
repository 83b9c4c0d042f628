package com.streamflix.league.command.twitch;

import com.streamflix.league.command.testsupport.CommandServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES W1 with a factor other than 1 (in a context of its own): with the default factor an unmapped reward credits
 * its cost whether or not the factor is applied, so only here can that test fail.
 */
@TestPropertySource(properties = "streamflix.points.per-channel-point=3")
class PointsFactorIntegrationTest extends CommandServiceTest {

    @Test
    void anUnmappedRewardCreditsItsCostTimesTheFactor_W1() throws Exception {
        String user = TwitchWebhookIntegrationTest.uniqueUser();
        assertThat(redeem(user, "reward-" + UUID.randomUUID(), 100).statusCode()).isEqualTo(204);
        assertThat(credited(user)).isEqualTo(300);
    }

    /** The factor converts channel points; a mapped reward's configured points are already league points. */
    @Test
    void aMappedRewardCreditsItsConfiguredPointsUnscaled_W1() throws Exception {
        String user = TwitchWebhookIntegrationTest.uniqueUser();
        assertThat(redeem(user, "big-reward", 100).statusCode()).isEqualTo(204);
        assertThat(credited(user)).isEqualTo(500);
    }

    private HttpResponse<String> redeem(String user, String rewardId, int cost) throws Exception {
        String body = TwitchWebhookIntegrationTest.redemptionBody(UUID.randomUUID().toString(), user, rewardId, cost);
        return new SignedWebhooks(port, WEBHOOK_SECRET).notification(UUID.randomUUID().toString(), body);
    }

    /** What the wallet's stream says was credited (the ledger is the event store). */
    private long credited(String user) {
        return jdbc.queryForList("""
                        SELECT convert_from(payload, 'UTF8') FROM eventstore.domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE '%PointsCreditedEvent'""", String.class, user)
                .stream().mapToLong(json -> Long.parseLong(json.replaceAll(".*\"amount\":(\\d+).*", "$1"))).sum();
    }
}
