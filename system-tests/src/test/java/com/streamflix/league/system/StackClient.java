package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Talks to a running stack the way Twitch, a browser and a viewer's tab do. */
final class StackClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REDEMPTION_TYPE = "channel.channel_points_custom_reward_redemption.add";

    final LocalStack stack;
    final URI edge;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StackClient(LocalStack stack) {
        this.stack = stack;
        this.edge = URI.create("http://localhost:" + stack.edge.port);
    }

    /** A session cookie exactly as API.md defines it (HS256, sub, name, iat, exp). */
    String sessionCookie(String userId, String login) {
        return sessionCookie(userId, login, Instant.now(), Duration.ofHours(1));
    }

    String sessionCookie(String userId, String login, Instant issuedAt, Duration lifetime) {
        return sessionCookie(userId, login, issuedAt, lifetime, stack.settings.secrets().jwtSecret());
    }

    String sessionCookie(String userId, String login, String secret) {
        return sessionCookie(userId, login, Instant.now(), Duration.ofHours(1), secret);
    }

    private String sessionCookie(String userId, String login, Instant issuedAt, Duration lifetime, String secret) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        var claims = JwtClaimsSet.builder().subject(userId).claim("name", login).issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime)).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return "streamflix_session=" + token;
    }

    /** Posts a channel-points redemption signed as Twitch signs it (twitch.md §1.4). */
    HttpResponse<String> redeem(String userId, String redemptionId, int cost) throws Exception {
        return redeem(stack.command().uri(""), userId, redemptionId, cost);
    }

    /** {@code base}: a service or the edge. */
    HttpResponse<String> redeem(URI base, String userId, String redemptionId, int cost) throws Exception {
        String body = """
                {"subscription":{"id":"sub-1","type":"%s","version":"1","status":"enabled","cost":0,\
                "condition":{"broadcaster_user_id":"1337"},"transport":{"method":"webhook","callback":"https://example.com/cb"},\
                "created_at":"2024-01-01T00:00:00Z"},"event":{"id":"%s","broadcaster_user_id":"1337",\
                "broadcaster_user_login":"streamer","broadcaster_user_name":"Streamer","user_id":"%s",\
                "user_login":"viewer_%s","user_name":"Viewer","user_input":"","status":"unfulfilled",\
                "reward":{"id":"reward-hydrate","title":"Hydrate","cost":%d,"prompt":""},\
                "redeemed_at":"2024-01-01T00:00:00Z"}}""".formatted(REDEMPTION_TYPE, redemptionId, userId, userId, cost);
        String messageId = UUID.randomUUID().toString();
        String timestamp = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        var request = HttpRequest.newBuilder(base.resolve("/api/webhooks/twitch"))
                .header("Content-Type", "application/json")
                .header("Twitch-Eventsub-Message-Id", messageId)
                .header("Twitch-Eventsub-Message-Timestamp", timestamp)
                .header("Twitch-Eventsub-Message-Signature", sign(messageId, timestamp, body))
                .header("Twitch-Eventsub-Message-Type", "notification")
                .header("Twitch-Eventsub-Message-Retry", "0")
                .header("Twitch-Eventsub-Subscription-Type", REDEMPTION_TYPE)
                .header("Twitch-Eventsub-Subscription-Version", "1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String sign(String messageId, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(stack.settings.secrets().webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((messageId + timestamp).getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> get(ServiceProcess service, String path, String cookie) throws Exception {
        return get(service.uri(""), path, cookie);
    }

    HttpResponse<String> get(URI base, String path, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(URI base, String method, String path, java.util.Map<String, String> headers, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An admin call with the X-Admin-Key, through the edge. */
    HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return send(edge, method, path, java.util.Map.of("X-Admin-Key", stack.settings.secrets().adminKey()), body);
    }

    /** A viewer's call with the session cookie from an allowed origin, through the edge. */
    HttpResponse<String> viewer(String userId, String method, String path, String body) throws Exception {
        return send(edge, method, path, java.util.Map.of("Cookie", sessionCookie(userId, "viewer_" + userId),
                "Origin", StackFixture.ALLOWED_ORIGIN), body);
    }

    /** A viewer's open tab on {@code /api/user/connect}; received messages queue up with their arrival time. */
    Socket connect(String cookie, String origin) {
        return connect(URI.create("ws://localhost:" + stack.realtime().port), cookie, origin);
    }

    Socket connect(URI base, String cookie, String origin) {
        return connect(base, "/api/user/connect", cookie, origin);
    }

    /** A viewer's tab on a match's public live channel (no cookie needed). */
    Socket watchMatch(String matchId, String origin) {
        return connect(URI.create("ws://localhost:" + stack.realtime().port), "/api/matches/" + matchId + "/live", null,
                origin);
    }

    Socket connect(URI base, String path, String cookie, String origin) {
        Socket socket = new Socket();
        var builder = http.newWebSocketBuilder();
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        socket.webSocket = builder.buildAsync(base.resolve(path), socket).join();
        return socket;
    }

    /** GETs {@code path} through the edge until it answers 200 with a body {@code ready} accepts (projections lag). */
    JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> ready) throws Exception {
        return awaitJson(path, ready, Duration.ofSeconds(15));
    }

    JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> ready, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            var response = get(edge, path, null);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && ready.test(JSON.readTree(response.body()))) {
                return JSON.readTree(response.body());
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " never got ready: " + last);
    }

    record Received(JsonNode message, long nanoTime) {
    }

    static final class Socket implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket webSocket;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long at = System.nanoTime();
                try {
                    messages.add(new Received(JSON.readTree(partial.toString()), at));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        Received next(Duration timeout) throws InterruptedException {
            Received received = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (received == null) {
                throw new AssertionError("no socket message within " + timeout);
            }
            return received;
        }

        @Override
        public void close() {
            webSocket.abort();
        }
    }
}
