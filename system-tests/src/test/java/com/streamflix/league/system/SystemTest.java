package com.streamflix.league.system;

import org.junit.jupiter.api.BeforeAll;

/** Base of the system tests: they share one running stack (see {@link StackFixture#shared()}). */
abstract class SystemTest {
    static LocalStack stack;
    static StackClient client;

    @BeforeAll
    static void startStack() throws Exception {
        stack = StackFixture.shared();
        client = new StackClient(stack);
    }
}
