package com.streamflix.league.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The read side: projections of the event stream into PostgreSQL and the HTTP read API. */
@SpringBootApplication(scanBasePackages = {"com.streamflix.league.query", "com.streamflix.league.support"})
@ConfigurationPropertiesScan({"com.streamflix.league.query", "com.streamflix.league.support"})
public class QueryServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
