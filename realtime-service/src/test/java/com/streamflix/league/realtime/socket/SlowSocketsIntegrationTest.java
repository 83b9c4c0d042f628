package com.streamflix.league.realtime.socket;

import com.streamflix.league.api.wallet.PointsCreditedEvent;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.realtime.wallet.UserSockets;
import com.streamflix.league.testsupport.TestDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sending limits and the keep-alive on real sockets against the running service, in a context of its own: a
 * short ping interval and a short send time limit. The unit tests fake a slow tab by
 * throwing from a recording session; here a client really stops reading.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "streamflix.realtime.ping-interval=200ms", "streamflix.realtime.send-timeout=500ms"})
class SlowSocketsIntegrationTest {
    private static final String JWT_SECRET = "integration-test-jwt-secret-0123456789abcdef";
    private static final String ORIGIN = "https://league.example";
    private static final Duration TIMEOUT = SocketClient.TIMEOUT;

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
        registry.add("streamflix.jwt.secret", () -> JWT_SECRET);
        registry.add("streamflix.allowed-origins", () -> ORIGIN);
    }

    /**
     * A small kernel send buffer on the server's sockets: otherwise loopback buffers take megabytes before a send
     * blocks, and the test would need tens of thousands of pushes to reach the limit a slow phone reaches at once.
     */
    @TestConfiguration
    static class SmallSendBuffers {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
            return factory -> factory.addConnectorCustomizers(c -> c.setProperty("socket.txBufSize", "4096"));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    UserSockets userSockets;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The live processor takes its head token once started; an event appended before would not be pushed. */
    @BeforeEach
    void livePushesAreFollowingTheStream() throws InterruptedException {
        StreamingEventProcessor processor = processing.eventProcessor(Push.LIVE_PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        awaitTrue(() -> !processor.processingStatus().isEmpty(), "the live processor claimed its segment");
    }

    /** The scheduled keep-alive (SocketConfiguration) reaches both channels' sockets, idle ones included. */
    @Test
    void idleSocketsOfBothChannelsArePinged() throws Exception {
        String userId = "u" + UUID.randomUUID().toString().substring(0, 8);
        try (SocketClient match = connect("/api/matches/m-" + UUID.randomUUID() + "/live", null);
             SocketClient user = connect("/api/user/connect", session(userId))) {
            assertThat(match.pinged.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("match pinged").isTrue();
            assertThat(user.pinged.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("user pinged").isTrue();
        }
    }

    /** RULES W4: a tab that stopped reading is closed at the send limit; the user's other tab gets every change. */
    @Test
    void aTabThatStoppedReadingIsClosedWhileTheOtherTabGetsEveryChange_W4() throws Exception {
        String user = "u" + UUID.randomUUID().toString().substring(0, 8);
        try (SocketClient reading = connect("/api/user/connect", session(user));
             Socket stalled = stalledTab(user)) {
            assertThat(reading.next().path("balance").asLong()).isZero();
            awaitTrue(() -> userSockets.openSockets() == 2, "both tabs registered");

            // credits in rounds a reading tab keeps up with (a burst would overflow any tab's queue), until the
            // stalled tab's kernel buffers are full and its send queue or send time runs out
            long balance = 0;
            for (int round = 0; round < 100 && userSockets.openSockets() == 2; round++) {
                List<GenericDomainEventMessage<?>> credits = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    balance++;
                    credits.add(new GenericDomainEventMessage<>("UserWallet", user, balance - 1,
                            new PointsCreditedEvent(user, TransactionType.ADMIN_ADJUSTMENT, 1, balance,
                                    "credit " + balance, null, "k" + balance, null)));
                }
                eventStore.publish(credits);
                // the reading tab misses nothing, in order, although its sibling stalled
                for (long expected = balance - 19; expected <= balance; expected++) {
                    assertThat(reading.next().path("balance").asLong()).isEqualTo(expected);
                }
            }
            awaitTrue(() -> userSockets.openSockets() == 1, "the stalled tab forgotten");
            // and it was really closed: reading it now ends in a close frame or the end of the stream, short of the
            // last change, rather than waiting for more
            assertThat(drainUntilClosed(stalled.getInputStream())).isLessThan((int) balance + 1);
            assertThat(userSockets.openSockets()).as("the reading tab still open").isEqualTo(1);
        }
    }

    /** Completes the handshake, then never reads again (a small receive buffer, so the stall shows quickly). */
    private Socket stalledTab(String user) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port), (int) TIMEOUT.toMillis());
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        byte[] nonce = new byte[16];
        new java.security.SecureRandom().nextBytes(nonce);
        socket.getOutputStream().write(("GET /api/user/connect HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Origin: " + ORIGIN + "\r\nCookie: streamflix_session=" + session(user) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("handshake answer").isNotNegative();
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
        return socket;
    }

    /** The text frames read before a close frame or the end of the stream; fails if the server keeps it open. */
    private static int drainUntilClosed(InputStream in) throws IOException {
        int texts = 0;
        try {
            while (true) {
                int opcode = in.read();
                if (opcode < 0 || (opcode & 0x0f) == 0x8) {
                    return texts;
                }
                long length = in.read() & 0x7f; // a server's frames are not masked
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                in.skipNBytes(length);
                if ((opcode & 0x0f) == 0x1) {
                    texts++;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the stalled tab was never closed");
        } catch (SocketException | java.io.EOFException reset) {
            return texts;
        }
    }

    private SocketClient connect(String path, String session) throws Exception {
        SocketClient client = new SocketClient();
        var builder = http.newWebSocketBuilder().header("Origin", ORIGIN);
        if (session != null) {
            builder.header("Cookie", "streamflix_session=" + session);
        }
        client.webSocket = builder.buildAsync(URI.create("ws://localhost:" + port + path), client)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return client;
    }

    private static String session(String userId) {
        return SocketClient.session(JWT_SECRET, userId);
    }

    private static void awaitTrue(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
