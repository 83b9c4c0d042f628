package com.streamflix.league.command.config;

import com.streamflix.league.command.twitch.EventSubSignatureVerifier;
import com.streamflix.league.command.twitch.TwitchProperties;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class CommandServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Fails the start when the webhook secret is missing or outside Twitch's 10–100 characters. */
    @Bean
    EventSubSignatureVerifier eventSubSignatureVerifier(TwitchProperties twitch) {
        return new EventSubSignatureVerifier(twitch.webhookSecret());
    }

    /** Outside the dev profile, Twitch login needs the application's credentials: refuse to start without them. */
    @Bean
    @Profile("!dev")
    Object twitchCredentialsPresent(TwitchProperties twitch) {
        if (twitch.clientId() == null || twitch.clientId().isBlank()
                || twitch.clientSecret() == null || twitch.clientSecret().isBlank()) {
            throw new IllegalStateException("streamflix.twitch.client-id and streamflix.twitch.client-secret are required "
                    + "(only the dev profile runs without Twitch, with its dev login)");
        }
        return twitch.clientId();
    }

    /** Calls to Twitch never hang a request thread: short connect and read timeouts. */
    @Bean
    RestClient twitchRestClient(RestClient.Builder builder) {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build());
        factory.setReadTimeout(Duration.ofSeconds(5));
        return builder.requestFactory(factory).build();
    }

    /**
     * Outside the dev profile the channel must be named: without it, redemptions of any channel would be credited
     * (RULES W1) and nobody would be the broadcaster-admin. Its form (digits) is checked on TwitchProperties.
     */
    @Bean
    @Profile("!dev")
    Object twitchBroadcasterPresent(TwitchProperties twitch) {
        if (twitch.broadcasterId() == null) {
            throw new IllegalStateException("streamflix.twitch.broadcaster-id (the channel's numeric Twitch user id) is "
                    + "required (only the dev profile runs without it)");
        }
        return twitch.broadcasterId();
    }

    /** Correlation ids, and who did it: the {@code actor} of a command is copied onto the events it causes. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetadata.ACTOR, ActorMetadata.ACTOR_TYPE);
    }
}
