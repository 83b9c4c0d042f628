package com.streamflix.league.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.query.testsupport.QueryServiceTest;
import com.streamflix.league.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13: whatever the path or the body's size, the answer is problem+json with the right status, never Tomcat's
 * or Spring Boot's HTML, whichever layer refuses it (Tomcat's URI check, Spring Security's firewall, the body limit).
 */
class HostileRequestsIntegrationTest extends QueryServiceTest {
    private static final String HTML = "Accept: text/html,application/xhtml+xml";

    /**
     * Refused by Tomcat before any filter runs (an encoded NUL, slash or backslash, a path above the root: formerly
     * its HTML 400) or by Spring Security's firewall ({@code ;}, {@code //}, {@code %25}: formerly Spring Boot's
     * error JSON, or its HTML for a browser).
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/tournaments/a%00b", "/api/tournaments/a%2Fb", "/api/tournaments/a%5Cb",
            "/api/../../etc/passwd", "/api/tournaments;jsessionid=1", "//api/tournaments", "/api/tournaments/%25",
            "/api/tournaments/a%3Bb"})
    void aPathTomcatOrTheFirewallRefusesIsAProblemNamingThePath(String path) throws Exception {
        var response = RawHttp.get(port, path, HTML);
        JsonNode problem = problem(response, 400);
        assertThat(problem.path("field").asText()).isEqualTo("path");
        assertThat(problem.path("type").asText()).endsWith("/invalid-request");
    }

    /** A control character Tomcat lets through (obs-text) is refused by the firewall when the header is read. */
    @Test
    void aControlCharacterInAHeaderIsA400NamingTheHeader() throws Exception {
        var response = RawHttp.get(port, "/api/admin/tournaments", HTML, "X-Admin-Key: key\u0085" + ADMIN_KEY);
        assertThat(problem(response, 400).path("field").asText()).isEqualTo("X-Admin-Key");
    }

    /** An ASCII control character never reaches us: Tomcat's parser answers a bare 400, without a page. */
    @Test
    void anAsciiControlCharacterInAHeaderIsA400WithoutHtml() throws Exception {
        var response = RawHttp.get(port, "/api/tournaments", HTML, "X-Probe: a\u0001b");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).doesNotContain("html");
        assertThat(response.body()).doesNotContain("<html");
    }

    @Test
    void anUnknownMethodIsA405Problem() throws Exception {
        var response = RawHttp.send(port, "PROPFIND /api/tournaments HTTP/1.1\r\n" + HTML, null, false);
        assertThat(problem(response, 405).path("field").asText()).isEqualTo("method");
    }

    @Test
    void theErrorPathAskedForDirectlyIsA404Problem() throws Exception {
        problem(RawHttp.get(port, "/error", HTML), 404);
    }

    /** A declared body over streamflix.http.max-body-size (64KB) is refused before anything reads it. */
    @Test
    void aTwoMegabyteBodyIsA413Problem() throws Exception {
        byte[] body = new byte[2_000_000];
        Arrays.fill(body, (byte) 'a');
        var response = RawHttp.send(port, "POST /api/tournaments HTTP/1.1\r\nContent-Type: application/json\r\n" + HTML,
                body, false);
        JsonNode problem = problem(response, 413);
        assertThat(problem.path("field").asText()).isEqualTo("body");
        assertThat(problem.path("maxBytes").asLong()).isEqualTo(64 * 1024);
    }

    private JsonNode problem(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("<html", "<!doctype", "<body");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }
}
