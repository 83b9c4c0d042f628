package com.streamflix.league.command.twitch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Twitch EventSub webhook transport (twitch.md §1, receiver checklist). The body is read as raw bytes so the
 * HMAC covers exactly what Twitch signed. Authentication is the signature: no cookie, no CSRF token.
 */
@RestController
public class TwitchWebhookController {
    static final String MESSAGE_ID = "Twitch-Eventsub-Message-Id";
    static final String TIMESTAMP = "Twitch-Eventsub-Message-Timestamp";
    static final String SIGNATURE = "Twitch-Eventsub-Message-Signature";
    static final String MESSAGE_TYPE = "Twitch-Eventsub-Message-Type";
    static final String SUBSCRIPTION_TYPE = "Twitch-Eventsub-Subscription-Type";
    /** Twitch's advice: refuse older messages as replays (twitch.md §1.5). */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final EventSubSignatureVerifier verifier;
    private final TwitchWebhookInbox inbox;
    private final ObjectMapper json;
    private final Clock clock;

    public TwitchWebhookController(EventSubSignatureVerifier verifier, TwitchWebhookInbox inbox, ObjectMapper json,
                                   Clock clock) {
        this.verifier = verifier;
        this.inbox = inbox;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/api/webhooks/twitch", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<String> receive(@RequestHeader(name = MESSAGE_ID, required = false) String messageId,
                                          @RequestHeader(name = TIMESTAMP, required = false) String timestamp,
                                          @RequestHeader(name = SIGNATURE, required = false) String signature,
                                          @RequestHeader(name = MESSAGE_TYPE, required = false) String messageType,
                                          @RequestHeader(name = SUBSCRIPTION_TYPE, required = false) String subscriptionType,
                                          @RequestBody(required = false) byte[] body) {
        if (!verifier.isValid(messageId, timestamp, body, signature)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "invalid-signature",
                    "The request does not carry a valid Twitch EventSub signature")
                    .with("field", SIGNATURE);
        }
        Instant sentAt = parseTimestamp(timestamp);
        if (Duration.between(sentAt, clock.instant()).abs().compareTo(MAX_AGE) > 0) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "stale-message",
                    "The message timestamp is more than 10 minutes away from now; refused as a possible replay")
                    .with("field", TIMESTAMP);
        }
        if (messageType == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "missing-header", "Missing header " + MESSAGE_TYPE)
                    .with("field", MESSAGE_TYPE);
        }
        requireStorable(messageId, MESSAGE_ID, 255);
        requireStorable(messageType, MESSAGE_TYPE, 64);
        JsonNode json = parse(body);
        String type = signedSubscriptionType(json, subscriptionType);
        if (type != null) {
            requireStorable(type, SUBSCRIPTION_TYPE, 255);
        }
        var message = new EventSubMessage(messageId, messageType, type, sentAt, json);
        requireBodyMatchesType(message);
        if (EventSubMessage.VERIFICATION.equals(messageType)) {
            // Answered with the raw challenge, exactly: 200, text/plain (twitch.md §1.3).
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(message.challenge());
        }
        inbox.accept(message);
        return ResponseEntity.noContent().build();
    }

    /**
     * The headers are not covered by the signature, the body is: the subscription type is read from the body, and
     * a header that contradicts it is refused.
     */
    private static String signedSubscriptionType(JsonNode body, String header) {
        String signed = body.path("subscription").path("type").asText(null);
        if (signed != null && header != null && !signed.equals(header)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-header",
                    "The subscription type header does not match the signed body").with("field", SUBSCRIPTION_TYPE);
        }
        return signed != null ? signed : header;
    }

    /**
     * The inbox records these in bounded columns; a value they cannot hold would fail on every redelivery. Twitch's
     * own are short and printable (UUIDs, type names).
     */
    private static void requireStorable(String value, String header, int maxLength) {
        if (value.isEmpty() || value.length() > maxLength || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-header",
                    header + " must be 1–" + maxLength + " printable characters").with("field", header);
        }
    }

    private static void requireBodyMatchesType(EventSubMessage message) {
        boolean consistent = switch (message.messageType()) {
            case EventSubMessage.VERIFICATION -> message.body().path("challenge").isTextual();
            case EventSubMessage.NOTIFICATION -> message.body().path("event").isObject();
            case EventSubMessage.REVOCATION -> message.body().path("subscription").isObject();
            default -> true; // unknown types are acknowledged and ignored
        };
        if (!consistent) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-body",
                    "The signed body is not a " + message.messageType() + " message").with("field", MESSAGE_TYPE);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException unreadable) {
            // answered below
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-body", "The body is not a JSON object");
    }

    private static Instant parseTimestamp(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).toInstant(); // RFC 3339, 0–9 fraction digits
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-header", "Unreadable timestamp")
                    .with("field", TIMESTAMP);
        }
    }
}
