package com.streamflix.league.command.security;

import com.streamflix.league.command.testsupport.Http;
import com.streamflix.league.command.twitch.TwitchProperties;
import com.streamflix.league.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dev profile's login: any name, no Twitch; and never next to real Twitch credentials. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "streamflix.twitch.webhook-secret=dev-webhook-secret-0123",
        "streamflix.twitch.token-encryption-key=dev-token-encryption-key-0123456789abcdef",
        "streamflix.jwt.secret=dev-jwt-secret-0123456789abcdef-0123456789",
        "streamflix.admin.key=dev-admin-key-0123456789abcdef-0123456789",
        "streamflix.allowed-origins=http://localhost:8080",
        "streamflix.auth.success-url=/api/auth/me"})
@ActiveProfiles("dev")
class DevLoginIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void anyNameGetsASessionWithoutTwitch() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var form = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/dev-login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<form");
        var login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/dev-login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=Alice_01")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("streamflix_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        var me = new Http(port).send("GET", "/api/auth/me", Map.of("Cookie", cookie), null);
        assertThat(me.body()).contains("\"userId\":\"dev-alice_01\"").contains("\"login\":\"alice_01\"");
        var invalid = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/dev-login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=%3Cscript%3E")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(invalid.statusCode()).isEqualTo(400);
    }

    /** A stale cookie is cleared before the new session is set, so the browser ends up with the new one (issue #13). */
    @Test
    void aDevLoginOverAStaleCookieEndsWithTheNewSession() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/dev-login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "streamflix_session=signed.before.rotation")
                        .POST(HttpRequest.BodyPublishers.ofString("name=bob")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(303);
        var sessionCookies = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("streamflix_session=")).toList();
        assertThat(sessionCookies).hasSize(2);
        assertThat(sessionCookies.get(0)).startsWith("streamflix_session=;").contains("Max-Age=0");
        String issued = sessionCookies.get(1).substring(0, sessionCookies.get(1).indexOf(';'));
        assertThat(new Http(port).send("GET", "/api/auth/me", Map.of("Cookie", issued), null).body())
                .contains("\"userId\":\"dev-bob\"");
    }

    @Test
    void theDevLoginRefusesToExistNextToRealTwitchCredentials() {
        var realTwitch = new TwitchProperties("client", "a-real-client-secret", "webhook-secret-0123", "1337",
                "https://api.twitch.tv/helix", "https://id.twitch.tv/oauth2", Map.of(),
                "token-encryption-key-0123456789abcdef-0123", Duration.ofSeconds(60));
        assertThatThrownBy(() -> new DevLogin(null, null, null, realTwitch))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dev profile");
    }
}
