package com.streamflix.league.system;

import com.streamflix.league.testsupport.FakeTwitch;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The local start's Twitch stand-in, so a whole tournament runs with no Twitch account: the tests' {@link FakeTwitch}
 * (WireMock, on a loopback port) answering any OAuth grant (the broadcaster's token, its refresh and validation),
 * Helix users (the broadcaster {@code 1337}) and the subscriber check, where every user is a subscriber unless made a
 * non-subscriber ({@code POST /api/dev/viewers/{userId}/subscriber}, which installs a stub through WireMock's admin
 * API, {@code <stand-in>/__admin/mappings}). command-service runs in the dev profile against it; the dev profile
 * accepts Twitch credentials only when both Twitch base URLs are loopback addresses.
 */
final class DevTwitch {
    static final String ACCESS_TOKEN = "dev-broadcaster-access";
    static final String REFRESH_TOKEN = "dev-broadcaster-refresh";
    static final String SCOPES = "[\"channel:read:subscriptions\",\"channel:read:redemptions\"]";

    final FakeTwitch twitch;

    private DevTwitch(FakeTwitch twitch) {
        this.twitch = twitch;
    }

    static DevTwitch start() {
        FakeTwitch twitch = FakeTwitch.start();
        twitch.everyoneSubscribes();
        // any code or refresh token buys the broadcaster's token (the stand-in has no accounts to check)
        twitch.stub(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson("""
                {"access_token":"%s","expires_in":14400,"refresh_token":"%s","scope":%s,"token_type":"bearer"}"""
                .formatted(ACCESS_TOKEN, REFRESH_TOKEN, SCOPES))));
        twitch.stub(get(urlPathEqualTo("/helix/users")).willReturn(okJson("""
                {"data":[{"id":"%s","login":"streamer","display_name":"Streamer","type":"","broadcaster_type":"affiliate",\
                "description":"","profile_image_url":"","offline_image_url":"","view_count":0,\
                "created_at":"2020-01-01T00:00:00Z"}]}""".formatted(FakeTwitch.BROADCASTER_ID))));
        twitch.validateOk();
        return new DevTwitch(twitch);
    }

    String baseUrl() {
        return twitch.server.baseUrl();
    }

    /** What command-service needs to use the stand-in (it runs in the dev profile). */
    Map<String, String> environment() {
        return Map.of(
                "STREAMFLIX_TWITCH_APIBASEURL", twitch.helixBaseUrl(),
                "STREAMFLIX_TWITCH_AUTHBASEURL", twitch.authBaseUrl(),
                "STREAMFLIX_TWITCH_CLIENTID", FakeTwitch.CLIENT_ID,
                "STREAMFLIX_TWITCH_CLIENTSECRET", FakeTwitch.CLIENT_SECRET,
                "STREAMFLIX_TWITCH_BROADCASTERID", FakeTwitch.BROADCASTER_ID);
    }

    /**
     * The broadcaster's one-time grant, run as a browser would (our {@code /auth/broadcaster}, the stand-in's consent,
     * our callback), so the broadcaster counts as connected and the subscriber checks have a token.
     */
    static void connectBroadcaster(URI edge) throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        var start = browser.send(HttpRequest.newBuilder(edge.resolve("/auth/broadcaster")).build(),
                HttpResponse.BodyHandlers.discarding());
        var authorize = browser.send(HttpRequest.newBuilder(edge.resolve(location(start))).build(),
                HttpResponse.BodyHandlers.discarding());
        String state = queryParameter(URI.create(location(authorize)), "state");
        String pending = authorize.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("streamflix_oauth2=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new IllegalStateException("no pending authorization cookie"));
        var callback = browser.send(HttpRequest.newBuilder(edge.resolve("/login/oauth2/code/twitch-broadcaster?code=dev-code&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8))).header("Cookie", pending).build(),
                HttpResponse.BodyHandlers.discarding());
        if (!location(callback).contains("broadcaster=connected")) {
            throw new IllegalStateException("The broadcaster did not connect to the Twitch stand-in: "
                    + callback.statusCode() + " " + location(callback));
        }
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                response.uri() + " answered " + response.statusCode() + " without a redirect"));
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in " + uri);
    }
}
