package com.streamflix.league.command.config;

import com.streamflix.league.command.twitch.EventSubSignatureVerifier;
import com.streamflix.league.command.twitch.TwitchProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
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
}
