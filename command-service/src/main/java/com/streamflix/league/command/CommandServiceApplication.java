package com.streamflix.league.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The write side: HTTP commands, Twitch webhooks, aggregates and the event store. */
@SpringBootApplication(scanBasePackages = {"com.streamflix.league.command", "com.streamflix.league.support"})
@ConfigurationPropertiesScan({"com.streamflix.league.command", "com.streamflix.league.support"})
public class CommandServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
