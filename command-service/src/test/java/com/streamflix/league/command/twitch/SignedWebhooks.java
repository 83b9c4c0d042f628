package com.streamflix.league.command.twitch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** EventSub deliveries signed exactly as Twitch signs them (twitch.md §1.4), posted to a running command-service. */
final class SignedWebhooks {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final EventSubSignatureVerifier signer;

    SignedWebhooks(int port, String secret) {
        this.port = port;
        this.signer = new EventSubSignatureVerifier(secret);
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    Map<String, String> headers(String messageId, String timestamp, String body, String messageType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Twitch-Eventsub-Message-Id", messageId);
        headers.put("Twitch-Eventsub-Message-Timestamp", timestamp);
        headers.put("Twitch-Eventsub-Message-Signature",
                signer.sign(messageId, timestamp, body.getBytes(StandardCharsets.UTF_8)));
        headers.put("Twitch-Eventsub-Message-Type", messageType);
        headers.put("Twitch-Eventsub-Message-Retry", "0");
        headers.put("Twitch-Eventsub-Subscription-Type", ChannelPointsRedemptions.SUBSCRIPTION_TYPE);
        headers.put("Twitch-Eventsub-Subscription-Version", "1");
        return headers;
    }

    HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks/twitch"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A redemption notification, signed now. */
    HttpResponse<String> notification(String messageId, String body) throws Exception {
        return post(headers(messageId, now(), body, "notification"), body);
    }
}
