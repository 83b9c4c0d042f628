package com.streamflix.league.realtime.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.realtime.socket.RecordingSession;
import com.streamflix.league.realtime.socket.SocketSender;
import com.streamflix.league.realtime.wallet.WalletBalances.Balance;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.handler.SessionLimitExceededException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES W4 on the sockets of one instance: the current balance first, then every change, versions only growing. */
class UserSocketsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sends on the pushing thread, so each test can look at a tab right after a push. */
    private static final int MAX_TABS = 5;
    /** Uncapped: these tests open many tabs of one user. */
    private final UserSockets sockets = new UserSockets(JSON,
            new SocketSender(Runnable::run, 64, Duration.ofSeconds(2)), Integer.MAX_VALUE);

    /** Issue #13: a user holds at most MAX_TABS balance sockets; one more closes the oldest with 1008, not the rest. */
    @Test
    void aTabBeyondTheCapClosesTheOldestWithPolicyViolation() {
        UserSockets sockets = new UserSockets(JSON, new SocketSender(Runnable::run, 64, Duration.ofSeconds(2)), MAX_TABS);
        List<FakeSession> tabs = new java.util.ArrayList<>();
        for (int i = 0; i <= MAX_TABS; i++) {
            FakeSession tab = new FakeSession("alice");
            tabs.add(tab);
            sockets.register("alice", tab, () -> new Balance(10, 1));
        }
        assertThat(tabs.get(0).closedWith()).isNotNull();
        assertThat(tabs.get(0).closedWith().getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
        tabs.subList(1, tabs.size()).forEach(tab -> assertThat(tab.closedWith()).isNull());
        sockets.push("alice", new Balance(20, 2));
        assertThat(tabs.get(MAX_TABS).updates()).containsExactly(new Balance(10, 1), new Balance(20, 2));
        assertThat(tabs.get(0).updates()).doesNotContain(new Balance(20, 2));
        FakeSession bob = new FakeSession("bob");
        sockets.register("bob", bob, () -> new Balance(1, 1));
        assertThat(bob.closedWith()).as("the cap is per user").isNull();
    }

    @Test
    void theFirstMessageIsTheStoredBalanceThenEveryChange_W4() {
        FakeSession tab = new FakeSession("alice");
        sockets.register("alice", tab, () -> new Balance(120, 7));
        sockets.push("alice", new Balance(150, 8));

        assertThat(tab.updates()).containsExactly(new Balance(120, 7), new Balance(150, 8));
        assertThat(tab.texts()).first().satisfies(text -> assertThat(JSON.readTree(text).path("type").asText())
                .isEqualTo("POINTS_UPDATE"));
    }

    @Test
    void theFirstMessageIsThePushedBalanceWhenTheStoreLagsBehindIt_W4() {
        sockets.push("alice", new Balance(200, 9)); // no tab open yet

        FakeSession tab = new FakeSession("alice");
        sockets.register("alice", tab, () -> new Balance(120, 7));

        assertThat(tab.updates()).containsExactly(new Balance(200, 9));
    }

    @Test
    void aPushBetweenRegisteringAndReadingTheSnapshotIsNeverFollowedByTheOlderSnapshot_W4() {
        FakeSession tab = new FakeSession("alice");
        sockets.register("alice", tab, () -> {
            sockets.push("alice", new Balance(60, 6)); // lands on the new tab before its snapshot is sent
            return new Balance(50, 5);
        });
        sockets.push("alice", new Balance(60, 6)); // a redelivery changes nothing
        sockets.push("alice", new Balance(70, 7));

        assertThat(tab.updates()).containsExactly(new Balance(60, 6), new Balance(70, 7));
    }

    @Test
    void everyOpenTabOfTheUserGetsEveryChangeAndNobodyElseDoes_W4() {
        FakeSession first = new FakeSession("alice");
        FakeSession second = new FakeSession("alice");
        FakeSession bob = new FakeSession("bob");
        sockets.register("alice", first, () -> new Balance(10, 1));
        sockets.register("alice", second, () -> new Balance(10, 1));
        sockets.register("bob", bob, () -> Balance.EMPTY);

        sockets.push("alice", new Balance(25, 2));

        assertThat(first.updates()).containsExactly(new Balance(10, 1), new Balance(25, 2));
        assertThat(second.updates()).containsExactly(new Balance(10, 1), new Balance(25, 2));
        assertThat(bob.updates()).containsExactly(Balance.EMPTY);
        assertThat(sockets.openSockets()).isEqualTo(3);
    }

    /** Through the handler, as the container calls it: connect sends the stored balance, close unregisters. */
    @Test
    void aClosedTabIsUnregisteredAndGetsNothingMore() {
        var handler = new UserConnectHandler(sockets, new WalletBalances(null) {
            @Override
            public Optional<Balance> current(String userId) {
                return Optional.empty(); // a wallet nobody has credited yet
            }
        });
        FakeSession kept = new FakeSession("alice");
        FakeSession closed = new FakeSession("alice");
        handler.afterConnectionEstablished(kept);
        handler.afterConnectionEstablished(closed);

        handler.afterConnectionClosed(closed, CloseStatus.GOING_AWAY);
        sockets.push("alice", new Balance(5, 1));

        assertThat(sockets.openSockets()).isEqualTo(1);
        assertThat(kept.updates()).containsExactly(Balance.EMPTY, new Balance(5, 1));
        assertThat(closed.updates()).containsExactly(Balance.EMPTY);

        handler.afterConnectionClosed(kept, CloseStatus.NORMAL);
        assertThat(sockets.openSockets()).isZero();
    }

    @Test
    void aTabThatCannotKeepUpIsDroppedWithoutCostingTheOtherTabsTheChange_W4() {
        FakeSession stalled = new FakeSession("alice");
        FakeSession healthy = new FakeSession("alice");
        sockets.register("alice", stalled, () -> new Balance(10, 1));
        sockets.register("alice", healthy, () -> new Balance(10, 1));
        stalled.failWith(new SessionLimitExceededException("too slow", CloseStatus.SESSION_NOT_RELIABLE));

        sockets.push("alice", new Balance(20, 2));

        assertThat(healthy.updates()).containsExactly(new Balance(10, 1), new Balance(20, 2));
        assertThat(stalled.closedWith()).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
        assertThat(sockets.openSockets()).isEqualTo(1);
    }

    @Test
    void aTabWhoseConnectionBrokeIsDropped() {
        FakeSession broken = new FakeSession("alice");
        sockets.register("alice", broken, () -> new Balance(10, 1));
        broken.failWith(new UncheckedIOException(new IOException("connection reset")));

        sockets.push("alice", new Balance(20, 2));
        sockets.pingAll();

        assertThat(broken.closedWith()).isNotNull();
        assertThat(sockets.openSockets()).isZero();
    }

    /**
     * One pusher (as the single-threaded processor) while tabs keep opening and closing for the same user, their
     * snapshots read from a store that lags the pushes: every tab sees only growing versions, every tab still open
     * ends on the last change, and no open tab is lost from the registry.
     */
    @Test
    void versionsOnlyGrowAndNoOpenTabMissesTheLastChangeWhileTabsComeAndGo_W4() throws Exception {
        int changes = 2_000;
        AtomicLong stored = new AtomicLong(0); // the store's version, a few changes behind the pushes
        AtomicBoolean pushing = new AtomicBoolean(true);
        List<FakeSession> open = new CopyOnWriteArrayList<>();
        List<FakeSession> all = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);

        Thread pusher = new Thread(() -> {
            await(start);
            for (long version = 1; version <= changes; version++) {
                sockets.push("alice", new Balance(version * 10, version));
                stored.set(Math.max(0, version - 3));
                LockSupport.parkNanos(20_000);
            }
            pushing.set(false);
        });
        List<Thread> openers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            openers.add(new Thread(() -> {
                await(start);
                for (int n = 0; n < 100 && pushing.get(); n++) {
                    FakeSession tab = new FakeSession("alice");
                    all.add(tab);
                    sockets.register("alice", tab, () -> {
                        long version = stored.get();
                        Thread.yield();
                        return new Balance(version * 10, version);
                    });
                    if (ThreadLocalRandom.current().nextBoolean()) {
                        sockets.unregister("alice", tab);
                    } else {
                        open.add(tab);
                    }
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
                }
            }));
        }
        pusher.start();
        openers.forEach(Thread::start);
        start.countDown();
        pusher.join();
        for (Thread opener : openers) {
            opener.join();
        }

        assertThat(all).hasSizeGreaterThan(10);
        for (FakeSession tab : all) {
            List<Long> versions = tab.updates().stream().map(Balance::version).toList();
            // a tab closed right after it opened may have had nothing sent yet (sends are asynchronous): only order counts
            assertThat(versions).as("versions on one tab").isSorted().doesNotHaveDuplicates();
            tab.updates().forEach(b -> assertThat(b.balance()).isEqualTo(b.version() * 10));
        }
        for (FakeSession tab : open) {
            assertThat(tab.updates()).as("an open tab's last update").last()
                    .isEqualTo(new Balance(changes * 10L, changes));
        }
        assertThat(sockets.openSockets()).isEqualTo(open.size());
    }

    /**
     * A user's only other tab closing while a new tab registers must not lose the new tab: every change pushed
     * while it is open reaches it.
     */
    @Test
    void aTabOpeningWhileTheUsersLastOtherTabClosesStillGetsEveryChange_W4() throws Exception {
        AtomicBoolean churning = new AtomicBoolean(true);
        Thread churn = new Thread(() -> {
            while (churning.get()) {
                FakeSession other = new FakeSession("alice");
                sockets.register("alice", other, () -> Balance.EMPTY);
                sockets.unregister("alice", other);
            }
        });
        churn.start();
        try {
            for (long version = 1; version <= 20_000; version++) {
                FakeSession tab = new FakeSession("alice");
                sockets.register("alice", tab, () -> Balance.EMPTY);
                sockets.push("alice", new Balance(version, version));
                assertThat(tab.updates()).as("a new tab after change " + version).last()
                        .isEqualTo(new Balance(version, version));
                sockets.unregister("alice", tab);
            }
        } finally {
            churning.set(false);
            churn.join();
        }
        assertThat(sockets.openSockets()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A tab: the recording session, read as the balances it was sent. */
    static final class FakeSession extends RecordingSession {
        FakeSession(String userId) {
            super(userId);
        }

        List<Balance> updates() {
            return texts().stream().map(text -> {
                try {
                    JsonNode update = JSON.readTree(text);
                    return new Balance(update.path("balance").asLong(), update.path("version").asLong());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
