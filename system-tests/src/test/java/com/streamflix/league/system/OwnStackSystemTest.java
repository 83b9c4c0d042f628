package com.streamflix.league.system;

import org.junit.jupiter.api.AfterAll;

import java.util.Map;

/**
 * Base of the system tests that need a stack of their own (they kill a service, or run several instances): each
 * class starts it on a fresh database, with the broadcaster connected, and stops it when done.
 */
abstract class OwnStackSystemTest {
    static LocalStack stack;
    static StackClient client;

    static void startOwnStack(String name, int commandInstances, int realtimeInstances, Map<String, String> environment)
            throws Exception {
        stack = StackFixture.startFresh(name, commandInstances, realtimeInstances, environment);
        client = new StackClient(stack);
        SystemTest.connectBroadcaster(client);
    }

    @AfterAll
    static void stopOwnStack() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
