package com.streamflix.league.support.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.UncheckedIOException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The shared advice with the strict JSON converter: read limits named, a body past the size limit 413, the database out of reach 503. */
class ProblemAdviceTest {

    @RestController
    static class Endpoints {
        record Named(String name) {
        }

        @PostMapping("/tree")
        String tree(@RequestBody JsonNode body) {
            return "ok";
        }

        @PostMapping("/named")
        String named(@RequestBody Named body) {
            return body.name();
        }

        @GetMapping("/pool-timeout")
        String poolTimeout() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
        }

        /** As Axon or a repository would surface it: Spring's transient exception from the pool, wrapped again. */
        @GetMapping("/pool-timeout-wrapped")
        String poolTimeoutWrapped() {
            throw new IllegalStateException("command failed", new TransientDataAccessResourceException("x",
                    new SQLTransientConnectionException("request timed out")));
        }

        @GetMapping("/too-large")
        String tooLarge() {
            throw new UncheckedIOException(new BodySizeLimit.TooLarge(65536));
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalStateException("a bug");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Endpoints())
            .setControllerAdvice(new ProblemAdvice())
            .setMessageConverters(strictConverters())
            .build();

    private static HttpMessageConverter<?>[] strictConverters() {
        List<HttpMessageConverter<?>> converters = new ArrayList<>(List.of(
                new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json().build())));
        new StrictJson().extendMessageConverters(converters);
        return converters.toArray(HttpMessageConverter[]::new);
    }

    @Test
    void nestingUpTo32IsReadAndDeeperIsA400NamingTheLimit() throws Exception {
        postJson("/tree", "[".repeat(32) + "]".repeat(32)).andExpect(status().isOk());
        problem(postJson("/tree", "[".repeat(33) + "]".repeat(33)), 400)
                .andExpect(jsonPath("$.detail", containsString("nesting depth")));
    }

    @Test
    void aStringPast10000CharactersIsA400NamingTheField() throws Exception {
        postJson("/named", "{\"name\":\"" + "n".repeat(10_000) + "\"}").andExpect(status().isOk());
        problem(postJson("/named", "{\"name\":\"" + "n".repeat(10_001) + "\"}"), 400)
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail", containsString("String value length")))
                .andExpect(jsonPath("$.detail", containsString("10000")));
    }

    @Test
    void aNumberPast20DigitsIsA400() throws Exception {
        postJson("/tree", "[12345678901234567890]").andExpect(status().isOk());
        problem(postJson("/tree", "[123456789012345678901]"), 400)
                .andExpect(jsonPath("$.detail", containsString("Number value length")));
    }

    @Test
    void aPoolTimeoutIsA503WithRetryAfter() throws Exception {
        for (String path : List.of("/pool-timeout", "/pool-timeout-wrapped")) {
            problem(mvc.perform(get(path)), 503)
                    .andExpect(header().string("Retry-After", "2"))
                    .andExpect(jsonPath("$.type", containsString("database-unavailable")));
        }
    }

    @Test
    void aBodyPastTheLimitIsA413WhereverItSurfaces() throws Exception {
        problem(mvc.perform(get("/too-large")), 413).andExpect(jsonPath("$.maxBytes").value(65536));
    }

    @Test
    void anyOtherFailureStaysA500() throws Exception {
        problem(mvc.perform(get("/bug")), 500).andExpect(header().doesNotExist("Retry-After"));
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status));
    }
}
