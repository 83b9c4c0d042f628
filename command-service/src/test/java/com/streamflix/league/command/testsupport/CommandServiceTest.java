package com.streamflix.league.command.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.testsupport.FakeTwitch;
import com.streamflix.league.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * command-service over real HTTP against PostgreSQL and a fake Twitch. Every test class extending this shares one
 * application context (same configuration), one fresh database and one fake Twitch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "streamflix.twitch.rewards.big-reward=500",
        "streamflix.twitch.broadcaster-id=" + CommandServiceTest.BROADCASTER_ID,
        "streamflix.twitch.client-id=fake-client-id",
        "streamflix.twitch.client-secret=fake-client-secret",
        "streamflix.twitch.webhook-secret=" + CommandServiceTest.WEBHOOK_SECRET,
        "streamflix.twitch.token-encryption-key=integration-test-token-encryption-key-0123",
        "streamflix.jwt.secret=" + CommandServiceTest.JWT_SECRET,
        "streamflix.admin.key=" + CommandServiceTest.ADMIN_KEY,
        "streamflix.admin.users=" + CommandServiceTest.LISTED_ADMIN_ID,
        "streamflix.allowed-origins=" + CommandServiceTest.ALLOWED_ORIGIN,
        "streamflix.auth.success-url=https://league.example/welcome",
        // above the 50 concurrent votes one test sends; VoteIntegrationTest also checks the 429 past it
        "streamflix.votes.burst=" + CommandServiceTest.VOTE_BURST,
        // likewise for the per-viewer write limit (RateLimitIntegrationTest checks it in a context of its own)
        "streamflix.rate-limits.user-writes-burst=1000"})
public abstract class CommandServiceTest {
    public static final String BROADCASTER_ID = "1337";
    public static final String LISTED_ADMIN_ID = "2002";
    public static final String WEBHOOK_SECRET = "integration-webhook-secret";
    public static final String JWT_SECRET = "integration-test-jwt-secret-0123456789abcdef";
    public static final String ADMIN_KEY = "integration-test-admin-key-0123456789abcdef";
    public static final String ALLOWED_ORIGIN = "https://league.example";
    public static final int VOTE_BURST = 60;

    protected static final FakeTwitch TWITCH = FakeTwitch.start();
    protected static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;

    /** How many events of {@code type} (simple name) the aggregate's stream holds: what was recorded, or not. */
    protected int events(String aggregateId, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE ?", Integer.class, aggregateId, "%." + type);
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
        registry.add("streamflix.twitch.api-base-url", TWITCH::helixBaseUrl);
        registry.add("streamflix.twitch.auth-base-url", TWITCH::authBaseUrl);
    }
}
