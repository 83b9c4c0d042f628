package com.streamflix.league.command.twitch;

import com.streamflix.league.command.testsupport.CommandServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook over real HTTP against PostgreSQL: signature, replay window, message-id dedupe and redemption
 * idempotency (twitch.md receiver checklist, RULES W1). "Nothing credited" is read from the event store itself.
 */
class TwitchWebhookIntegrationTest extends CommandServiceTest {
    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    static final String SECRET = WEBHOOK_SECRET;
    static final String REDEMPTION_TYPE = ChannelPointsRedemptions.SUBSCRIPTION_TYPE;


    final HttpClient http = HttpClient.newHttpClient();
    final EventSubSignatureVerifier signer = new EventSubSignatureVerifier(SECRET);

    static String redemptionBody(String redemptionId, String userId, String rewardId, int cost) {
        return """
                {"subscription":{"id":"sub-1","type":"%s","version":"1","status":"enabled","cost":0,\
                "condition":{"broadcaster_user_id":"1337"},"transport":{"method":"webhook","callback":"https://example.com/cb"},\
                "created_at":"2024-01-01T00:00:00Z"},"event":{"id":"%s","broadcaster_user_id":"1337",\
                "broadcaster_user_login":"cool_user","broadcaster_user_name":"Cool_User","user_id":"%s",\
                "user_login":"viewer_%s","user_name":"Viewer","user_input":"","status":"unfulfilled",\
                "reward":{"id":"%s","title":"Hydrate","cost":%d,"prompt":""},"redeemed_at":"2024-01-01T00:00:00Z"}}"""
                .formatted(REDEMPTION_TYPE, redemptionId, userId, userId, rewardId, cost);
    }

    Map<String, String> headers(String messageId, String timestamp, String body, String messageType) {
        return webhooks().headers(messageId, timestamp, body, messageType);
    }

    HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
        return webhooks().post(headers, body);
    }

    private SignedWebhooks webhooks() {
        return new SignedWebhooks(port, SECRET);
    }

    HttpResponse<String> sendRedemption(String messageId, String redemptionId, String userId) throws Exception {
        String body = redemptionBody(redemptionId, userId, "reward-" + redemptionId, 100);
        return post(headers(messageId, now(), body, "notification"), body);
    }

    static String now() {
        return SignedWebhooks.now();
    }

    static String uniqueUser() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    }

    long creditedPoints(String userId) {
        // The ledger is the event store: sum what the wallet's credit events say was added.
        return jdbc.queryForList("""
                        SELECT convert_from(payload, 'UTF8') FROM eventstore.domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE '%PointsCreditedEvent'""", String.class, userId)
                .stream().mapToLong(json -> Long.parseLong(json.replaceAll(".*\"amount\":(\\d+).*", "$1"))).sum();
    }

    @Test
    void aSignedRedemptionCreditsTheRewardCost_W1() throws Exception {
        String user = uniqueUser();
        var response = sendRedemption(UUID.randomUUID().toString(), UUID.randomUUID().toString(), user);
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(creditedPoints(user)).isEqualTo(100);
    }

    @Test
    void aConfiguredRewardCreditsItsConfiguredPoints_W1() throws Exception {
        String user = uniqueUser();
        String body = redemptionBody(UUID.randomUUID().toString(), user, "big-reward", 100);
        assertThat(post(headers(UUID.randomUUID().toString(), now(), body, "notification"), body).statusCode())
                .isEqualTo(204);
        assertThat(creditedPoints(user)).isEqualTo(500);
    }

    @Test
    void aRedeliveredMessageCreditsOnce() throws Exception {
        String user = uniqueUser();
        String messageId = UUID.randomUUID().toString();
        assertThat(sendRedemption(messageId, UUID.randomUUID().toString(), user).statusCode()).isEqualTo(204);
        // the same message id again, even carrying another redemption: recognised by its id alone, not processed
        assertThat(sendRedemption(messageId, UUID.randomUUID().toString(), user).statusCode()).isEqualTo(204);
        assertThat(creditedPoints(user)).isEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM twitch_webhook_message WHERE message_id = ?",
                Integer.class, messageId)).isEqualTo(1);
    }

    @Test
    void aMalformedRedemptionIsAcknowledgedAndCreditsNothing() throws Exception {
        String user = uniqueUser();
        String body = redemptionBody(UUID.randomUUID().toString(), user, "r", 100).replace("\"user_id\":\"" + user + "\"",
                "\"user_id\":\"\"");
        assertThat(post(headers(UUID.randomUUID().toString(), now(), body, "notification"), body).statusCode())
                .isEqualTo(204);
        assertThat(creditedPoints(user)).isZero();
    }

    @Test
    void aSubscriptionTypeHeaderThatContradictsTheSignedBodyIsRefused() throws Exception {
        String user = uniqueUser();
        String body = redemptionBody(UUID.randomUUID().toString(), user, "r", 100);
        var headers = headers(UUID.randomUUID().toString(), now(), body, "notification");
        headers.put("Twitch-Eventsub-Subscription-Type", "channel.follow");
        assertThat(post(headers, body).statusCode()).isEqualTo(400);
        assertThat(creditedPoints(user)).isZero();
    }

    @Test
    void theSameRedemptionUnderANewMessageIdCreditsOnce_W1() throws Exception {
        String user = uniqueUser();
        String redemption = UUID.randomUUID().toString();
        assertThat(sendRedemption(UUID.randomUUID().toString(), redemption, user).statusCode()).isEqualTo(204);
        assertThat(sendRedemption(UUID.randomUUID().toString(), redemption, user).statusCode()).isEqualTo(204);
        assertThat(creditedPoints(user)).isEqualTo(100);
    }

    @Test
    void aTamperedBodyIsRefusedWithNothingCredited() throws Exception {
        String user = uniqueUser();
        String body = redemptionBody(UUID.randomUUID().toString(), user, "r", 100);
        var headers = headers(UUID.randomUUID().toString(), now(), body, "notification");
        var response = post(headers, body.replace("\"cost\":100", "\"cost\":100000"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(creditedPoints(user)).isZero();
    }

    @Test
    void aWrongSecretIsRefusedWithNothingCredited() throws Exception {
        String user = uniqueUser();
        String body = redemptionBody(UUID.randomUUID().toString(), user, "r", 100);
        String messageId = UUID.randomUUID().toString();
        String timestamp = now();
        var headers = headers(messageId, timestamp, body, "notification");
        headers.put("Twitch-Eventsub-Message-Signature", new EventSubSignatureVerifier("not-the-configured-secret")
                .sign(messageId, timestamp, body.getBytes(StandardCharsets.UTF_8)));
        assertThat(post(headers, body).statusCode()).isEqualTo(403);
        assertThat(creditedPoints(user)).isZero();
    }

    @Test
    void aStaleTimestampIsRefusedWithNothingCredited() throws Exception {
        String user = uniqueUser();
        String body = redemptionBody(UUID.randomUUID().toString(), user, "r", 100);
        String stale = Instant.now().minusSeconds(11 * 60).toString();
        var response = post(headers(UUID.randomUUID().toString(), stale, body, "notification"), body);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("stale-message");
        assertThat(creditedPoints(user)).isZero();
    }

    @Test
    void eachMissingHeaderIsRefusedWithNothingCredited() throws Exception {
        for (String missing : new String[]{"Twitch-Eventsub-Message-Id", "Twitch-Eventsub-Message-Timestamp",
                "Twitch-Eventsub-Message-Signature", "Twitch-Eventsub-Message-Type"}) {
            String user = uniqueUser();
            String body = redemptionBody(UUID.randomUUID().toString(), user, "r", 100);
            var headers = headers(UUID.randomUUID().toString(), now(), body, "notification");
            headers.remove(missing);
            assertThat(post(headers, body).statusCode()).as("without " + missing).isIn(400, 403);
            assertThat(creditedPoints(user)).as("without " + missing).isZero();
        }
    }

    @Test
    void verificationIsAnsweredWithTheRawChallenge() throws Exception {
        String body = """
                {"challenge":"pogchamp-kappa-360noscope-vohiyo","subscription":{"id":"sub-2",\
                "status":"webhook_callback_verification_pending","type":"%s","version":"1"}}""".formatted(REDEMPTION_TYPE);
        var response = post(headers(UUID.randomUUID().toString(), now(), body, "webhook_callback_verification"), body);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pogchamp-kappa-360noscope-vohiyo");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void revocationIsRecordedAndAcknowledged() throws Exception {
        double before = revocations();
        String messageId = UUID.randomUUID().toString();
        String body = """
                {"subscription":{"id":"sub-revoked","status":"authorization_revoked","type":"%s","version":"1"}}"""
                .formatted(REDEMPTION_TYPE);
        assertThat(post(headers(messageId, now(), body, "revocation"), body).statusCode()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT status FROM twitch_subscription_revocation WHERE message_id = ?",
                String.class, messageId)).isEqualTo("authorization_revoked");
        assertThat(revocations()).isEqualTo(before + 1); // what the monitoring profile alerts on
    }

    private double revocations() {
        var counter = meters.find("streamflix.twitch.subscription.revocations").tag("status", "authorization_revoked")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void unhandledSubscriptionTypesAreAcknowledgedAndIgnored() throws Exception {
        String user = uniqueUser();
        String body = """
                {"subscription":{"id":"sub-3","type":"channel.follow","version":"2"},"event":{"user_id":"%s"}}"""
                .formatted(user);
        var headers = headers(UUID.randomUUID().toString(), now(), body, "notification");
        headers.put("Twitch-Eventsub-Subscription-Type", "channel.follow");
        assertThat(post(headers, body).statusCode()).isEqualTo(204);
        assertThat(creditedPoints(user)).isZero();
    }

    @Test
    void anotherChannelsRedemptionCreditsNothing() throws Exception {
        String user = uniqueUser();
        String body = redemptionBody(UUID.randomUUID().toString(), user, "r", 100)
                .replace("\"broadcaster_user_id\":\"1337\",\"broadcaster_user_login\"",
                        "\"broadcaster_user_id\":\"4242\",\"broadcaster_user_login\"");
        assertThat(post(headers(UUID.randomUUID().toString(), now(), body, "notification"), body).statusCode())
                .isEqualTo(204);
        assertThat(creditedPoints(user)).isZero();
    }

    @Autowired
    WebhookInboxRetention retention;

    @Test
    void messageIdsAreForgottenAfterTheRetentionButRevocationsAreKept() throws Exception {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        jdbc.update("INSERT INTO twitch_webhook_message (message_id, message_type, message_timestamp, received_at)"
                + " VALUES (?, 'notification', now(), now() - interval '40 days')", old);
        jdbc.update("INSERT INTO twitch_webhook_message (message_id, message_type, message_timestamp, received_at)"
                + " VALUES (?, 'notification', now(), now() - interval '2 days')", recent);
        String revoked = UUID.randomUUID().toString();
        String body = """
                {"subscription":{"id":"sub-old","status":"authorization_revoked","type":"%s","version":"1"}}"""
                .formatted(REDEMPTION_TYPE);
        assertThat(post(headers(revoked, now(), body, "revocation"), body).statusCode()).isEqualTo(204);
        jdbc.update("UPDATE twitch_webhook_message SET received_at = now() - interval '40 days' WHERE message_id = ?", revoked);

        assertThat(retention.forgetOldMessages()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForList("SELECT message_id FROM twitch_webhook_message WHERE message_id IN (?, ?, ?)",
                String.class, old, recent, revoked)).containsExactlyInAnyOrder(recent, revoked);
    }
}
