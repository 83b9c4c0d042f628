package com.streamflix.league.command.web;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.command.testsupport.CommandServiceTest;
import com.streamflix.league.command.twitch.EventSubSignatureVerifier;
import com.streamflix.league.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #13: bodies are bounded (streamflix.http.max-body-size, 64KB, the Twitch webhook included, whether the size
 * is declared or the body is chunked) and hostile JSON is refused at the parser, each as problem+json naming what was
 * wrong, and nothing is recorded.
 */
class HostileBodiesIntegrationTest extends CommandServiceTest {
    private static final int LIMIT = 64 * 1024;
    private final EventSubSignatureVerifier signer = new EventSubSignatureVerifier(WEBHOOK_SECRET);

    @Autowired
    RequestMappingHandlerAdapter mvc;

    /** Formerly read whole and credited: a signed 2 MB webhook body. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aTwoMegabyteSignedWebhookIsA413(boolean chunked) throws Exception {
        String userId = "9" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L);
        String body = redemption(userId, "x".repeat(2_000_000));
        var response = webhook(body, chunked);
        JsonNode problem = problem(response, 413);
        assertThat(problem.path("field").asText()).isEqualTo("body");
        assertThat(problem.path("maxBytes").asInt()).isEqualTo(LIMIT);
        assertThat(events(userId, "PointsCreditedEvent")).isZero();
    }

    /** The limit is exact for a chunked body: one byte past it fails, a body at it is read (and judged by its signature). */
    @Test
    void aChunkedBodyIsCountedToTheByte() throws Exception {
        String atLimit = "{\"pad\":\"" + "x".repeat(LIMIT - 10) + "\"}";
        assertThat(atLimit.length()).isEqualTo(LIMIT);
        var unsigned = RawHttp.send(port, "POST /api/webhooks/twitch HTTP/1.1\r\nContent-Type: application/json",
                atLimit.getBytes(StandardCharsets.UTF_8), true);
        assertThat(problem(unsigned, 403).path("type").asText()).endsWith("/invalid-signature");
        var past = RawHttp.send(port, "POST /api/webhooks/twitch HTTP/1.1\r\nContent-Type: application/json",
                (atLimit + " ").getBytes(StandardCharsets.UTF_8), true);
        problem(past, 413);
    }

    /** Declared, the body is refused for its size; chunked, the parser stops at the string's 10,001st character. */
    @Test
    void aHundredThousandCharacterStringIsRefusedByWhicheverLimitComesFirst() throws Exception {
        String body = "{\"reason\":\"" + "r".repeat(100_000) + "\"}";
        assertThat(problem(admin(body, false), 413).path("field").asText()).isEqualTo("body");
        JsonNode chunked = problem(admin(body, true), 400);
        assertThat(chunked.path("field").asText()).isEqualTo("reason");
        assertThat(chunked.path("detail").asText()).contains("String value length");
    }

    /** Under the body limit but past the parser's: named by field and limit, before validation runs. */
    @Test
    void aStringPastTenThousandCharactersIsRefusedByTheParser() throws Exception {
        var response = admin("{\"reason\":\"" + "r".repeat(20_000) + "\"}", false);
        JsonNode problem = problem(response, 400);
        assertThat(problem.path("field").asText()).isEqualTo("reason");
        assertThat(problem.path("detail").asText()).contains("String value length", "10000");
    }

    @Test
    void aNumberOfTwentyOneDigitsIsRefusedByTheParser() throws Exception {
        var response = RawHttp.send(port, adminHead("/api/admin/users/42/points"),
                "{\"amount\":123456789012345678901,\"reason\":\"r\"}".getBytes(StandardCharsets.UTF_8), false);
        JsonNode problem = problem(response, 400);
        assertThat(problem.path("detail").asText()).contains("Number value length", "20");
    }

    @Test
    void deepNestingIsAProblemNotAFailure() throws Exception {
        var response = admin("{\"reason\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", true);
        assertThat(problem(response, 400).path("field").asText()).isEqualTo("reason");
    }

    /** No request body binds free-form JSON deeper than 3 levels, so the depth limit is checked on the parser itself. */
    @Test
    void theHttpParserRefusesNestingPast32() throws Exception {
        ObjectMapper strict = mvc.getMessageConverters().stream()
                .filter(MappingJackson2HttpMessageConverter.class::isInstance)
                .map(c -> ((MappingJackson2HttpMessageConverter) c).getObjectMapper()).findFirst().orElseThrow();
        assertThat(strict.readTree("[".repeat(32) + "]".repeat(32)).isArray()).isTrue();
        assertThatThrownBy(() -> strict.readTree("[".repeat(33) + "]".repeat(33)))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("nesting depth");
    }

    private RawHttp.Response admin(String body, boolean chunked) throws Exception {
        return RawHttp.send(port, adminHead("/api/admin/users/42/ban"), body.getBytes(StandardCharsets.UTF_8), chunked);
    }

    private static String adminHead(String path) {
        return "POST " + path + " HTTP/1.1\r\nContent-Type: application/json\r\nX-Admin-Key: " + ADMIN_KEY
                + "\r\nAccept: text/html";
    }

    private RawHttp.Response webhook(String body, boolean chunked) throws Exception {
        String id = UUID.randomUUID().toString();
        String timestamp = Instant.now().toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/webhooks/twitch HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nTwitch-Eventsub-Message-Id: " + id + "\r\nTwitch-Eventsub-Message-Timestamp: " + timestamp
                + "\r\nTwitch-Eventsub-Message-Signature: " + signer.sign(id, timestamp, bytes)
                + "\r\nTwitch-Eventsub-Message-Type: notification"
                + "\r\nTwitch-Eventsub-Subscription-Type: channel.channel_points_custom_reward_redemption.add";
        return RawHttp.send(port, head, bytes, chunked);
    }

    private static String redemption(String userId, String title) {
        return """
                {"subscription":{"id":"sub-1","type":"channel.channel_points_custom_reward_redemption.add",\
                "version":"1","status":"enabled","cost":0,"condition":{"broadcaster_user_id":"%s"},\
                "transport":{"method":"webhook","callback":"https://example.com/cb"},"created_at":"2024-01-01T00:00:00Z"},\
                "event":{"id":"%s","broadcaster_user_id":"%s","broadcaster_user_login":"b","broadcaster_user_name":"B",\
                "user_id":"%s","user_login":"viewer","user_name":"Viewer","user_input":"","status":"unfulfilled",\
                "reward":{"id":"reward-big","title":"%s","cost":100,"prompt":""},"redeemed_at":"2024-01-01T00:00:00Z"}}"""
                .formatted(BROADCASTER_ID, UUID.randomUUID(), BROADCASTER_ID, userId, title);
    }

    private static JsonNode problem(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("<html", "<!doctype", "<body");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }
}
