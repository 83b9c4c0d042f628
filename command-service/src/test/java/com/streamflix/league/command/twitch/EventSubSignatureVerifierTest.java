package com.streamflix.league.command.twitch;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published vectors of twitch.md §1.4, and the ways a signature can be wrong. */
class EventSubSignatureVerifierTest {

    // twitch-rs `verify_request` vector (recomputes with any HMAC-SHA256)
    static final String RS_SECRET = "secretabcd";
    static final String RS_ID = "ae2ff348-e102-16be-a3eb-6830c1bf38d2";
    static final String RS_TIMESTAMP = "2021-02-19T23:47:00.8091512Z";
    static final String RS_BODY = "{\"subscription\":{\"id\":\"ae2ff348-e102-16be-a3eb-6830c1bf38d2\",\"status\":\"enabled\",\"type\":\"channel.follow\",\"version\":\"1\",\"condition\":{\"broadcaster_user_id\":\"44429626\"},\"transport\":{\"method\":\"webhook\",\"callback\":\"null\"},\"created_at\":\"2021-02-19T23:47:00.7621315Z\"},\"event\":{\"user_id\":\"28408015\",\"user_login\":\"testFromUser\",\"user_name\":\"testFromUser\",\"broadcaster_user_id\":\"44429626\",\"broadcaster_user_login\":\"44429626\",\"broadcaster_user_name\":\"testBroadcaster\"}}";
    static final String RS_SIGNATURE = "sha256=d10f5bd9474b7ac7bd7105eb79c2d52768b4d0cd2a135982c3bf5a1d59a78823";

    // the project's redemption vector (millisecond timestamp)
    static final String SECRET = "this-is-a-test-secret";
    static final String ID = "17fa2df1-ad76-4804-bfa5-a40ef63efe63-msg";
    static final String TIMESTAMP = "2024-01-01T12:00:00.123Z";
    static final String BODY = "{\"subscription\":{\"id\":\"f1c2a387-161a-49f9-a165-0f21d7a4e1c4\",\"type\":\"channel.channel_points_custom_reward_redemption.add\",\"version\":\"1\",\"status\":\"enabled\",\"cost\":0,\"condition\":{\"broadcaster_user_id\":\"1337\"},\"transport\":{\"method\":\"webhook\",\"callback\":\"https://example.com/webhooks/callback\"},\"created_at\":\"2019-11-16T10:11:12.634234626Z\"},\"event\":{\"id\":\"17fa2df1-ad76-4804-bfa5-a40ef63efe63\",\"broadcaster_user_id\":\"1337\",\"broadcaster_user_login\":\"cool_user\",\"broadcaster_user_name\":\"Cool_User\",\"user_id\":\"9001\",\"user_login\":\"cooler_user\",\"user_name\":\"Cooler_User\",\"user_input\":\"pogchamp\",\"status\":\"unfulfilled\",\"reward\":{\"id\":\"92af127c-7326-4483-a52b-b0da0be61c01\",\"title\":\"title\",\"cost\":100,\"prompt\":\"reward prompt\"},\"redeemed_at\":\"2020-07-15T17:16:03.17106713Z\"}}";
    static final String SIGNATURE = "sha256=6281ebaad0219eecab97acc3e5dcf5affdec839fe9d24225909a960e34a2bc05";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsTheTwitchRsVector() {
        assertThat(RS_BODY).hasSize(458);
        assertThat(new EventSubSignatureVerifier(RS_SECRET).isValid(RS_ID, RS_TIMESTAMP, bytes(RS_BODY), RS_SIGNATURE))
                .isTrue();
    }

    @Test
    void acceptsTheRedemptionVectorAndSignsIt() {
        var verifier = new EventSubSignatureVerifier(SECRET);
        assertThat(BODY).hasSize(764);
        assertThat(verifier.isValid(ID, TIMESTAMP, bytes(BODY), SIGNATURE)).isTrue();
        assertThat(verifier.sign(ID, TIMESTAMP, bytes(BODY))).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsAnUpperCasePrefix() {
        assertThat(new EventSubSignatureVerifier(SECRET)
                .isValid(ID, TIMESTAMP, bytes(BODY), "SHA256=" + SIGNATURE.substring(7))).isTrue();
    }

    @Test
    void refusesATamperedBody() {
        String tampered = BODY.replace("\"cost\":100", "\"cost\":900");
        assertThat(new EventSubSignatureVerifier(SECRET).isValid(ID, TIMESTAMP, bytes(tampered), SIGNATURE)).isFalse();
    }

    @Test
    void refusesAnotherSecret() {
        assertThat(new EventSubSignatureVerifier("another-secret-value").isValid(ID, TIMESTAMP, bytes(BODY), SIGNATURE))
                .isFalse();
    }

    @Test
    void refusesAReformattedTimestampOrOtherMessageId() {
        var verifier = new EventSubSignatureVerifier(SECRET);
        assertThat(verifier.isValid(ID, "2024-01-01T12:00:00.123000Z", bytes(BODY), SIGNATURE)).isFalse();
        assertThat(verifier.isValid(ID + "x", TIMESTAMP, bytes(BODY), SIGNATURE)).isFalse();
    }

    @Test
    void refusesMalformedOrMissingSignatures() {
        var verifier = new EventSubSignatureVerifier(SECRET);
        assertThat(verifier.isValid(ID, TIMESTAMP, bytes(BODY), null)).isFalse();
        assertThat(verifier.isValid(ID, TIMESTAMP, bytes(BODY), SIGNATURE.substring(7))).isFalse();
        assertThat(verifier.isValid(ID, TIMESTAMP, bytes(BODY), SIGNATURE + "00")).isFalse();
        assertThat(verifier.isValid(ID, TIMESTAMP, bytes(BODY), "sha256=" + "zz".repeat(32))).isFalse();
        assertThat(verifier.isValid(null, TIMESTAMP, bytes(BODY), SIGNATURE)).isFalse();
        assertThat(verifier.isValid(ID, null, bytes(BODY), SIGNATURE)).isFalse();
    }

    @Test
    void refusesSecretsTwitchWouldRefuse() {
        assertThatThrownBy(() -> new EventSubSignatureVerifier("s3cRe7")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventSubSignatureVerifier(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
