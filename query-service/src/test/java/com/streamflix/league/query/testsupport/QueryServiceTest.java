package com.streamflix.league.query.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.streamflix.league.api.wallet.LedgerChain;
import com.streamflix.league.api.wallet.LedgerEntry;
import com.streamflix.league.api.wallet.PointsCreditedEvent;
import com.streamflix.league.api.wallet.PointsDebitedEvent;
import com.streamflix.league.api.wallet.PointsWrittenOffEvent;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.api.wallet.WalletOpenedEvent;
import com.streamflix.league.testsupport.TestDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * query-service over real HTTP against PostgreSQL, fed through the event store: tests append events as the
 * aggregates would, the tracking processors pick them up as in production, and every check polls until the read
 * model reflects them. Test classes extending this share one application context and one fresh database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "streamflix.admin.key=" + QueryServiceTest.ADMIN_KEY, "streamflix.audit.key=" + QueryServiceTest.AUDIT_KEY,
        "streamflix.audit.users=" + QueryServiceTest.AUDITOR})
public abstract class QueryServiceTest {
    public static final String JWT_SECRET = "integration-test-jwt-secret-0123456789abcdef";
    public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef-0123456789";
    public static final String AUDIT_KEY = "test-audit-key-0123456789abcdef-0123456789";
    /** A Twitch user id listed as an auditor: their session reads the audit endpoints. */
    public static final String AUDITOR = "auditor-user";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
        registry.add("streamflix.jwt.secret", () -> JWT_SECRET);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    protected ObjectMapper json;

    protected final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> chainHeads = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Long> balances = new HashMap<>();

    /** Appends events to one aggregate's stream, numbered as the aggregate would number them. */
    protected void append(String aggregateType, String aggregateId, Object... payloads) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload));
        }
        eventStore.publish(messages);
    }

    // ---- wallets (W3): each user's UserWallet stream, with the resulting balance the aggregate would record ---------

    /** A wallet opened with {@code login}, credited {@code points} by an admin if positive. */
    protected void wallet(String userId, String login, long points) {
        append("UserWallet", userId, new WalletOpenedEvent(userId, login));
        balances.put(userId, 0L);
        if (points > 0) {
            credit(userId, TransactionType.ADMIN_ADJUSTMENT, points, "starting points", null, "start:" + userId);
        }
    }

    /** The hash the user's next ledger entry follows, as the wallet computes it (tamper evidence, W3). */
    protected String chainHead(String userId) {
        return chainHeads.getOrDefault(userId, LedgerChain.start(userId));
    }

    private <E extends LedgerEntry> E chained(E entry) {
        chainHeads.put(entry.userId(), entry.chainHash());
        return entry;
    }

    protected long balance(String userId) {
        return balances.getOrDefault(userId, 0L);
    }

    protected void credit(String userId, TransactionType type, long amount, String reason, String relatedEntityId,
                          String key) {
        long balance = balances.merge(userId, amount, Long::sum);
        append("UserWallet", userId, chained(new PointsCreditedEvent(userId, type, amount, balance, reason,
                relatedEntityId, key, null).chainedTo(chainHead(userId))));
    }

    protected void debit(String userId, TransactionType type, long amount, String reason, String relatedEntityId,
                         String key) {
        long balance = balances.merge(userId, -amount, Long::sum);
        assertThat(balance).as("W2: " + userId + "'s balance").isNotNegative();
        append("UserWallet", userId, chained(new PointsDebitedEvent(userId, type, -amount, balance, reason,
                relatedEntityId, key, null).chainedTo(chainHead(userId))));
    }

    /** Takes back up to {@code amount} (never below zero, W2); the rest is written off (P4). */
    protected void reclaim(String userId, TransactionType type, long amount, String reason, String relatedEntityId,
                           String key) {
        long taken = Math.min(amount, balance(userId));
        if (taken > 0) {
            debit(userId, type, taken, reason, relatedEntityId, key);
        }
        if (taken < amount) {
            append("UserWallet", userId, chained(new PointsWrittenOffEvent(userId, type, amount - taken, reason,
                    relatedEntityId, key, null).chainedTo(chainHead(userId))));
        }
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    protected HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode getJson(String path, String... headers) throws Exception {
        var response = get(path, headers);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** A session cookie as API.md defines it (HS256: sub, name, iat, exp), as headers for {@link #get}. */
    protected static String[] session(String userId) {
        var key = new SecretKeySpec(JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        Instant now = Instant.now();
        var claims = JwtClaimsSet.builder().subject(userId).claim("name", "login_" + userId).issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1))).build();
        String token = new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        return new String[]{"Cookie", "streamflix_session=" + token};
    }

    /** An admin's session and key, so the calls keep working once /api/admin/** requires an admin. */
    protected static String[] admin() {
        String[] session = session("admin-user");
        return new String[]{session[0], session[1], "X-Admin-Key", ADMIN_KEY};
    }

    /** The answer to {@code path} once it is a 200 whose body satisfies {@code done}. */
    protected JsonNode awaitJson(String path, Predicate<JsonNode> done, String... headers) throws InterruptedException {
        return await(path, () -> {
            try {
                var response = get(path, headers);
                return response.statusCode() == 200 ? json.readTree(response.body()) : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, body -> body != null && done.test(body));
    }

    protected static <T> T await(String what, Supplier<T> read, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; last seen: " + value);
            }
            Thread.sleep(25);
            value = read.get();
        }
        return value;
    }

    /** Replays a processing group's whole stream over the existing rows and waits until it has handled it all. */
    protected void replay(String processingGroup) throws InterruptedException {
        StreamingEventProcessor processor = processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        // A replay token stays "replaying" until an event past the reset position arrives; having handled every
        // event up to that position is what matters here.
        await("the replay of " + processingGroup, processor::processingStatus, status -> !status.isEmpty()
                && status.values().stream().allMatch(s -> s.isCaughtUp() && (!s.isReplaying()
                || s.getCurrentPosition().orElse(-1) >= s.getResetPosition().orElse(Long.MAX_VALUE))));
    }
}
