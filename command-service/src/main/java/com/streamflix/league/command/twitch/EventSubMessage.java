package com.streamflix.league.command.twitch;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One authenticated EventSub delivery: its headers and the parsed body. */
public record EventSubMessage(String messageId, String messageType, String subscriptionType, Instant sentAt,
                              JsonNode body) {
    public static final String VERIFICATION = "webhook_callback_verification";
    public static final String NOTIFICATION = "notification";
    public static final String REVOCATION = "revocation";

    public String challenge() {
        return body.path("challenge").asText();
    }

    public JsonNode event() {
        return body.path("event");
    }

    public JsonNode subscription() {
        return body.path("subscription");
    }
}
