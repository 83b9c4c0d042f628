package com.streamflix.league.command.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.api.tournament.RegistrationStatus;
import com.streamflix.league.api.wallet.RecordLoginCommand;
import com.streamflix.league.command.tournament.TournamentRegistrations;
import com.streamflix.league.command.twitch.EventSubSignatureVerifier;
import com.streamflix.league.command.twitch.TwitchHelixClient;
import com.streamflix.league.command.twitch.TwitchProperties;
import com.streamflix.league.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dev profile's helpers for trying a whole tournament locally (admins only; outside the dev profile they do not
 * exist): sign in N dev viewers and register them through the real registration path (RULES R1–R3 apply), make a
 * viewer a non-subscriber at the Twitch stand-in (to see R1's refusal), and send a channel-points redemption signed
 * exactly as Twitch signs it to our own webhook endpoint (points are credited through the real path). Like the dev
 * login, they refuse to exist next to real Twitch credentials.
 */
@RestController
@Profile("dev")
@RequestMapping("/api/dev")
public class DevHelpers {
    static final String REDEMPTION_TYPE = "channel.channel_points_custom_reward_redemption.add";
    private static final String ID = "[A-Za-z0-9_-]{1,64}";

    private final CommandGateway commands;
    private final TournamentRegistrations registrations;
    private final TwitchHelixClient helix;
    private final TwitchProperties twitch;
    private final RestClient http;
    private final ObjectMapper json;
    private final Environment environment;
    private final EventSubSignatureVerifier signatures;

    public DevHelpers(CommandGateway commands, TournamentRegistrations registrations, TwitchHelixClient helix,
                      TwitchProperties twitch, RestClient twitchRestClient, ObjectMapper json, Environment environment,
                      EventSubSignatureVerifier signatures) {
        DevTwitchGuard.refuseRealTwitch(twitch);
        this.commands = commands;
        this.registrations = registrations;
        this.helix = helix;
        this.twitch = twitch;
        this.http = twitchRestClient;
        this.json = json;
        this.environment = environment;
        this.signatures = signatures;
    }

    public record NewViewers(@NotNull @Min(1) @Max(500) Integer count,
                             @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "an id: letters, digits, -") String tournamentId,
                             @Pattern(regexp = "[A-Za-z0-9_]{1,16}", message = "1 to 16 letters, digits or _") String prefix) {
    }

    public record Viewer(String userId, String login, RegistrationStatus registration) {
    }

    public record Viewers(List<Viewer> viewers, int registered) {
    }

    /** Viewers {@code <prefix>_<n>} (user id {@code dev-<login>}, as the dev login names them), n = 1..count. */
    @PostMapping("/viewers")
    public Viewers viewers(@Valid @RequestBody NewViewers body) {
        String prefix = (body.prefix() == null ? "viewer" : body.prefix()).toLowerCase(java.util.Locale.ROOT);
        List<Viewer> viewers = new ArrayList<>();
        int registered = 0;
        for (int n = 1; n <= body.count(); n++) {
            String login = prefix + "_" + n;
            String userId = "dev-" + login;
            commands.sendAndWait(new RecordLoginCommand(userId, login));
            RegistrationStatus status = null;
            if (body.tournamentId() != null) {
                status = registrations.register(body.tournamentId(), userId, login);
                registered++;
            }
            viewers.add(new Viewer(userId, login, status));
        }
        return new Viewers(viewers, registered);
    }

    public record Subscriber(@NotNull Boolean subscriber) {
    }

    public record SubscriberSet(String userId, boolean subscriber) {
    }

    /**
     * What the Twitch stand-in answers for this user's subscriber check: {@code false} installs a stub (WireMock's
     * admin API, next to the stand-in's Helix) that answers "not subscribed"; {@code true} removes it again.
     */
    @PostMapping("/viewers/{userId}/subscriber")
    public SubscriberSet subscriber(@PathVariable @Pattern(regexp = ID) String userId,
                                    @Valid @RequestBody Subscriber body) {
        URI mapping = standIn("/__admin/mappings/" + stubId(userId));
        try {
            http.delete().uri(mapping).retrieve().onStatus(code -> code.value() == 404, (req, res) -> { })
                    .toBodilessEntity();
            if (!body.subscriber()) {
                Map<String, Object> stub = Map.of(
                        "id", stubId(userId).toString(),
                        "priority", 1,
                        "request", Map.of("method", "GET", "urlPath", URI.create(twitch.apiBaseUrl()).getPath()
                                + "/subscriptions", "queryParameters", Map.of("user_id", Map.of("equalTo", userId))),
                        "response", Map.of("status", 200, "headers", Map.of("Content-Type", "application/json"),
                                "body", "{\"data\":[],\"pagination\":{},\"total\":0,\"points\":0}"));
                http.post().uri(standIn("/__admin/mappings")).contentType(MediaType.APPLICATION_JSON)
                        .body(json.writeValueAsString(stub)).retrieve().toBodilessEntity();
            }
        } catch (RestClientException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "twitch-stand-in-unavailable",
                    "The Twitch stand-in did not take the change: " + e.getMessage());
        }
        helix.forgetSubscriber(userId);
        return new SubscriberSet(userId, body.subscriber());
    }

    public record Redemption(@NotBlank @Pattern(regexp = ID) String userId, @NotNull @Min(1) @Max(1_000_000) Integer cost,
                             @Pattern(regexp = ID) String rewardId) {
    }

    public record Sent(String messageId, String redemptionId, int status) {
    }

    /** A channel-points redemption by {@code userId}, signed with our webhook secret and posted to our own webhook. */
    @PostMapping("/redemptions")
    public ResponseEntity<Sent> redemption(@Valid @RequestBody Redemption body) {
        String redemptionId = UUID.randomUUID().toString();
        String rewardId = body.rewardId() == null ? "dev-reward" : body.rewardId();
        String login = body.userId().startsWith("dev-") ? body.userId().substring(4) : body.userId();
        String payload = """
                {"subscription":{"id":"dev-subscription","type":"%s","version":"1","status":"enabled","cost":0,\
                "condition":{"broadcaster_user_id":"%s"},"transport":{"method":"webhook","callback":"http://localhost/api/webhooks/twitch"},\
                "created_at":"2024-01-01T00:00:00Z"},"event":{"id":"%s","broadcaster_user_id":"%s",\
                "broadcaster_user_login":"streamer","broadcaster_user_name":"Streamer","user_id":"%s",\
                "user_login":"%s","user_name":"%s","user_input":"","status":"unfulfilled",\
                "reward":{"id":"%s","title":"Dev reward","cost":%d,"prompt":""},"redeemed_at":"%s"}}"""
                .formatted(REDEMPTION_TYPE, twitch.broadcasterId(), redemptionId, twitch.broadcasterId(), body.userId(),
                        login, login, rewardId, body.cost(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String messageId = UUID.randomUUID().toString();
        String timestamp = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        var answer = http.post().uri("http://127.0.0.1:" + environment.getProperty("local.server.port")
                        + "/api/webhooks/twitch")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Twitch-Eventsub-Message-Id", messageId)
                .header("Twitch-Eventsub-Message-Timestamp", timestamp)
                .header("Twitch-Eventsub-Message-Signature", sign(messageId, timestamp, payload))
                .header("Twitch-Eventsub-Message-Type", "notification")
                .header("Twitch-Eventsub-Message-Retry", "0")
                .header("Twitch-Eventsub-Subscription-Type", REDEMPTION_TYPE)
                .header("Twitch-Eventsub-Subscription-Version", "1")
                .body(payload).retrieve().onStatus(code -> true, (req, res) -> { }).toBodilessEntity();
        return ResponseEntity.ok(new Sent(messageId, redemptionId, answer.getStatusCode().value()));
    }

    /** Signed with our webhook secret exactly as Twitch signs (the verifier's own HMAC). */
    private String sign(String messageId, String timestamp, String body) {
        return signatures.sign(messageId, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The stand-in's own address (scheme, host, port) with {@code path}; it is a loopback address (the guard). */
    private URI standIn(String path) {
        URI api = URI.create(twitch.apiBaseUrl());
        if (!DevTwitchGuard.isLoopback(twitch.apiBaseUrl())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "no-twitch-stand-in",
                    "streamflix.twitch.api-base-url is not a local Twitch stand-in");
        }
        return api.resolve(path);
    }

    private static UUID stubId(String userId) {
        return UUID.nameUUIDFromBytes(("dev-non-subscriber:" + userId).getBytes(StandardCharsets.UTF_8));
    }
}
