package com.streamflix.league.system;

import com.streamflix.league.testsupport.FakeTwitch;
import com.streamflix.league.testsupport.TestDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts the three services on a fresh database and free ports, logs under target/stack-logs/. */
final class StackFixture {
    static final String ALLOWED_ORIGIN = "https://league.example";

    private static LocalStack shared;
    /** The Twitch the shared stack talks to (OAuth token endpoint, Helix). */
    static final FakeTwitch TWITCH = FakeTwitch.start();

    private StackFixture() {
    }

    /** One stack for all system tests of this JVM (starting one costs ~20 s); stopped when the JVM exits. */
    static synchronized LocalStack shared() throws Exception {
        if (shared == null) {
            shared = startFresh("shared");
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    static LocalStack startFresh(String name) throws Exception {
        return startFresh(name, 1, 1, Map.of());
    }

    /**
     * A stack of its own with {@code commandInstances} command-service and {@code realtimeInstances}
     * realtime-service instances behind the edge (scale-out, issue #10); {@code environment} is added to every
     * service's (e.g. {@code STREAMFLIX_VOTES_BURST}). The instances: {@link LocalStack#commandUris()},
     * {@link LocalStack#realtimeUris()}; the edge: {@link LocalStack#edgeUri()}.
     */
    static LocalStack startFresh(String name, int commandInstances, int realtimeInstances,
                                 Map<String, String> environment) throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        System.out.println("System test database: " + TestDatabase.origin());
        Map<String, String> env = new HashMap<>(Map.of(
                "STREAMFLIX_TWITCH_APIBASEURL", TWITCH.helixBaseUrl(),
                "STREAMFLIX_TWITCH_AUTHBASEURL", TWITCH.authBaseUrl(),
                "STREAMFLIX_TWITCH_CLIENTID", FakeTwitch.CLIENT_ID,
                "STREAMFLIX_TWITCH_CLIENTSECRET", FakeTwitch.CLIENT_SECRET,
                "STREAMFLIX_TWITCH_BROADCASTERID", FakeTwitch.BROADCASTER_ID,
                // idle connections given back soon: the shared stack idles while a test runs a stack of its own,
                // and the two must fit in one server's max_connections
                "SPRING_DATASOURCE_HIKARI_IDLETIMEOUT", "10000"));
        env.putAll(environment);
        return LocalStack.start(new LocalStack.Settings(db.url(), db.username(), db.password(),
                LocalStack.Secrets.random(), List.of(ALLOWED_ORIGIN), freePorts(commandInstances),
                LocalStack.freePort(), freePorts(realtimeInstances), LocalStack.freePort(),
                Path.of("target", "stack-logs", name).toAbsolutePath(), env));
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            int port = LocalStack.freePort();
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        return ports;
    }
}
