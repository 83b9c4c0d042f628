package com.streamflix.league.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * An HTTP stub of the Twitch endpoints we call (OAuth token, validate, Helix users and subscriptions), answering
 * with Twitch's real shapes and quirks (a JSON-array {@code scope}, users wrapped in {@code data}).
 */
public final class FakeTwitch {
    public static final String CLIENT_ID = "fake-client-id";
    public static final String CLIENT_SECRET = "fake-client-secret";
    public static final String BROADCASTER_ID = "1337";

    public final WireMockServer server;

    private FakeTwitch(WireMockServer server) {
        this.server = server;
    }

    public static FakeTwitch start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return new FakeTwitch(server);
    }

    public String authBaseUrl() {
        return server.baseUrl() + "/oauth2";
    }

    public String helixBaseUrl() {
        return server.baseUrl() + "/helix";
    }

    public void reset() {
        server.resetAll();
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** The code → token exchange of the authorization-code flow (client_secret_post, as Twitch wants). */
    public void tokenForCode(String code, String accessToken, String refreshToken, int expiresIn, String scopeJsonArray) {
        stub(post(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + code))
                .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
                .willReturn(okJson("""
                        {"access_token":"%s","expires_in":%d,"refresh_token":"%s","scope":%s,"token_type":"bearer"}"""
                        .formatted(accessToken, expiresIn, refreshToken, scopeJsonArray))));
    }

    public void refresh(String refreshToken, String newAccessToken, String newRefreshToken) {
        stub(post(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + refreshToken))
                .willReturn(okJson("""
                        {"access_token":"%s","expires_in":14400,"refresh_token":"%s",\
                        "scope":["channel:read:subscriptions","channel:read:redemptions"],"token_type":"bearer"}"""
                        .formatted(newAccessToken, newRefreshToken))));
    }

    public void user(String accessToken, String id, String login) {
        stub(get(urlPathEqualTo("/helix/users"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withHeader("Client-Id", equalTo(CLIENT_ID))
                .willReturn(okJson("""
                        {"data":[{"id":"%s","login":"%s","display_name":"%s","type":"","broadcaster_type":"",\
                        "description":"","profile_image_url":"","offline_image_url":"","view_count":0,\
                        "created_at":"2020-01-01T00:00:00Z"}]}""".formatted(id, login, login))));
    }

    /** Get Broadcaster Subscriptions with user_id: the user in {@code data} when subscribed, else empty data. */
    public void subscription(String accessToken, String userId, boolean subscribed) {
        String data = subscribed ? """
                [{"broadcaster_id":"1337","broadcaster_login":"streamer","broadcaster_name":"Streamer","gifter_id":"",\
                "gifter_login":"","gifter_name":"","is_gift":false,"plan_name":"Tier 1","tier":"1000",\
                "user_id":"%s","user_name":"U","user_login":"u"}]""".formatted(userId) : "[]";
        stub(get(urlPathEqualTo("/helix/subscriptions"))
                .withQueryParam("broadcaster_id", equalTo(BROADCASTER_ID))
                .withQueryParam("user_id", equalTo(userId))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withHeader("Client-Id", equalTo(CLIENT_ID))
                .willReturn(okJson("""
                        {"data":%s,"pagination":{},"total":%d,"points":%d}""".formatted(data, subscribed ? 1 : 0,
                        subscribed ? 1 : 0)).withHeader("Ratelimit-Limit", "800").withHeader("Ratelimit-Remaining", "799")
                        .withHeader("Ratelimit-Reset", String.valueOf(System.currentTimeMillis() / 1000 + 60))));
    }

    /**
     * Every user is a subscriber (a catch-all at WireMock's default priority 5, echoing the asked {@code user_id});
     * a more specific stub, e.g. {@link #subscription} with {@code false} or a priority-1 stub, still wins.
     */
    public void everyoneSubscribes() {
        stub(get(urlPathEqualTo("/helix/subscriptions"))
                .withQueryParam("broadcaster_id", equalTo(BROADCASTER_ID))
                .willReturn(okJson("""
                        {"data":[{"broadcaster_id":"1337","broadcaster_login":"streamer","broadcaster_name":"Streamer",\
                        "gifter_id":"","gifter_login":"","gifter_name":"","is_gift":false,"plan_name":"Tier 1",\
                        "tier":"1000","user_id":"{{request.query.user_id}}","user_name":"U","user_login":"u"}],\
                        "pagination":{},"total":1,"points":1}""").withTransformers("response-template")
                        .withHeader("Ratelimit-Limit", "800").withHeader("Ratelimit-Remaining", "799")
                        .withHeader("Ratelimit-Reset", "{{now offset='60 seconds' format='unix'}}")));
    }

    /** Helix failing: a 5xx, or a 429 with the bucket empty until {@code resetEpochSecond}. */
    public void helixFails(int status, long resetEpochSecond) {
        stub(get(urlPathEqualTo("/helix/subscriptions")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Ratelimit-Limit", "800").withHeader("Ratelimit-Remaining", "0")
                .withHeader("Ratelimit-Reset", String.valueOf(resetEpochSecond))
                .withBody("{\"error\":\"Too Many Requests\",\"status\":" + status + ",\"message\":\"\"}")));
    }

    public void helixRejects(String accessToken) {
        stub(get(urlPathEqualTo("/helix/subscriptions"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(aResponse().withStatus(401).withBody("""
                        {"error":"Unauthorized","status":401,"message":"Invalid OAuth token"}""")));
    }

    public void validateOk() {
        stub(get(urlPathEqualTo("/oauth2/validate")).willReturn(okJson("""
                {"client_id":"%s","login":"streamer","scopes":["channel:read:subscriptions"],\
                "user_id":"%s","expires_in":5000}""".formatted(CLIENT_ID, BROADCASTER_ID))));
    }
}
