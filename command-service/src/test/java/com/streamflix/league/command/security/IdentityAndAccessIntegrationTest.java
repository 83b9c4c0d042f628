package com.streamflix.league.command.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.command.testsupport.CommandServiceTest;
import com.streamflix.league.command.testsupport.Http;
import com.streamflix.league.command.testsupport.Sessions;
import com.streamflix.league.support.security.KeyAuthenticationFilter;
import com.streamflix.league.command.twitch.BroadcasterTokens;
import com.streamflix.league.command.twitch.TokenCipher;
import com.streamflix.league.command.twitch.TwitchHelixClient;
import com.streamflix.league.command.twitch.TwitchProperties;
import com.streamflix.league.command.twitch.TwitchUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;


import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Login through the real security filter chain against a fake Twitch; sessions, CSRF, admin access, bans. */
class IdentityAndAccessIntegrationTest extends CommandServiceTest {

    @Autowired
    BroadcasterTokens broadcasterTokens;
    @Autowired
    TwitchHelixClient helix;
    @Autowired
    TwitchProperties twitch;

    Http http;

    @BeforeEach
    void freshTwitch() {
        http = new Http(port);
        TWITCH.reset();
        TWITCH.validateOk();
    }

    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) throws Exception {
        return sendFrom("198.51.100.1", method, path, headers, body);
    }

    /** As if through the edge proxy (a trusted internal address), for the client at {@code address}. */
    HttpResponse<String> sendFrom(String address, String method, String path, Map<String, String> headers,
                                  String body) throws Exception {
        Map<String, String> forwarded = new java.util.HashMap<>(headers);
        forwarded.put("X-Forwarded-For", address);
        return http.send(method, path, forwarded, body);
    }

    static String cookieValue(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
    }

    /** Runs the authorization-code flow the way a browser does, with the fake Twitch answering. */
    HttpResponse<String> twitchLogin(String registration, String code) throws Exception {
        var start = send("GET", "/oauth2/authorization/" + registration, Map.of(), null);
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(TWITCH.authBaseUrl() + "/authorize");
        var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
        assertThat(query.getFirst("client_id")).isEqualTo("fake-client-id");
        String state = query.getFirst("state");
        String pending = cookieValue(start, "streamflix_oauth2");
        return send("GET", "/login/oauth2/code/" + registration + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(java.net.URLDecoder.decode(state, java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8), Map.of("Cookie", pending), null);
    }

    @Test
    void aViewerLogsInWithTwitchAndGetsAWorkingSessionCookie() throws Exception {
        TWITCH.tokenForCode("viewer-code", "viewer-token", "viewer-refresh", 3600, "[]");
        TWITCH.user("viewer-token", "5551", "fake_viewer");

        var callback = twitchLogin("twitch", "viewer-code");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue("https://league.example/welcome");
        String setCookie = callback.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("streamflix_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("Secure").contains("SameSite=Lax").contains("Path=/");
        var me = send("GET", "/api/auth/me", Map.of("Cookie", cookieValue(callback, "streamflix_session")), null);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.path("userId").asText()).isEqualTo("5551");
        assertThat(body.path("login").asText()).isEqualTo("fake_viewer");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = '5551'"
                + " AND payload_type LIKE '%WalletOpenedEvent'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aRenamedViewerIsFollowedOnTheNextLogin() throws Exception {
        TWITCH.tokenForCode("first", "t1", "r1", 3600, "[]");
        TWITCH.user("t1", "5552", "old_name");
        assertThat(twitchLogin("twitch", "first").statusCode()).isEqualTo(302);
        TWITCH.tokenForCode("second", "t2", "r2", 3600, "[]");
        TWITCH.user("t2", "5552", "new_name");
        var second = twitchLogin("twitch", "second");
        var me = JSON.readTree(send("GET", "/api/auth/me", Map.of("Cookie", cookieValue(second, "streamflix_session")), null).body());
        assertThat(me.path("login").asText()).isEqualTo("new_name");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = '5552'"
                + " AND payload_type LIKE '%UserLoginChangedEvent'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aCallbackWithAForgedStateIsRefused() throws Exception {
        TWITCH.tokenForCode("viewer-code-2", "viewer-token-2", "r", 3600, "[]");
        TWITCH.user("viewer-token-2", "5553", "someone");
        var start = send("GET", "/oauth2/authorization/twitch", Map.of(), null);
        var callback = send("GET", "/login/oauth2/code/twitch?code=viewer-code-2&state=forged",
                Map.of("Cookie", cookieValue(start, "streamflix_oauth2")), null);
        assertThat(callback.headers().firstValue("Location").orElse("")).contains("login=failed");
        assertThat(callback.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("streamflix_session=e"));
    }

    @Test
    void forgedSessionsAreRefused() throws Exception {
        for (String cookie : List.of(Sessions.tampered("6001", "1337"), Sessions.expired("6001"),
                Sessions.unsigned("6001"), Sessions.foreignSigned("6001"))) {
            var me = send("GET", "/api/auth/me", Map.of("Cookie", cookie), null);
            assertThat(me.statusCode()).as(cookie).isEqualTo(401);
            assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(send("GET", "/api/auth/me", Map.of("Cookie", Sessions.cookie("6001", "ok")), null).statusCode())
                .isEqualTo(200);
    }

    /** Issue #13: after a secret rotation a stale cookie must not lock a viewer out of logging in again. */
    @Test
    void anInvalidSessionCookieIsClearedAndTheRequestServedAsAnonymous() throws Exception {
        for (String cookie : List.of("streamflix_session=garbage", Sessions.tampered("6004", "1337"),
                Sessions.expired("6004"), Sessions.unsigned("6004"), Sessions.foreignSigned("6004"))) {
            var login = send("GET", "/auth/login", Map.of("Cookie", cookie), null);
            assertThat(login.statusCode()).as(cookie).isEqualTo(302);
            assertThat(clearsTheSession(login)).as(cookie).isTrue();

            var me = send("GET", "/api/auth/me", Map.of("Cookie", cookie), null);
            assertThat(me.statusCode()).as(cookie).isEqualTo(401);
            assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(clearsTheSession(me)).as(cookie).isTrue();

            // no session at all, so 401 like any anonymous write, not the Origin check's 403 for a session's write
            var register = send("POST", "/api/tournaments/t-stale/register", Map.of("Cookie", cookie), null);
            assertThat(register.statusCode()).as(cookie).isEqualTo(401);
            assertThat(register.body()).contains("unauthenticated");
        }
        var valid = send("GET", "/api/auth/me", Map.of("Cookie", Sessions.cookie("6004", "ok")), null);
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(valid.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("streamflix_session="));
    }

    /** The key is nobody's session: {@code /api/auth/me} has no user to describe, a 403 and not a 500. */
    @Test
    void theAdminKeyAloneHasNoMe() throws Exception {
        var me = send("GET", "/api/auth/me", Map.of("X-Admin-Key", ADMIN_KEY), null);
        assertThat(me.statusCode()).isEqualTo(403);
        assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(me.body()).contains("forbidden");
    }

    /** A Set-Cookie expiring {@code streamflix_session} with the attributes it was issued with. */
    private static boolean clearsTheSession(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("streamflix_session=;")
                && c.contains("Max-Age=0") && c.contains("Path=/") && c.contains("HttpOnly") && c.contains("Secure")
                && c.contains("SameSite=Lax"));
    }

    @Test
    void cookieAuthenticatedWritesNeedAnAllowedOrigin() throws Exception {
        String admin = Sessions.cookie(BROADCASTER_ID, "streamer");
        String body = "{\"reason\":\"spam\"}";
        var noOrigin = send("POST", "/api/admin/users/7001/ban", Map.of("Cookie", admin), body);
        var foreign = send("POST", "/api/admin/users/7001/ban", Map.of("Cookie", admin, "Origin", "https://evil.example"), body);
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("forbidden-origin");
        assertThat(bannedEvents("7001")).isZero();
        var allowed = send("POST", "/api/admin/users/7001/ban", Map.of("Cookie", admin, "Origin", ALLOWED_ORIGIN), body);
        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(bannedEvents("7001")).isEqualTo(1);
    }

    @Test
    void logoutClearsTheCookieAndIsOriginChecked() throws Exception {
        String session = Sessions.cookie("6002", "viewer");
        assertThat(send("POST", "/auth/logout", Map.of("Cookie", session), null).statusCode()).isEqualTo(403);
        var out = send("POST", "/auth/logout", Map.of("Cookie", session, "Origin", ALLOWED_ORIGIN), null);
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("streamflix_session=;") && c.contains("Max-Age=0"));
    }

    @Test
    void adminAccessIsTheKeyTheBroadcasterOrAListedAdmin() throws Exception {
        String body = "{\"reason\":\"testing\"}";
        assertThat(send("POST", "/api/admin/users/7002/ban", Map.of("X-Admin-Key", "wrong-key"), body).statusCode())
                .isEqualTo(401);
        assertThat(send("POST", "/api/admin/users/7002/ban", Map.of(), body).statusCode()).isEqualTo(401);
        var viewer = send("POST", "/api/admin/users/7002/ban",
                Map.of("Cookie", Sessions.cookie("6003", "viewer"), "Origin", ALLOWED_ORIGIN), body);
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(bannedEvents("7002")).isZero();

        assertThat(send("POST", "/api/admin/users/7002/ban", Map.of("X-Admin-Key", ADMIN_KEY), body).statusCode())
                .isEqualTo(204);
        assertThat(send("POST", "/api/admin/users/7002/unban",
                Map.of("Cookie", Sessions.cookie(LISTED_ADMIN_ID, "mod"), "Origin", ALLOWED_ORIGIN), body).statusCode())
                .isEqualTo(204);
        // who did it is in the events' metadata
        assertThat(jdbc.queryForObject("""
                SELECT convert_from(meta_data, 'UTF8') FROM eventstore.domain_event_entry
                WHERE aggregate_identifier = '7002' AND payload_type LIKE '%UserBannedEvent'""", String.class))
                .contains("\"actor\":\"admin-key\"");
        assertThat(jdbc.queryForObject("""
                SELECT convert_from(meta_data, 'UTF8') FROM eventstore.domain_event_entry
                WHERE aggregate_identifier = '7002' AND payload_type LIKE '%UserUnbannedEvent'""", String.class))
                .contains("\"actor\":\"" + LISTED_ADMIN_ID + "\"");
    }

    @Test
    void repeatedWrongAdminKeysFromOneAddressAreSlowedDown() throws Exception {
        // from an address of its own, so the other tests' budget is untouched
        String guesser = "203.0.113.77";
        int refused = 0;
        for (int i = 0; i < KeyAuthenticationFilter.FAILURES_PER_MINUTE + 2; i++) {
            int status = sendFrom(guesser, "POST", "/api/admin/users/7003/ban", Map.of("X-Admin-Key", "guess-" + i),
                    "{\"reason\":\"x\"}").statusCode();
            if (status == 429) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(2);
        // even the right key is refused from this address until the bucket refills
        assertThat(sendFrom(guesser, "POST", "/api/admin/users/7003/ban", Map.of("X-Admin-Key", ADMIN_KEY),
                "{\"reason\":\"x\"}").statusCode()).isEqualTo(429);
        // another address is not affected
        assertThat(sendFrom("203.0.113.78", "POST", "/api/admin/users/7003/ban", Map.of("X-Admin-Key", ADMIN_KEY),
                "{\"reason\":\"x\"}").statusCode()).isEqualTo(204);
    }

    @Test
    void pointsAdjustmentsNeverGoBelowZeroAndRefuseBadInput_W2() throws Exception {
        var key = Map.of("X-Admin-Key", ADMIN_KEY);
        assertThat(send("POST", "/api/admin/users/7004/points", key, "{\"amount\":100,\"reason\":\"welcome gift\"}").body())
                .contains("\"balance\":100");
        var tooMuch = send("POST", "/api/admin/users/7004/points", key, "{\"amount\":-101,\"reason\":\"oops\"}");
        assertThat(tooMuch.statusCode()).isEqualTo(409);
        assertThat(tooMuch.body()).contains("insufficient-points").contains("\"balance\":100");
        var unknownField = send("POST", "/api/admin/users/7004/points", key, "{\"amount\":5,\"reason\":\"x\",\"bonus\":1}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("\"field\":\"bonus\"");
        var noReason = send("POST", "/api/admin/users/7004/points", key, "{\"amount\":5}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        var huge = send("POST", "/api/admin/users/7004/points", key, "{\"amount\":9223372036854775807,\"reason\":\"x\"}");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("amount");
        var badId = send("POST", "/api/admin/users/not%20an%20id/points", key, "{\"amount\":5,\"reason\":\"x\"}");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/admin/users/7004/points", key, "{\"amount\":-40,\"reason\":\"correction\"}").body())
                .contains("\"balance\":60");
    }

    @Test
    void theBroadcasterTokenIsRefreshedWhenExpiredAndTheSubscriberCheckThenWorks() throws Exception {
        broadcasterTokens.store(BROADCASTER_ID, "expired-access", "refresh-1", Instant.now().minusSeconds(60),
                "channel:read:subscriptions");
        TWITCH.refresh("refresh-1", "fresh-access", "refresh-2");
        TWITCH.subscription("fresh-access", "8001", true);
        TWITCH.subscription("fresh-access", "8002", false);

        assertThat(helix.isSubscriber("8001")).isTrue();
        assertThat(helix.isSubscriber("8002")).isFalse();
    }

    @Test
    void twitchsRateLimitIsHonouredUntilItsReset() throws Exception {
        broadcasterTokens.store(BROADCASTER_ID, "limited-access", "refresh-9", Instant.now().plusSeconds(3600),
                "channel:read:subscriptions");
        long reset = Instant.now().plusSeconds(3).getEpochSecond();
        TWITCH.helixFails(429, reset);
        assertThatThrownBy(() -> helix.isSubscriber("8101"))
                .isInstanceOf(TwitchUnavailableException.class)
                .satisfies(e -> assertThat(((TwitchUnavailableException) e).retryAfter()).isPositive()
                        .isLessThanOrEqualTo(java.time.Duration.ofSeconds(3)));
        int calls = TWITCH.server.getAllServeEvents().size();
        // with the bucket empty, we wait for the reset instead of calling Twitch again
        assertThatThrownBy(() -> helix.isSubscriber("8102")).isInstanceOf(TwitchUnavailableException.class);
        assertThat(TWITCH.server.getAllServeEvents()).hasSize(calls);
        TWITCH.reset();
        TWITCH.subscription("limited-access", "8102", true);
        while (Instant.now().getEpochSecond() <= reset) {
            Thread.sleep(100);
        }
        assertThat(helix.isSubscriber("8102")).isTrue();
    }

    @Test
    void aTokenTwitchRejectsIsRefreshedOnce() throws Exception {
        broadcasterTokens.store(BROADCASTER_ID, "revoked-access", "refresh-3", Instant.now().plusSeconds(3600),
                "channel:read:subscriptions");
        TWITCH.helixRejects("revoked-access");
        TWITCH.refresh("refresh-3", "fresh-access-2", "refresh-4");
        TWITCH.subscription("fresh-access-2", "8003", true);
        assertThat(helix.isSubscriber("8003")).isTrue();
    }

    @Test
    void theBroadcasterConnectsOnceAndTheTokenIsStoredEncrypted() throws Exception {
        TWITCH.tokenForCode("broadcaster-code", "broadcaster-access", "broadcaster-refresh", 14400,
                "[\"channel:read:subscriptions\",\"channel:read:redemptions\"]");
        TWITCH.user("broadcaster-access", BROADCASTER_ID, "streamer");
        var callback = twitchLogin("twitch-broadcaster", "broadcaster-code");
        assertThat(callback.headers().firstValue("Location").orElse("")).contains("broadcaster=connected");
        var stored = jdbc.queryForMap("SELECT access_token, refresh_token, scopes FROM twitch_broadcaster_token"
                + " WHERE broadcaster_id = ?", BROADCASTER_ID);
        // the tokens round-trip through the production cipher to exactly what Twitch issued, so they are neither
        // stored in clear nor garbled
        TokenCipher cipher = new TokenCipher(twitch.tokenEncryptionKey());
        byte[] access = (byte[]) stored.get("access_token");
        assertThat(new String(access, StandardCharsets.ISO_8859_1)).doesNotContain("broadcaster-access");
        assertThat(cipher.decrypt(access)).isEqualTo("broadcaster-access");
        assertThat(cipher.decrypt((byte[]) stored.get("refresh_token"))).isEqualTo("broadcaster-refresh");
        // each scope exactly: Twitch answers a JSON array, which a broken parse turns into '["channel:read:…",'
        assertThat(((String) stored.get("scopes")).split(" "))
                .containsExactlyInAnyOrder("channel:read:subscriptions", "channel:read:redemptions");
        TWITCH.subscription("broadcaster-access", "8004", true);
        assertThat(helix.isSubscriber("8004")).isTrue();
    }

    /** A fresh nonce per encryption: the same token stored twice must not give the same bytes (AES-GCM nonce reuse). */
    @Test
    void storingTheSameTokenTwiceGivesDifferentCiphertexts() {
        String sql = "SELECT access_token FROM twitch_broadcaster_token WHERE broadcaster_id = ?";
        broadcasterTokens.store(BROADCASTER_ID, "same-access", "same-refresh", Instant.now().plusSeconds(3600),
                "channel:read:subscriptions");
        byte[] first = jdbc.queryForObject(sql, byte[].class, BROADCASTER_ID);
        broadcasterTokens.store(BROADCASTER_ID, "same-access", "same-refresh", Instant.now().plusSeconds(3600),
                "channel:read:subscriptions");
        byte[] second = jdbc.queryForObject(sql, byte[].class, BROADCASTER_ID);
        assertThat(second).isNotEqualTo(first);
        TokenCipher cipher = new TokenCipher(twitch.tokenEncryptionKey());
        assertThat(cipher.decrypt(first)).isEqualTo(cipher.decrypt(second)).isEqualTo("same-access");
    }

    /** twitch.md §4.1: the hourly validation (its scheduled method, called here) records when Twitch last said yes. */
    @Test
    void theHourlyValidationRecordsWhenTwitchAcceptedTheToken() {
        broadcasterTokens.store(BROADCASTER_ID, "valid-access", "valid-refresh", Instant.now().plusSeconds(3600),
                "channel:read:subscriptions");
        jdbc.update("UPDATE twitch_broadcaster_token SET validated_at = '2000-01-01T00:00:00Z'"
                + " WHERE broadcaster_id = ?", BROADCASTER_ID);

        broadcasterTokens.validate();

        assertThat(jdbc.queryForObject("SELECT validated_at > now() - interval '1 minute' FROM twitch_broadcaster_token"
                + " WHERE broadcaster_id = ?", Boolean.class, BROADCASTER_ID)).as("validated_at moved to now").isTrue();
        // the stored token itself was shown to Twitch, decrypted
        TWITCH.server.verify(1, getRequestedFor(urlPathEqualTo("/oauth2/validate"))
                .withHeader("Authorization", equalTo("OAuth valid-access")));
    }

    /** A token Twitch calls invalid at validation is not recorded as validated, and is replaced by a refresh. */
    @Test
    void theHourlyValidationReplacesATokenTwitchRevoked() {
        broadcasterTokens.store(BROADCASTER_ID, "revoked-at-validation", "refresh-7", Instant.now().plusSeconds(3600),
                "channel:read:subscriptions");
        jdbc.update("UPDATE twitch_broadcaster_token SET validated_at = NULL WHERE broadcaster_id = ?", BROADCASTER_ID);
        TWITCH.stub(get(urlPathEqualTo("/oauth2/validate")).atPriority(1)
                .withHeader("Authorization", equalTo("OAuth revoked-at-validation"))
                .willReturn(aResponse().withStatus(401)
                        .withBody("{\"status\":401,\"message\":\"invalid access token\"}")));
        TWITCH.refresh("refresh-7", "fresh-after-validation", "refresh-8");

        broadcasterTokens.validate();

        assertThat(jdbc.queryForObject("SELECT validated_at FROM twitch_broadcaster_token WHERE broadcaster_id = ?",
                java.sql.Timestamp.class, BROADCASTER_ID)).as("never recorded as validated").isNull();
        assertThat(broadcasterTokens.accessToken()).isEqualTo("fresh-after-validation");
    }

    private int bannedEvents(String userId) {
        return events(userId, "UserBannedEvent");
    }
}
