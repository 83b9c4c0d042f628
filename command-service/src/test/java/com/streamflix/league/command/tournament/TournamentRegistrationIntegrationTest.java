package com.streamflix.league.command.tournament;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.command.testsupport.CommandServiceTest;
import com.streamflix.league.command.testsupport.Http;
import com.streamflix.league.command.twitch.BroadcasterTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Tournaments over HTTP against PostgreSQL and a fake Twitch: T1 lifecycle, R1–R4. */
class TournamentRegistrationIntegrationTest extends CommandServiceTest {
    @Autowired
    DataSource dataSource;
    static final String TOKEN = "registration-test-token";
    static final AtomicInteger USERS = new AtomicInteger(300_000);

    @Autowired
    BroadcasterTokens broadcasterTokens;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        TWITCH.reset();
        TWITCH.validateOk();
        broadcasterTokens.store(BROADCASTER_ID, TOKEN, "registration-refresh", Instant.now().plus(Duration.ofHours(2)),
                "channel:read:subscriptions");
    }

    static String newUser() {
        return String.valueOf(USERS.incrementAndGet());
    }

    String subscriber() {
        String user = newUser();
        TWITCH.subscription(TOKEN, user, true);
        return user;
    }

    String openTournament(String name) throws Exception {
        var created = http.asAdmin("POST", "/api/admin/tournaments", "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/tournaments/" + id);
        assertThat(http.asAdmin("POST", "/api/admin/tournaments/" + id + "/open-registration", null).statusCode())
                .isEqualTo(204);
        return id;
    }

    HttpResponse<String> register(String tournamentId, String userId) throws Exception {
        return http.asUser(userId, "POST", "/api/tournaments/" + tournamentId + "/register", null);
    }


    @Test
    void aSubscriberRegistersAndARepeatAnswersTheSameRegistration_R1_R3() throws Exception {
        String tournament = openTournament("Winter Cup");
        String user = subscriber();
        var first = register(tournament, user);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("status").asText()).isEqualTo("PENDING");
        var again = register(tournament, user);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("status").asText()).isEqualTo("PENDING");
        assertThat(events(tournament, "PlayerRegisteredEvent")).isEqualTo(1);
    }

    @Test
    void aNonSubscriberIsRefusedWithAClearReason_R1() throws Exception {
        String tournament = openTournament("Subs only");
        String user = newUser();
        TWITCH.subscription(TOKEN, user, false);
        var refused = register(tournament, user);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("not-a-subscriber");
        assertThat(events(tournament, "PlayerRegisteredEvent")).isZero();
        assertThat(events(user, "RegistrationSlotReservedEvent")).isZero();
    }

    @Test
    void twitchFailingGives503WithARetryHintAndRecordsNothing_R1() throws Exception {
        String tournament = openTournament("Twitch is down");
        String user = newUser();
        TWITCH.helixFails(500, 0);
        var down = register(tournament, user);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(down.body()).contains("twitch-unavailable");
        assertThat(events(tournament, "PlayerRegisteredEvent")).isZero();
        assertThat(events(user, "RegistrationSlotReservedEvent")).isZero();
    }

    @Test
    void repeatsAndRefusalsAreAnsweredWithoutAskingTwitch_R3_T1() throws Exception {
        String tournament = openTournament("Repeat while Twitch is down");
        String user = subscriber();
        assertThat(register(tournament, user).statusCode()).isEqualTo(200);
        TWITCH.reset();
        TWITCH.helixFails(500, 0);
        String stranger = newUser();
        var repeat = register(tournament, user);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(repeat.body()).path("status").asText()).isEqualTo("PENDING");
        assertThat(register("no-such-tournament", stranger).statusCode()).isEqualTo(404);
        assertThat(http.asAdmin("POST", "/api/admin/tournaments/" + tournament + "/close-registration", null).statusCode())
                .isEqualTo(204);
        assertThat(register(tournament, stranger).statusCode()).isEqualTo(409);
        assertThat(events(tournament, "PlayerRegisteredEvent")).isEqualTo(1);
    }

    @Test
    void aBannedUserCannotRegister_R1() throws Exception {
        String tournament = openTournament("No cheaters");
        String user = subscriber();
        assertThat(http.asAdmin("POST", "/api/admin/users/" + user + "/ban", "{\"reason\":\"cheating\"}").statusCode())
                .isEqualTo(204);
        var refused = register(tournament, user);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("user-banned");
        assertThat(events(tournament, "PlayerRegisteredEvent")).isZero();
    }

    /** Issue #13: a registration that would wait longer than a moment for the user's busy lock answers 429. */
    @Test
    void aRegistrationThatWouldWaitForTheUsersBusyLockAnswers429_R2() throws Exception {
        String tournament = openTournament("Busy Cup");
        String user = subscriber();
        try (var holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "user-registrations:" + user);
                lock.execute();
            }
            var busy = register(tournament, user);
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(429);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            holder.rollback();
        }
        assertThat(events(tournament, "PlayerRegisteredEvent")).isZero();
        assertThat(register(tournament, user).statusCode()).isEqualTo(200);
    }

    @Test
    void theCapHoldsUnderTwentyConcurrentRegistrationsByOneUser_R2() throws Exception {
        List<String> tournaments = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tournaments.add(openTournament("Burst " + i));
        }
        String user = subscriber();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String tournament : tournaments) {
                Callable<Integer> call = () -> {
                    start.await();
                    return register(tournament, user).statusCode();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                int status = answers.get(i).get();
                // 429: the user's earlier registrations held their lock too long (issue #13); sent again later
                while (status == 429) {
                    status = register(tournaments.get(i), user).statusCode();
                }
                statuses.add(status);
            }
            assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isEqualTo(3);
            assertThat(statuses.stream().filter(s -> s == 409).count()).as(statuses.toString()).isEqualTo(17);
        } finally {
            pool.shutdownNow();
        }
        int registered = tournaments.stream().mapToInt(t -> events(t, "PlayerRegisteredEvent")).sum();
        assertThat(registered).isEqualTo(3);
        assertThat(events(user, "RegistrationSlotReservedEvent")).isEqualTo(3);
    }

    @Test
    void withdrawingFreesTheSlot_R2_R3() throws Exception {
        String user = subscriber();
        List<String> tournaments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tournaments.add(openTournament("Slot " + i));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(register(tournaments.get(i), user).statusCode()).isEqualTo(200);
        }
        assertThat(register(tournaments.get(3), user).statusCode()).isEqualTo(409);
        assertThat(http.asUser(user, "DELETE", "/api/tournaments/" + tournaments.get(0) + "/register", null).statusCode())
                .isEqualTo(204);
        assertThat(events(tournaments.get(0), "RegistrationWithdrawnEvent")).isEqualTo(1);
        assertThat(register(tournaments.get(3), user).statusCode()).isEqualTo(200);
    }

    @Test
    void aRegisterWithdrawLoopEndsAfterThreeWithdrawals_R3() throws Exception {
        String user = subscriber();
        String tournament = openTournament("Loop");
        String path = "/api/tournaments/" + tournament + "/register";
        for (int round = 0; round < 3; round++) {
            assertThat(register(tournament, user).statusCode()).isEqualTo(200);
            assertThat(http.asUser(user, "DELETE", path, null).statusCode()).isEqualTo(204);
        }
        var refused = register(tournament, user);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).path("type").asText()).endsWith("withdrawal-limit-reached");
        assertThat(JSON.readTree(refused.body()).path("maxWithdrawals").asInt()).isEqualTo(3);
        assertThat(events(tournament, "PlayerRegisteredEvent")).isEqualTo(3);
        assertThat(events(user, "RegistrationSlotReservedEvent")).isEqualTo(3);
        // the refused user still holds no slot: another tournament takes them
        assertThat(register(openTournament("Elsewhere"), user).statusCode()).isEqualTo(200);
    }

    @Test
    void refusedTransitionsName409AndTheCurrentState_T1() throws Exception {
        var created = http.asAdmin("POST", "/api/admin/tournaments", "{\"name\":\"Draft only\"}");
        String id = JSON.readTree(created.body()).path("id").asText();
        var close = http.asAdmin("POST", "/api/admin/tournaments/" + id + "/close-registration", null);
        assertThat(close.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(close.body()).path("currentState").asText()).isEqualTo("DRAFT");
        var register = register(id, subscriber());
        assertThat(register.statusCode()).isEqualTo(409);
        assertThat(register.body()).contains("DRAFT");
        assertThat(http.asAdmin("POST", "/api/admin/tournaments", "{\"name\":\"\"}").statusCode()).isEqualTo(400);
        // nothing the read model could not store gets into an event (it would stall the projection)
        var nul = http.asAdmin("POST", "/api/admin/tournaments", "{\"name\":\"Cup\\u0000\"}");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("\"field\":\"name\"");
        assertThat(http.asAdmin("POST", "/api/admin/tournaments",
                "{\"name\":\"Far future\",\"startsAt\":\"+294277-01-01T00:00:00Z\"}").statusCode()).isEqualTo(400);
        assertThat(http.asAdmin("POST", "/api/admin/tournaments",
                "{\"name\":\"Backwards\",\"startsAt\":\"2026-12-02T00:00:00Z\",\"endsAt\":\"2026-12-01T00:00:00Z\"}")
                .statusCode()).isEqualTo(400);
        // registering is a viewer's own act: the admin key is nobody's session
        assertThat(http.asAdmin("POST", "/api/tournaments/" + id + "/register", null).statusCode()).isEqualTo(403);
        assertThat(http.asAdmin("POST", "/api/admin/tournaments/no-such-id/open-registration", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void fortyRegisterTheAdminConfirmsThirtySixInOrderAndMalformedListsChangeNothing_R4() throws Exception {
        String tournament = openTournament("Champions");
        List<String> users = IntStream.range(0, 41).mapToObj(i -> subscriber()).collect(Collectors.toList());
        for (String user : users) {
            assertThat(register(tournament, user).statusCode()).isEqualTo(200);
        }
        String withdrawn = users.remove(40);
        assertThat(http.asUser(withdrawn, "DELETE", "/api/tournaments/" + tournament + "/register", null).statusCode())
                .isEqualTo(204);
        String confirmPath = "/api/admin/tournaments/" + tournament + "/confirm-participants";
        assertThat(http.asAdmin("POST", confirmPath, roster(users.subList(0, 36))).statusCode())
                .as("still open").isEqualTo(409);
        assertThat(http.asAdmin("POST", "/api/admin/tournaments/" + tournament + "/close-registration", null)
                .statusCode()).isEqualTo(204);

        List<String> chosen = new ArrayList<>(users.subList(4, 40)); // the first four registrants are left out
        java.util.Collections.reverse(chosen);                         // and the seeding is the admin's own order
        assertInvalid(confirmPath, chosen.subList(0, 35), "expected 36");
        List<String> thirtySeven = new ArrayList<>(chosen);
        thirtySeven.add(users.get(0));
        assertInvalid(confirmPath, thirtySeven, "expected 36");
        List<String> duplicate = new ArrayList<>(chosen);
        duplicate.set(35, chosen.get(0));
        assertInvalid(confirmPath, duplicate, chosen.get(0));
        List<String> unknown = new ArrayList<>(chosen);
        unknown.set(10, "999999999");
        assertInvalid(confirmPath, unknown, "999999999");
        List<String> withWithdrawn = new ArrayList<>(chosen);
        withWithdrawn.set(3, withdrawn);
        assertInvalid(confirmPath, withWithdrawn, withdrawn);
        List<String> twoBad = new ArrayList<>(chosen);
        twoBad.set(1, "888888888");
        twoBad.set(2, "777777777");
        var both = http.asAdmin("POST", confirmPath, roster(twoBad));
        assertThat(both.body()).contains("888888888").contains("777777777");
        assertThat(events(tournament, "ParticipantsConfirmedEvent")).isZero();

        var confirmed = http.asAdmin("POST", confirmPath, roster(chosen));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        String event = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM eventstore.domain_event_entry"
                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%ParticipantsConfirmedEvent'", String.class, tournament);
        JsonNode payload = JSON.readTree(event);
        assertThat(payload.path("participants").size()).isEqualTo(36);
        assertThat(payload.path("participants").get(0).path("userId").asText()).isEqualTo(chosen.get(0));
        assertThat(payload.path("participants").get(35).path("userId").asText()).isEqualTo(chosen.get(35));
        assertThat(payload.path("participants").get(9).path("pot").asInt()).isEqualTo(2);
        List<String> notSelected = new ArrayList<>();
        payload.path("notSelectedUserIds").forEach(id -> notSelected.add(id.asText()));
        assertThat(notSelected).containsExactlyInAnyOrderElementsOf(users.subList(0, 4));

        // the roster is locked: a NOT_SELECTED id (or any change) is refused
        List<String> withNotSelected = new ArrayList<>(chosen);
        withNotSelected.set(0, users.get(0));
        assertThat(http.asAdmin("POST", confirmPath, roster(withNotSelected)).statusCode()).isEqualTo(409);
        assertThat(events(tournament, "ParticipantsConfirmedEvent")).isEqualTo(1);
        // R2: those not selected get their slot back
        awaitEvents(users.get(0), "RegistrationSlotReleasedEvent", 1);
        // R3 + R2: a repeat by a registrant who was not selected answers the registration and takes no slot again
        var repeat = register(tournament, users.get(0));
        assertThat(JSON.readTree(repeat.body()).path("status").asText()).isEqualTo("NOT_SELECTED");
        assertThat(events(users.get(0), "RegistrationSlotReservedEvent")).isEqualTo(1);
    }

    private void assertInvalid(String path, List<String> userIds, String mentioned) throws Exception {
        var refused = http.asAdmin("POST", path, roster(userIds));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("invalid-roster").contains(mentioned);
    }

    private void awaitEvents(String aggregate, String type, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (events(aggregate, type) < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(events(aggregate, type)).isEqualTo(expected);
    }

    private static String roster(List<String> userIds) {
        return "{\"userIds\":[" + userIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}";
    }
}
