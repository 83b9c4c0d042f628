package com.streamflix.league.system;

import com.streamflix.league.testsupport.FakeTwitch;
import com.streamflix.league.testsupport.TestDatabase;

import java.nio.file.Path;
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
        TestDatabase.Db db = TestDatabase.fresh();
        System.out.println("System test database: " + TestDatabase.origin());
        return LocalStack.start(new LocalStack.Settings(db.url(), db.username(), db.password(),
                LocalStack.Secrets.random(), List.of(ALLOWED_ORIGIN),
                LocalStack.freePort(), LocalStack.freePort(), LocalStack.freePort(), LocalStack.freePort(),
                Path.of("target", "stack-logs", name).toAbsolutePath(), Map.of(
                        "STREAMFLIX_TWITCH_APIBASEURL", TWITCH.helixBaseUrl(),
                        "STREAMFLIX_TWITCH_AUTHBASEURL", TWITCH.authBaseUrl(),
                        "STREAMFLIX_TWITCH_CLIENTID", FakeTwitch.CLIENT_ID,
                        "STREAMFLIX_TWITCH_CLIENTSECRET", FakeTwitch.CLIENT_SECRET,
                        "STREAMFLIX_TWITCH_BROADCASTERID", FakeTwitch.BROADCASTER_ID)));
    }
}
