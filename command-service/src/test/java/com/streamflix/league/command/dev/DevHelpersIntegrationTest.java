package com.streamflix.league.command.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.command.testsupport.CommandServiceTest;
import com.streamflix.league.command.testsupport.Http;
import com.streamflix.league.command.testsupport.Sessions;
import com.streamflix.league.command.twitch.BroadcasterTokens;
import com.streamflix.league.command.twitch.TwitchProperties;
import com.streamflix.league.testsupport.FakeTwitch;
import com.streamflix.league.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dev profile's helpers (DevHelpers) next to a Twitch stand-in on this machine: admins only, dev viewers
 * registered through the real path (R1 included), signed redemptions credited through the real webhook.
 * Their absence outside the dev profile: {@link DevHelpersAbsentIntegrationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "streamflix.twitch.broadcaster-id=" + FakeTwitch.BROADCASTER_ID,
        "streamflix.twitch.client-id=" + FakeTwitch.CLIENT_ID,
        "streamflix.twitch.client-secret=" + FakeTwitch.CLIENT_SECRET,
        "streamflix.twitch.webhook-secret=dev-webhook-secret-0123",
        "streamflix.twitch.token-encryption-key=dev-token-encryption-key-0123456789abcdef",
        "streamflix.jwt.secret=" + CommandServiceTest.JWT_SECRET,
        "streamflix.admin.key=" + DevHelpersIntegrationTest.ADMIN_KEY,
        "streamflix.allowed-origins=" + CommandServiceTest.ALLOWED_ORIGIN})
@ActiveProfiles("dev")
class DevHelpersIntegrationTest {
    static final String ADMIN_KEY = "dev-admin-key-0123456789abcdef-0123456789";
    static final FakeTwitch TWITCH = FakeTwitch.start();
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
        registry.add("streamflix.twitch.api-base-url", TWITCH::helixBaseUrl);
        registry.add("streamflix.twitch.auth-base-url", TWITCH::authBaseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    BroadcasterTokens broadcasterTokens;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void broadcasterConnectedAndEveryoneSubscribes() {
        TWITCH.reset();
        TWITCH.everyoneSubscribes();
        broadcasterTokens.store(FakeTwitch.BROADCASTER_ID, "dev-access", "dev-refresh",
                Instant.now().plus(Duration.ofHours(2)), "channel:read:subscriptions channel:read:redemptions");
    }

    HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return new Http(port).send(method, path, Map.of("X-Admin-Key", ADMIN_KEY), body);
    }

    String tournamentOpenForRegistration() throws Exception {
        var created = admin("POST", "/api/admin/tournaments", "{\"name\":\"Dev cup\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asText();
        var opened = admin("POST", "/api/admin/tournaments/" + id + "/open-registration", null);
        assertThat(opened.statusCode()).as(opened.body()).isBetween(200, 204);
        return id;
    }

    @Test
    void signsInAndRegistersDevViewersThroughTheRealPath() throws Exception {
        String tournament = tournamentOpenForRegistration();
        var answer = admin("POST", "/api/dev/viewers",
                "{\"count\":3,\"tournamentId\":\"" + tournament + "\",\"prefix\":\"Reg\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("registered").asInt()).isEqualTo(3);
        assertThat(body.path("viewers")).hasSize(3);
        assertThat(body.path("viewers").get(0).path("userId").asText()).isEqualTo("dev-reg_1");
        assertThat(body.path("viewers").get(0).path("login").asText()).isEqualTo("reg_1");
        assertThat(body.path("viewers").get(0).path("registration").asText()).isEqualTo("PENDING");
        assertThat(events("dev-reg_3", "RegistrationSlotReservedEvent")).isEqualTo(1);

        var onlySignedIn = admin("POST", "/api/dev/viewers", "{\"count\":2,\"prefix\":\"solo\"}");
        assertThat(onlySignedIn.statusCode()).as(onlySignedIn.body()).isEqualTo(200);
        assertThat(JSON.readTree(onlySignedIn.body()).path("registered").asInt()).isZero();
        assertThat(events("dev-solo_2", "UserLoginChangedEvent") + events("dev-solo_2", "WalletOpenedEvent"))
                .isPositive();
    }

    @Test
    void aDevViewerCanBeMadeANonSubscriberAndIsThenRefusedByR1() throws Exception {
        String tournament = tournamentOpenForRegistration();
        var off = admin("POST", "/api/dev/viewers/dev-nosub_1/subscriber", "{\"subscriber\":false}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        var refused = admin("POST", "/api/dev/viewers", "{\"count\":1,\"tournamentId\":\"" + tournament
                + "\",\"prefix\":\"nosub\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("not-a-subscriber");

        assertThat(admin("POST", "/api/dev/viewers/dev-nosub_1/subscriber", "{\"subscriber\":true}").statusCode())
                .isEqualTo(200);
        var accepted = admin("POST", "/api/dev/viewers", "{\"count\":1,\"tournamentId\":\"" + tournament
                + "\",\"prefix\":\"nosub\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void aSignedRedemptionIsCreditedThroughTheRealWebhook() throws Exception {
        var sent = admin("POST", "/api/dev/redemptions", "{\"userId\":\"dev-earner\",\"cost\":250}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(sent.body());
        assertThat(body.path("status").asInt()).isBetween(200, 204);
        assertThat(body.path("messageId").asText()).isNotBlank();
        assertThat(events("dev-earner", "PointsCreditedEvent")).isEqualTo(1);
    }

    @Test
    void badInputIsAProblemAndOnlyAdminsMayCall() throws Exception {
        for (String[] call : new String[][]{
                {"/api/dev/viewers", "{\"count\":0}"},
                {"/api/dev/viewers", "{\"count\":2,\"prefix\":\"<b>\"}"},
                {"/api/dev/viewers", "{}"},
                {"/api/dev/redemptions", "{\"userId\":\"dev-x\",\"cost\":-1}"},
                {"/api/dev/redemptions", "{\"cost\":5}"},
                {"/api/dev/viewers/dev-x/subscriber", "{}"}}) {
            var answer = admin("POST", call[0], call[1]);
            assertThat(answer.statusCode()).as(call[0] + " " + call[1] + " → " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        var anonymous = new Http(port).send("POST", "/api/dev/viewers", Map.of(), "{\"count\":1}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        var viewer = new Http(port).send("POST", "/api/dev/viewers", Map.of("Cookie",
                Sessions.cookie("dev-someone", "someone"), "Origin", CommandServiceTest.ALLOWED_ORIGIN), "{\"count\":1}");
        assertThat(viewer.statusCode()).isEqualTo(403);
    }

    @Test
    void theDevProfileRefusesRealTwitchButAcceptsALocalStandIn() {
        var realTwitch = new TwitchProperties("client", "a-real-client-secret", "webhook-secret-0123", "1337",
                "https://api.twitch.tv/helix", "https://id.twitch.tv/oauth2", Map.of(),
                "token-encryption-key-0123456789abcdef-0123", Duration.ofSeconds(60));
        assertThatThrownBy(() -> DevTwitchGuard.refuseRealTwitch(realTwitch)).isInstanceOf(IllegalStateException.class);
        var halfReal = new TwitchProperties("client", "a-real-client-secret", "webhook-secret-0123", "1337",
                "http://localhost:9999/helix", "https://id.twitch.tv/oauth2", Map.of(),
                "token-encryption-key-0123456789abcdef-0123", Duration.ofSeconds(60));
        assertThatThrownBy(() -> DevTwitchGuard.refuseRealTwitch(halfReal)).isInstanceOf(IllegalStateException.class);
        var standIn = new TwitchProperties("client", "fake-client-secret", "webhook-secret-0123", "1337",
                "http://127.0.0.1:9999/helix", "http://localhost:9999/oauth2", Map.of(),
                "token-encryption-key-0123456789abcdef-0123", Duration.ofSeconds(60));
        assertThatCode(() -> DevTwitchGuard.refuseRealTwitch(standIn)).doesNotThrowAnyException();
        assertThat(DevTwitchGuard.isLoopback("http://localhost.evil.example/helix")).isFalse();
        assertThat(DevTwitchGuard.isLoopback("http://[::1]:8084/helix")).isTrue();
    }

    private int events(String aggregateId, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE ?", Integer.class, aggregateId, "%." + type);
    }
}
