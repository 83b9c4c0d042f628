package com.streamflix.league.realtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Live pushes: WebSockets fed by the event stream. */
@SpringBootApplication(scanBasePackages = {"com.streamflix.league.realtime", "com.streamflix.league.support"})
@ConfigurationPropertiesScan({"com.streamflix.league.realtime", "com.streamflix.league.support"})
@EnableScheduling
public class RealtimeServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(RealtimeServiceApplication.class, args);
    }
}
