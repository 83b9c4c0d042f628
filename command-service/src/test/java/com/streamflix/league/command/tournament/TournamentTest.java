package com.streamflix.league.command.tournament;

import com.streamflix.league.api.draw.DrawnFixture;
import com.streamflix.league.api.draw.InvalidDrawException;
import com.streamflix.league.api.draw.LeagueDrawnEvent;
import com.streamflix.league.api.draw.RunLeagueDrawCommand;
import com.streamflix.league.api.draw.SeedSource;
import com.streamflix.league.api.tournament.CheckRegistrationCommand;
import com.streamflix.league.api.tournament.CloseRegistrationCommand;
import com.streamflix.league.api.tournament.ConfirmParticipantsCommand;
import com.streamflix.league.api.tournament.ConfirmedParticipant;
import com.streamflix.league.api.tournament.CreateTournamentCommand;
import com.streamflix.league.api.tournament.InvalidRosterException;
import com.streamflix.league.api.tournament.OpenRegistrationCommand;
import com.streamflix.league.api.tournament.ParticipantsConfirmedEvent;
import com.streamflix.league.api.tournament.PlayerRegisteredEvent;
import com.streamflix.league.api.tournament.RegisterForTournamentCommand;
import com.streamflix.league.api.tournament.RegistrationClosedEvent;
import com.streamflix.league.api.tournament.RegistrationOpenedEvent;
import com.streamflix.league.api.tournament.RegistrationWithdrawnEvent;
import com.streamflix.league.api.tournament.RosterViolation;
import com.streamflix.league.api.tournament.TournamentCreatedEvent;
import com.streamflix.league.api.tournament.TournamentStateException;
import com.streamflix.league.api.tournament.TournamentStatus;
import com.streamflix.league.api.tournament.WithdrawRegistrationCommand;
import com.streamflix.league.api.tournament.WithdrawalLimitReachedException;
import com.streamflix.league.draw.Fixture;
import com.streamflix.league.draw.FixtureRules;
import com.streamflix.league.draw.LeagueDraw;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.streamflix.league.api.tournament.RegistrationStatus.NOT_SELECTED;
import static com.streamflix.league.api.tournament.RegistrationStatus.PENDING;
import static com.streamflix.league.api.tournament.TournamentStatus.AWAITING_SELECTION;
import static com.streamflix.league.api.tournament.TournamentStatus.DRAFT;
import static com.streamflix.league.api.tournament.TournamentStatus.LEAGUE_PHASE;
import static com.streamflix.league.api.tournament.TournamentStatus.REGISTRATION_CLOSED;
import static com.streamflix.league.api.tournament.TournamentStatus.REGISTRATION_OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

class TournamentTest {
    static final String ID = "t-1";
    static final Instant STARTS = Instant.parse("2025-09-01T18:00:00Z");
    static final Instant ENDS = Instant.parse("2025-12-01T18:00:00Z");
    static final Instant FIRST_MATCHDAY = Instant.parse("2025-09-16T18:45:00Z");
    static final Duration WEEKLY = Duration.ofDays(7);

    private AggregateTestFixture<Tournament> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tournament.class);
    }

    // ---- histories -------------------------------------------------------------------------------------------

    static String user(int n) {
        return "u%02d".formatted(n);
    }

    /** {@code u<from>..u<to>}: {@link #history} registers u01..u40 in that order. */
    static List<String> users(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(TournamentTest::user).toList();
    }

    static TournamentCreatedEvent created() {
        return new TournamentCreatedEvent(ID, "Autumn Cup", "FIFA, UCL format", STARTS, ENDS, 36);
    }

    static PlayerRegisteredEvent registered(String userId) {
        return new PlayerRegisteredEvent(ID, userId, "login_" + userId);
    }

    static List<Object> history(TournamentStatus status) {
        List<Object> events = new ArrayList<>(List.of(created()));
        if (status == DRAFT) {
            return events;
        }
        events.add(new RegistrationOpenedEvent(ID, false));
        if (status == REGISTRATION_OPEN) {
            return events;
        }
        users(1, 40).forEach(u -> events.add(registered(u)));
        events.add(new RegistrationClosedEvent(ID));
        if (status == AWAITING_SELECTION) {
            return events;
        }
        events.add(confirmed(users(1, 36), users(37, 40)));
        if (status == REGISTRATION_CLOSED) {
            return events;
        }
        events.add(drawn(42L, false, seedingPots(), LeagueDraw.draw(seedingPots(), 42).fixtures()));
        return events;
    }

    /** R4: u01..u09 = pot 1, ..., u28..u36 = pot 4, as confirmed by {@link #history}. */
    static List<List<String>> seedingPots() {
        return List.of(users(1, 9), users(10, 18), users(19, 27), users(28, 36));
    }

    static RunLeagueDrawCommand drawWithSeed(long seed, List<List<String>> pots) {
        return new RunLeagueDrawCommand(ID, seed, SeedSource.ADMIN, pots, null, FIRST_MATCHDAY, WEEKLY);
    }

    static RunLeagueDrawCommand importDraw(List<List<String>> pots, List<Fixture> fixtures) {
        return new RunLeagueDrawCommand(ID, null, null, pots, fixtures, FIRST_MATCHDAY, WEEKLY);
    }

    /** The event a draw of these fixtures records: participants and matches named as derived ids, weekly dates. */
    static LeagueDrawnEvent drawn(Long seed, boolean imported, List<List<String>> pots, List<Fixture> fixtures) {
        List<DrawnFixture> drawn = fixtures.stream().map(f -> {
            String home = ConfirmedParticipant.idOf(ID, f.home());
            String away = ConfirmedParticipant.idOf(ID, f.away());
            return new DrawnFixture(DrawnFixture.matchIdOf(ID, f.matchday(), home, away), f.matchday(), home, f.home(),
                    away, f.away(), FIRST_MATCHDAY.plus(Duration.ofDays(7L * (f.matchday() - 1))));
        }).toList();
        return new LeagueDrawnEvent(ID, seed, imported ? null : SeedSource.ADMIN,
                imported ? null : LeagueDraw.ENGINE_VERSION, imported, pots, drawn, FIRST_MATCHDAY, WEEKLY);
    }

    static ParticipantsConfirmedEvent confirmed(List<String> seeding, List<String> notSelected) {
        List<ConfirmedParticipant> participants = new ArrayList<>();
        for (int pot = 1; pot <= 4; pot++) {
            for (int place = 1; place <= 9; place++) {
                int seed = (pot - 1) * 9 + place;
                String userId = seeding.get(seed - 1);
                String participantId = UUID.nameUUIDFromBytes((ID + "/" + userId).getBytes(StandardCharsets.UTF_8))
                        .toString();
                participants.add(new ConfirmedParticipant(participantId, userId, seed, pot));
            }
        }
        return new ParticipantsConfirmedEvent(ID, participants, notSelected);
    }

    static Matcher<TournamentStateException> refusedIn(TournamentStatus current) {
        return new FeatureMatcher<>(equalTo(current), "refusal naming the state", "current state") {
            @Override
            protected TournamentStatus featureValueOf(TournamentStateException refusal) {
                return refusal.current();
            }
        };
    }

    static Matcher<InvalidDrawException> drawViolations(String field, List<String> expected) {
        return new FeatureMatcher<>(equalTo(field + ": " + expected), "draw refusal listing", "field: violations") {
            @Override
            protected String featureValueOf(InvalidDrawException refusal) {
                return refusal.field() + ": " + refusal.violations();
            }
        };
    }

    static Matcher<InvalidRosterException> violations(RosterViolation... expected) {
        return new FeatureMatcher<>(equalTo(List.of(expected)), "roster refusal listing", "violations") {
            @Override
            protected List<RosterViolation> featureValueOf(InvalidRosterException refusal) {
                return refusal.violations();
            }
        };
    }

    // ---- T1 / T2: the transitions T1 names ---------------------------------------------------------------------

    @Test
    void creatingStartsInDraftWith36Places_T1_T2() {
        fixture.givenNoPriorActivity()
                .when(new CreateTournamentCommand(ID, "Autumn Cup", "FIFA, UCL format", STARTS, ENDS))
                .expectEvents(created())
                .expectState(t -> assertThat(t.status()).isEqualTo(DRAFT));
    }

    @Test
    void creatingWithoutANameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTournamentCommand(ID, " ", null, null, null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void creatingWithTheEndBeforeTheStartIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTournamentCommand(ID, "Autumn Cup", null, ENDS, STARTS))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void openingFromDraftOpensRegistration_T1() {
        fixture.given(history(DRAFT))
                .when(new OpenRegistrationCommand(ID))
                .expectEvents(new RegistrationOpenedEvent(ID, false))
                .expectState(t -> assertThat(t.status()).isEqualTo(REGISTRATION_OPEN));
    }

    @Test
    void closingMovesToAwaitingSelection_T1() {
        fixture.given(history(REGISTRATION_OPEN))
                .when(new CloseRegistrationCommand(ID))
                .expectEvents(new RegistrationClosedEvent(ID))
                .expectState(t -> assertThat(t.status()).isEqualTo(AWAITING_SELECTION));
    }

    @Test
    void reopeningFromAwaitingSelectionOpensRegistrationAgain_T1() {
        fixture.given(history(AWAITING_SELECTION))
                .when(new OpenRegistrationCommand(ID))
                .expectEvents(new RegistrationOpenedEvent(ID, true))
                .expectState(t -> assertThat(t.status()).isEqualTo(REGISTRATION_OPEN));
    }

    @Test
    void reopeningKeepsTheRegistrations_T1_R3() {
        fixture.given(history(AWAITING_SELECTION)).andGiven(new RegistrationOpenedEvent(ID, true))
                .when(new RegisterForTournamentCommand(ID, user(1), "login_u01"))
                .expectNoEvents()
                .expectResultMessagePayload(PENDING);
    }

    @Test
    void confirmingThe36InListOrderLocksTheRosterAndLeavesTheOtherFourNotSelected_T1_R4() {
        // 40 registered; the admin picks 36 in a chosen order: u40 down to u09, then u01..u04 (u05..u08 left out)
        List<String> seeding = new ArrayList<>(users(9, 40));
        Collections.reverse(seeding);
        seeding.addAll(users(1, 4));
        fixture.given(history(AWAITING_SELECTION))
                .when(new ConfirmParticipantsCommand(ID, seeding))
                .expectEvents(confirmed(seeding, users(5, 8)))
                .expectState(t -> {
                    assertThat(t.status()).isEqualTo(REGISTRATION_CLOSED);
                    assertThat(t.participants()).hasSize(36);
                    assertThat(t.participants().get(0)).extracting("userId", "seedPosition", "pot")
                            .containsExactly("u40", 1, 1);
                    assertThat(t.participants().get(8)).extracting("userId", "seedPosition", "pot")
                            .containsExactly("u32", 9, 1);
                    assertThat(t.participants().get(9)).extracting("userId", "seedPosition", "pot")
                            .containsExactly("u31", 10, 2);
                    assertThat(t.participants().get(35)).extracting("userId", "seedPosition", "pot")
                            .containsExactly("u04", 36, 4);
                });
    }

    // ---- T1: everything else is refused, naming the current state --------------------------------------------

    static Stream<Arguments> transitionsT1DoesNotName() {
        Object open = new OpenRegistrationCommand(ID);
        Object close = new CloseRegistrationCommand(ID);
        Object confirm = new ConfirmParticipantsCommand(ID, users(1, 36));
        Object register = new RegisterForTournamentCommand(ID, "newcomer", "newcomer_login");
        Object withdraw = new WithdrawRegistrationCommand(ID, user(1));
        Object draw = drawWithSeed(7, null);
        return Stream.of(
                Arguments.of(DRAFT, draw),
                Arguments.of(REGISTRATION_OPEN, draw),
                Arguments.of(AWAITING_SELECTION, draw),
                Arguments.of(LEAGUE_PHASE, draw), // a second draw
                Arguments.of(LEAGUE_PHASE, open),
                Arguments.of(LEAGUE_PHASE, close),
                Arguments.of(LEAGUE_PHASE, confirm),
                Arguments.of(LEAGUE_PHASE, register),
                Arguments.of(LEAGUE_PHASE, withdraw),
                Arguments.of(REGISTRATION_OPEN, open),
                Arguments.of(REGISTRATION_CLOSED, open),
                Arguments.of(DRAFT, close),
                Arguments.of(AWAITING_SELECTION, close),
                Arguments.of(REGISTRATION_CLOSED, close),
                Arguments.of(DRAFT, confirm),
                Arguments.of(REGISTRATION_OPEN, confirm),
                Arguments.of(REGISTRATION_CLOSED, confirm),
                Arguments.of(DRAFT, register),
                Arguments.of(AWAITING_SELECTION, register),
                Arguments.of(REGISTRATION_CLOSED, register),
                Arguments.of(DRAFT, withdraw),
                Arguments.of(AWAITING_SELECTION, withdraw),
                Arguments.of(REGISTRATION_CLOSED, withdraw));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("transitionsT1DoesNotName")
    void transitionsT1DoesNotNameAreRefusedNamingTheCurrentState_T1(TournamentStatus state, Object command) {
        fixture.given(history(state))
                .when(command)
                .expectException(refusedIn(state))
                .expectExceptionMessage(containsString(state.name()))
                .expectNoEvents();
    }

    // ---- R3: registration and withdrawal ----------------------------------------------------------------------

    @Test
    void registeringWhileOpenRecordsAPendingRegistration_R3() {
        fixture.given(history(REGISTRATION_OPEN))
                .when(new RegisterForTournamentCommand(ID, user(1), "login_u01"))
                .expectEvents(registered(user(1)))
                .expectResultMessagePayload(PENDING);
    }

    @Test
    void registeringTwiceRecordsNothingNew_R3() {
        fixture.given(history(REGISTRATION_OPEN)).andGiven(registered(user(1)))
                .when(new RegisterForTournamentCommand(ID, user(1), "login_u01"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(PENDING);
    }

    @Test
    void aRepeatAfterTheRosterIsLockedIsAnsweredWithTheExistingRegistration_R3() {
        fixture.given(history(REGISTRATION_CLOSED))
                .when(new RegisterForTournamentCommand(ID, user(40), "login_u40"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(NOT_SELECTED);
    }

    @Test
    void withdrawingWhileOpenRemovesTheRegistration_R3() {
        fixture.given(history(REGISTRATION_OPEN)).andGiven(registered(user(1)))
                .when(new WithdrawRegistrationCommand(ID, user(1)))
                .expectEvents(new RegistrationWithdrawnEvent(ID, user(1)));
    }

    @Test
    void withdrawingWithoutARegistrationIsANoOp_R3() {
        fixture.given(history(REGISTRATION_OPEN)).andGiven(registered(user(1)),
                        new RegistrationWithdrawnEvent(ID, user(1)))
                .when(new WithdrawRegistrationCommand(ID, user(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void registeringAgainAfterWithdrawingIsANewRegistration_R3() {
        fixture.given(history(REGISTRATION_OPEN)).andGiven(registered(user(1)),
                        new RegistrationWithdrawnEvent(ID, user(1)))
                .when(new RegisterForTournamentCommand(ID, user(1), "login_u01"))
                .expectEvents(registered(user(1)))
                .expectResultMessagePayload(PENDING);
    }

    /** {@code times} register/withdraw rounds by one user. */
    static Object[] registerAndWithdraw(String userId, int times) {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            events.add(registered(userId));
            events.add(new RegistrationWithdrawnEvent(ID, userId));
        }
        return events.toArray();
    }

    @Test
    void registeringAgainAfterTwoWithdrawalsIsStillAllowed_R3() {
        fixture.given(history(REGISTRATION_OPEN)).andGiven(registerAndWithdraw(user(1), Tournament.MAX_WITHDRAWALS - 1))
                .when(new RegisterForTournamentCommand(ID, user(1), "login_u01"))
                .expectEvents(registered(user(1)))
                .expectResultMessagePayload(PENDING);
    }

    @Test
    void registeringAgainAfterThreeWithdrawalsIsRefused_R3() {
        fixture.given(history(REGISTRATION_OPEN)).andGiven(registerAndWithdraw(user(1), Tournament.MAX_WITHDRAWALS))
                .when(new RegisterForTournamentCommand(ID, user(1), "login_u01"))
                .expectException(WithdrawalLimitReachedException.class)
                .expectNoEvents();
        // the check before Twitch is asked refuses it too
        fixture.given(history(REGISTRATION_OPEN)).andGiven(registerAndWithdraw(user(1), Tournament.MAX_WITHDRAWALS))
                .when(new CheckRegistrationCommand(ID, user(1)))
                .expectException(WithdrawalLimitReachedException.class)
                .expectNoEvents();
    }

    @Test
    void theWithdrawalLimitIsPerUser_R3() {
        fixture.given(history(REGISTRATION_OPEN)).andGiven(registerAndWithdraw(user(1), Tournament.MAX_WITHDRAWALS))
                .when(new RegisterForTournamentCommand(ID, user(2), "login_u02"))
                .expectEvents(registered(user(2)));
    }

    // ---- R4: malformed rosters are refused, listing every offending id, and change nothing ---------------------

    @Test
    void thirtyFiveIdsAreRefused_R4() {
        fixture.given(history(AWAITING_SELECTION))
                .when(new ConfirmParticipantsCommand(ID, users(1, 35)))
                .expectException(violations(new RosterViolation(null, "expected 36 user ids, got 35")))
                .expectNoEvents();
    }

    @Test
    void thirtySevenIdsAreRefused_R4() {
        fixture.given(history(AWAITING_SELECTION))
                .when(new ConfirmParticipantsCommand(ID, users(1, 37)))
                .expectException(violations(new RosterViolation(null, "expected 36 user ids, got 37")))
                .expectNoEvents();
    }

    @Test
    void aDuplicateIdIsRefused_R4() {
        List<String> ids = new ArrayList<>(users(1, 35));
        ids.add(user(7));
        fixture.given(history(AWAITING_SELECTION))
                .when(new ConfirmParticipantsCommand(ID, ids))
                .expectException(violations(new RosterViolation("u07", "listed 2 times")))
                .expectNoEvents();
    }

    @Test
    void anUnknownIdIsRefused_R4() {
        List<String> ids = new ArrayList<>(users(1, 35));
        ids.add("stranger");
        fixture.given(history(AWAITING_SELECTION))
                .when(new ConfirmParticipantsCommand(ID, ids))
                .expectException(violations(new RosterViolation("stranger", "not registered")))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnIdIsRefused_R4() {
        List<Object> history = new ArrayList<>(history(REGISTRATION_OPEN));
        users(1, 40).forEach(u -> history.add(registered(u)));
        history.add(new RegistrationWithdrawnEvent(ID, user(3)));
        history.add(new RegistrationClosedEvent(ID));
        fixture.given(history)
                .when(new ConfirmParticipantsCommand(ID, users(1, 36)))
                .expectException(violations(new RosterViolation("u03", "withdrew their registration")))
                .expectNoEvents();
    }

    @Test
    void aBlankIdIsRefused_R4() {
        List<String> ids = new ArrayList<>(users(1, 35));
        ids.add(" ");
        fixture.given(history(AWAITING_SELECTION))
                .when(new ConfirmParticipantsCommand(ID, ids))
                .expectException(violations(new RosterViolation(" ", "blank user id at position 36")))
                .expectNoEvents();
    }

    @Test
    void everyViolationIsListedAtOnce_R4() {
        List<Object> history = new ArrayList<>(history(REGISTRATION_OPEN));
        users(1, 40).forEach(u -> history.add(registered(u)));
        history.add(new RegistrationWithdrawnEvent(ID, user(2)));
        history.add(new RegistrationClosedEvent(ID));
        List<String> ids = new ArrayList<>(users(1, 34));
        ids.addAll(Arrays.asList("stranger", user(5), user(5)));
        fixture.given(history)
                .when(new ConfirmParticipantsCommand(ID, ids))
                .expectException(violations(
                        new RosterViolation(null, "expected 36 user ids, got 37"),
                        new RosterViolation("u02", "withdrew their registration"),
                        new RosterViolation("u05", "listed 3 times"),
                        new RosterViolation("stranger", "not registered")))
                .expectNoEvents();
    }

    @Test
    void aMissingListIsRefusedAsEmpty_R4() {
        fixture.given(history(AWAITING_SELECTION))
                .when(new ConfirmParticipantsCommand(ID, null))
                .expectException(violations(new RosterViolation(null, "expected 36 user ids, got 0")))
                .expectNoEvents();
    }

    /**
     * A NOT_SELECTED registration only exists once the roster is locked, and a locked roster cannot be confirmed
     * again: T1 refuses before R4 is looked at.
     */
    @Test
    void aNotSelectedIdCannotBeConfirmedBecauseTheRosterIsLocked_T1_R4() {
        List<String> ids = new ArrayList<>(users(1, 35));
        ids.add(user(40)); // NOT_SELECTED in history(REGISTRATION_CLOSED)
        fixture.given(history(REGISTRATION_CLOSED))
                .when(new ConfirmParticipantsCommand(ID, ids))
                .expectException(refusedIn(REGISTRATION_CLOSED))
                .expectNoEvents();
    }

    // ---- D1–D4: the league draw ----------------------------------------------------------------------------------

    @Test
    void drawingFromTheSeedingRecordsSeedPotsAndTheEnginesFixturesAndStartsTheLeaguePhase_T1_R4_D4() {
        LeagueDrawnEvent expected = drawn(42L, false, seedingPots(), LeagueDraw.draw(seedingPots(), 42).fixtures());
        fixture.given(history(REGISTRATION_CLOSED))
                .when(drawWithSeed(42, null))
                .expectEvents(expected)
                .expectResultMessagePayload(expected)
                .expectState(t -> assertThat(t.status()).isEqualTo(LEAGUE_PHASE));
        assertThat(expected.fixtures()).hasSize(144);
        assertThat(expected.fixtures().stream().map(DrawnFixture::matchId).distinct()).hasSize(144);
        assertThat(expected.fixtures().get(143).scheduledAt()).isEqualTo(Instant.parse("2025-11-04T18:45:00Z"));
    }

    @Test
    void namedPotsAreDrawnFromInsteadOfTheSeeding_R4_D4() {
        List<String> everyone = new ArrayList<>(users(1, 36));
        Collections.reverse(everyone);
        List<List<String>> named = List.of(everyone.subList(0, 9), everyone.subList(9, 18), everyone.subList(18, 27),
                everyone.subList(27, 36));
        fixture.given(history(REGISTRATION_CLOSED))
                .when(drawWithSeed(7, named))
                .expectEvents(drawn(7L, false, named, LeagueDraw.draw(named, 7).fixtures()));
    }

    @Test
    void potsThatAreNotExactlyTheRosterAreRefusedListingEveryViolation_R4() {
        List<String> pot1 = new ArrayList<>(users(1, 9));
        pot1.set(0, "stranger"); // u01 is left out
        List<String> pot4 = new ArrayList<>(users(28, 36));
        pot4.set(8, user(10)); // u36 is left out, u10 is in pot 2 too
        List<List<String>> pots = List.of(pot1, users(10, 18), users(19, 26), pot4);
        fixture.given(history(REGISTRATION_CLOSED))
                .when(drawWithSeed(7, pots))
                .expectException(drawViolations("pots", List.of(
                        "stranger (pot 1) is not in the confirmed roster",
                        "pot 3 has 8 participants, expected 9",
                        "u10 is in pot 2 and again in pot 4",
                        "u01 is in the roster but in no pot",
                        "u27 is in the roster but in no pot",
                        "u36 is in the roster but in no pot")))
                .expectNoEvents();
    }

    @Test
    void threePotsAreRefused_R4() {
        fixture.given(history(REGISTRATION_CLOSED))
                .when(drawWithSeed(7, seedingPots().subList(0, 3)))
                .expectException(InvalidDrawException.class)
                .expectExceptionMessage(containsString("expected 4 pots, got 3"))
                .expectNoEvents();
    }

    @Test
    void anImportedDrawIsRecordedWithoutASeedInTheEnginesOrder_D2_D4() {
        List<Fixture> heldOnStream = LeagueDraw.draw(seedingPots(), 99).fixtures();
        List<Fixture> asTyped = new ArrayList<>(heldOnStream);
        Collections.reverse(asTyped);
        fixture.given(history(REGISTRATION_CLOSED))
                .when(importDraw(null, asTyped))
                .expectEvents(drawn(null, true, seedingPots(), heldOnStream))
                .expectState(t -> assertThat(t.status()).isEqualTo(LEAGUE_PHASE));
    }

    @Test
    void anImportedDrawBreakingD1OrOncePerMatchdayIsRefusedListingEveryViolation_D1_D2() {
        List<Fixture> broken = new ArrayList<>(LeagueDraw.draw(seedingPots(), 99).fixtures());
        Fixture first = broken.get(0);
        broken.set(1, new Fixture(first.matchday(), first.away(), first.home())); // the pair again, same matchday
        List<String> expected = FixtureRules.violations(seedingPots(), broken);
        assertThat(expected).anyMatch(v -> v.contains("meet 2 times"))
                .anyMatch(v -> v.contains("plays 2 matches on matchday 1"));
        fixture.given(history(REGISTRATION_CLOSED))
                .when(importDraw(null, broken))
                .expectException(drawViolations("fixtures", expected))
                .expectNoEvents();
    }

    @Test
    void aSeedAndImportedFixturesTogetherAreRefused_D4() {
        fixture.given(history(REGISTRATION_CLOSED))
                .when(new RunLeagueDrawCommand(ID, 5L, SeedSource.ADMIN, null, LeagueDraw.draw(seedingPots(), 5).fixtures(),
                        FIRST_MATCHDAY, WEEKLY))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void checkingARegistrationRecordsNothingAndRefusesWhenClosed_R3_T1() {
        fixture.given(history(REGISTRATION_OPEN)).andGiven(registered("u1"))
                .when(new CheckRegistrationCommand(ID, "u1"))
                .expectResultMessagePayload(PENDING)
                .expectNoEvents();
        fixture.given(history(REGISTRATION_OPEN))
                .when(new CheckRegistrationCommand(ID, "u2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(history(DRAFT))
                .when(new CheckRegistrationCommand(ID, "u2"))
                .expectException(TournamentStateException.class)
                .expectNoEvents();
    }
}
