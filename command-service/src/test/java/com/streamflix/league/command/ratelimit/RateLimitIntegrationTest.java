package com.streamflix.league.command.ratelimit;

import com.streamflix.league.command.testsupport.CommandServiceTest;
import com.streamflix.league.command.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13: a viewer's writes and an address's logins are rate-limited (429 problem+json with Retry-After), each
 * key on its own; reads and admin keys are not counted as a viewer's writes. Small limits in a context of its own.
 */
@TestPropertySource(properties = {"streamflix.rate-limits.user-writes-burst=5",
        "streamflix.rate-limits.user-writes-per-second=1", "streamflix.rate-limits.logins-per-minute=5"})
class RateLimitIntegrationTest extends CommandServiceTest {
    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aViewersWritesBeyondTheBurstAnswer429WithRetryAfterAndOthersAreUnaffected() throws Exception {
        String viewer = "rl" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            assertThat(http.asUser(viewer, "POST", "/auth/logout", null).statusCode()).isEqualTo(204);
        }
        HttpResponse<String> limited = http.asUser(viewer, "POST", "/auth/logout", null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        assertThat(limited.body()).contains("too-many-requests");
        // reads are not writes; another viewer has a bucket of their own; the admin key is not a viewer
        assertThat(http.asUser(viewer, "GET", "/api/auth/me", null).statusCode()).isEqualTo(200);
        assertThat(http.asUser("other-" + viewer, "POST", "/auth/logout", null).statusCode()).isEqualTo(204);
        for (int i = 0; i < 7; i++) {
            assertThat(http.asAdmin("POST", "/api/admin/users/" + viewer + "/ban", "{\"reason\":\"test\"}")
                    .statusCode()).isNotEqualTo(429);
        }
        Thread.sleep(1_100); // refilled: one more write a second
        assertThat(http.asUser(viewer, "POST", "/auth/logout", null).statusCode()).isEqualTo(204);
    }

    @Test
    void loginAttemptsPerAddressAreLimited() throws Exception {
        int redirected = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 7; i++) {
            last = http.send("GET", "/auth/login", Map.of(), null);
            if (last.statusCode() == 302) {
                redirected++;
            }
        }
        assertThat(redirected).isEqualTo(5);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }
}
