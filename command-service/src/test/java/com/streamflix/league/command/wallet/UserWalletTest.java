package com.streamflix.league.command.wallet;

import com.streamflix.league.api.wallet.BalanceLimitException;
import com.streamflix.league.api.wallet.BanUserCommand;
import com.streamflix.league.api.wallet.InvalidWalletTextException;
import com.streamflix.league.api.wallet.RecordLoginCommand;
import com.streamflix.league.api.wallet.CreditPointsCommand;
import com.streamflix.league.api.wallet.PointsWrittenOffEvent;
import com.streamflix.league.api.wallet.ReclaimPointsCommand;
import com.streamflix.league.api.wallet.RegistrationLimitReachedException;
import com.streamflix.league.api.wallet.RegistrationSlotReleasedEvent;
import com.streamflix.league.api.wallet.RegistrationSlotReservedEvent;
import com.streamflix.league.api.wallet.ReserveRegistrationSlotCommand;
import com.streamflix.league.api.wallet.UnbanUserCommand;
import com.streamflix.league.api.wallet.UserBannedEvent;
import com.streamflix.league.api.wallet.UserBannedException;
import com.streamflix.league.api.wallet.UserUnbannedEvent;
import com.streamflix.league.api.wallet.DebitPointsCommand;
import com.streamflix.league.api.wallet.InsufficientPointsException;
import com.streamflix.league.api.wallet.LedgerChain;
import com.streamflix.league.api.wallet.PointsCreditedEvent;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.api.wallet.PointsDebitedEvent;
import com.streamflix.league.api.wallet.UserLoginChangedEvent;
import com.streamflix.league.api.wallet.WalletOpenedEvent;
import com.streamflix.league.api.vote.CastVotesCommand;
import com.streamflix.league.api.vote.VotesCastEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.streamflix.league.api.wallet.TransactionType.ADMIN_ADJUSTMENT;
import static com.streamflix.league.api.wallet.TransactionType.TWITCH_REWARD_REDEMPTION;
import static com.streamflix.league.api.wallet.TransactionType.PREDICTION_PAYOUT;
import static com.streamflix.league.api.wallet.TransactionType.PREDICTION_WAGER;
import static com.streamflix.league.api.wallet.TransactionType.PREDICTION_REVERSAL;
import static com.streamflix.league.api.wallet.TransactionType.VOTE_SPEND;

class UserWalletTest {
    private AggregateTestFixture<UserWallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserWallet.class);
    }

    private static CreditPointsCommand redemption(String key, long amount) {
        return new CreditPointsCommand("9001", "cooler_user", amount, TWITCH_REWARD_REDEMPTION, "Channel Points: hug",
                key, "twitch-redemption:" + key);
    }

    /** The wallet's first ledger entry follows this (tamper evidence, W3). */
    private static final String START = LedgerChain.start("9001");
    /** The usual first entry: 100 points. */
    private static final PointsCreditedEvent R1 = credited("r1", 100, 100).chainedTo(START);

    /** A credit without its chain hash: chain it with {@code chainedTo}. */
    private static PointsCreditedEvent credited(String key, long amount, long balance) {
        return new PointsCreditedEvent("9001", TWITCH_REWARD_REDEMPTION, amount, balance, "Channel Points: hug", key,
                "twitch-redemption:" + key, null);
    }

    private static PointsDebitedEvent debited(TransactionType type, long amount, long balance, String reason,
                                              String related, String key, String previous) {
        return new PointsDebitedEvent("9001", type, amount, balance, reason, related, key, null).chainedTo(previous);
    }

    @Test
    void firstCreditOpensTheWalletAndRecordsTheResultingBalance_W1_W3() {
        fixture.givenNoPriorActivity()
                .when(redemption("r1", 100))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new WalletOpenedEvent("9001", "cooler_user"), R1);
    }

    @Test
    void creditAddsToTheBalance_W3() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(redemption("r2", 50))
                .expectEvents(credited("r2", 50, 150).chainedTo(R1.chainHash()));
    }

    @Test
    void duplicateCreditIsANoOp_W1() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(redemption("r1", 100))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void renamedLoginIsFollowed() {
        fixture.given(new WalletOpenedEvent("9001", "old_name"), R1)
                .when(redemption("r2", 10))
                .expectEvents(new UserLoginChangedEvent("9001", "cooler_user"), credited("r2", 10, 110).chainedTo(R1.chainHash()));
    }

    @Test
    void debitWithinTheBalanceIsRecordedAsANegativeAmount_W3() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(new DebitPointsCommand("9001", 30, VOTE_SPEND, "3 votes", "vote-1", "vote:vote-1:9001"))
                .expectEvents(debited(VOTE_SPEND, -30, 70, "3 votes", "vote-1", "vote:vote-1:9001",
                        R1.chainHash()));
    }

    @Test
    void debitBeyondTheBalanceIsRefusedAndChangesNothing_W2() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(new DebitPointsCommand("9001", 101, VOTE_SPEND, "101 votes", "vote-1", "vote:vote-1:9001"))
                .expectException(InsufficientPointsException.class)
                .expectNoEvents();
    }

    @Test
    void repeatedDebitIsANoOp_W2() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1,
                        debited(VOTE_SPEND, -30, 70, "3 votes", "vote-1", "vote:vote-1:9001", R1.chainHash()))
                .when(new DebitPointsCommand("9001", 30, VOTE_SPEND, "3 votes", "vote-1", "vote:vote-1:9001"))
                .expectNoEvents();
    }

    @Test
    void nonPositiveAmountsAreRefused() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"))
                .when(new CreditPointsCommand("9001", null, 0, ADMIN_ADJUSTMENT, "nothing", null, "adj-1"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aBannedUserCannotTakeARegistrationSlot_R1() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), new UserBannedEvent("9001", "cheating"))
                .when(new ReserveRegistrationSlotCommand("9001", "cooler_user", "t1", 3))
                .expectException(UserBannedException.class)
                .expectNoEvents();
    }

    @Test
    void aUserHoldsAtMostMaxActiveRegistrations_R2() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"),
                        new RegistrationSlotReservedEvent("9001", "t1"), new RegistrationSlotReservedEvent("9001", "t2"),
                        new RegistrationSlotReservedEvent("9001", "t3"))
                .when(new ReserveRegistrationSlotCommand("9001", "cooler_user", "t4", 3))
                .expectException(RegistrationLimitReachedException.class)
                .expectNoEvents();
    }

    @Test
    void aReleasedSlotCanBeTakenAgainAndRepeatsAreNoOps_R2() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"),
                        new RegistrationSlotReservedEvent("9001", "t1"), new RegistrationSlotReservedEvent("9001", "t2"),
                        new RegistrationSlotReservedEvent("9001", "t3"), new RegistrationSlotReleasedEvent("9001", "t1"))
                .when(new ReserveRegistrationSlotCommand("9001", "cooler_user", "t4", 3))
                .expectEvents(new RegistrationSlotReservedEvent("9001", "t4"));
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), new RegistrationSlotReservedEvent("9001", "t1"))
                .when(new ReserveRegistrationSlotCommand("9001", "cooler_user", "t1", 3))
                .expectNoEvents();
    }

    @Test
    void banningTwiceRecordsOneBanAndUnbanLiftsIt() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), new UserBannedEvent("9001", "spam"))
                .when(new BanUserCommand("9001", "spam again"))
                .expectNoEvents();
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), new UserBannedEvent("9001", "spam"))
                .when(new UnbanUserCommand("9001", "appeal accepted"))
                .expectEvents(new UserUnbannedEvent("9001", "appeal accepted"));
    }

    // ---- predictions (RULES P1, P4, W2) ----------------------------------------------------------------------------

    @Test
    void aReclaimTakesWhatTheBalanceAllowsAndWritesOffTheRest_P4_W2() {
        ReclaimPointsCommand reclaim = new ReclaimPointsCommand("9001", 150, PREDICTION_REVERSAL, "corrected", "p-1",
                "prediction-reversal:p-1:2");
        PointsDebitedEvent reversed = debited(PREDICTION_REVERSAL, -100, 0, "corrected", "p-1",
                "prediction-reversal:p-1:2", R1.chainHash());
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(reclaim)
                .expectEvents(reversed, new PointsWrittenOffEvent("9001", PREDICTION_REVERSAL, 50, "corrected", "p-1",
                        "prediction-reversal:p-1:2", null).chainedTo(reversed.chainHash()));
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1, reversed)
                .when(reclaim)
                .expectNoEvents(); // idempotent
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"))
                .when(reclaim)
                .expectEvents(new PointsWrittenOffEvent("9001", PREDICTION_REVERSAL, 150, "corrected", "p-1",
                        "prediction-reversal:p-1:2", null).chainedTo(START));
    }

    @Test
    void aBannedViewerCannotWagerButAnAdminCanStillDebit_P1() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1,
                        new UserBannedEvent("9001", "spam"))
                .when(new DebitPointsCommand("9001", 10, PREDICTION_WAGER, "wager", "p-1", "prediction-wager:p-1"))
                .expectException(UserBannedException.class)
                .expectNoEvents();
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1,
                        new UserBannedEvent("9001", "spam"))
                .when(new DebitPointsCommand("9001", 10, ADMIN_ADJUSTMENT, "fine", null, "admin:1"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void castVotesDebitsAndRecordsTheVotesInOneAppend_V2() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(new CastVotesCommand("9001", "c1", "v1", "m1", "pa", 3, 10))
                .expectResultMessagePayload(70L)
                .expectEvents(debited(VOTE_SPEND, -30, 70, "3 vote(s) in vote v1", "v1", "vote-cast:c1",
                                R1.chainHash()),
                        new VotesCastEvent("9001", "c1", "v1", "m1", "pa", 3, 10));
    }

    @Test
    void castVotesBeyondTheBalanceOrWhenBannedRecordsNothing_V2_W2() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(new CastVotesCommand("9001", "c1", "v1", "m1", "pa", 11, 10))
                .expectException(InsufficientPointsException.class).expectNoEvents();
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1,
                        new UserBannedEvent("9001", "abuse"))
                .when(new CastVotesCommand("9001", "c1", "v1", "m1", "pa", 1, 10))
                .expectException(UserBannedException.class).expectNoEvents();
    }

    /** A cast's key is not kept: the wallet's state does not grow with every vote (its snapshot neither). */
    @Test
    void castKeysAreNotKeptInTheWalletState() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1,
                        debited(VOTE_SPEND, -30, 70, "3 vote(s) in vote v1", "v1", "vote-cast:c1", R1.chainHash()),
                        new VotesCastEvent("9001", "c1", "v1", "m1", "pa", 3, 10))
                .when(new CastVotesCommand("9001", "c2", "v1", "m1", "pb", 1, 10))
                .expectState(wallet -> org.assertj.core.api.Assertions.assertThat(wallet.appliedKeyCount()).isEqualTo(1));
    }

    /** Snapshots (issue 10): a wallet with keys, a ban and registrations reads back whole. */
    @Test
    void theWalletSurvivesASnapshot() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1,
                        new RegistrationSlotReservedEvent("9001", "t1"), new UserBannedEvent("9001", "abuse"))
                .when(redemption("r1", 100))
                .expectSuccessfulHandlerExecution().expectNoEvents()
                .expectState(com.streamflix.league.command.testsupport.SnapshotRoundTrip::assertSurvives);
    }

    /**
     * Tamper evidence (W3): each entry's hash follows from the one before; an entry recorded before the chain existed
     * (no hash) does not break it, the chain then starts at the wallet's start hash.
     */
    @Test
    void everyLedgerEntryIsChainedToTheOneBefore_W3() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), credited("r0", 10, 10))
                .when(redemption("r1", 90))
                .expectEvents(credited("r1", 90, 100).chainedTo(START));
        PointsCreditedEvent second = credited("r2", 5, 105).chainedTo(R1.chainHash());
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1, second)
                .when(new DebitPointsCommand("9001", 5, VOTE_SPEND, "1 vote", "vote-1", "k3"))
                .expectEvents(debited(VOTE_SPEND, -5, 100, "1 vote", "vote-1", "k3", second.chainHash()));
        org.assertj.core.api.Assertions.assertThat(second.chainHash())
                .as("a different amount gives a different hash")
                .isNotEqualTo(credited("r2", 6, 105).chainedTo(R1.chainHash()).chainHash())
                .isNotEqualTo(credited("r2", 5, 105).chainedTo(START).chainHash())
                .hasSize(64);
    }

    // ---- W2's upper edge and W3's storable ledger (issue #13) -------------------------------------------------

    @Test
    void aRedemptionThatWouldPassTheMaximumBalanceIsRefusedWhole_W2() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(redemption("r2", UserWallet.MAX_BALANCE - 99))
                .expectException(BalanceLimitException.class)
                .expectNoEvents();
    }

    @Test
    void aRedemptionUpToTheMaximumBalanceIsCredited_W2() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(redemption("r2", UserWallet.MAX_BALANCE - 100))
                .expectEvents(credited("r2", UserWallet.MAX_BALANCE - 100, UserWallet.MAX_BALANCE)
                        .chainedTo(R1.chainHash()));
    }

    @Test
    void aFirstCreditAboveTheMaximumDoesNotOpenTheWallet_W2() {
        fixture.givenNoPriorActivity()
                .when(new CreditPointsCommand("9001", null, UserWallet.MAX_BALANCE + 1, ADMIN_ADJUSTMENT, "grant",
                        null, "admin:big"))
                .expectException(BalanceLimitException.class)
                .expectNoEvents();
    }

    @Test
    void aRedeliveredCreditAtTheMaximumIsStillANoOp_W1_W2() {
        PointsCreditedEvent full = credited("r2", UserWallet.MAX_BALANCE - 100, UserWallet.MAX_BALANCE)
                .chainedTo(R1.chainHash());
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1, full)
                .when(redemption("r2", UserWallet.MAX_BALANCE - 100))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** The cap bounds new money; a payout moves points that already exist and is never refused by it. */
    @Test
    void aPayoutIsNotRefusedByTheMaximumBalance_W2() {
        PointsCreditedEvent full = credited("r2", UserWallet.MAX_BALANCE - 100, UserWallet.MAX_BALANCE)
                .chainedTo(R1.chainHash());
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1, full)
                .when(new CreditPointsCommand("9001", null, 10, PREDICTION_PAYOUT, "won", "m-1", "payout:m-1"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aLoginTheReadModelCannotHoldIsRefused_W3() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"))
                .when(new RecordLoginCommand("9001", "cooler\u0000user"))
                .expectException(InvalidWalletTextException.class)
                .expectNoEvents();
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"))
                .when(new RecordLoginCommand("9001", "x".repeat(UserWallet.LOGIN_MAX_LENGTH + 1)))
                .expectException(InvalidWalletTextException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreditPointsCommand("9001", "a".repeat(100), 5, TWITCH_REWARD_REDEMPTION, "Channel Points: hug",
                        "r1", "twitch-redemption:r1"))
                .expectException(InvalidWalletTextException.class)
                .expectNoEvents();
    }

    @Test
    void aReasonWithANulIsRefusedButLineBreaksAreKept_W3() {
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(new CreditPointsCommand("9001", null, 5, ADMIN_ADJUSTMENT, "bad\u0000reason", null, "admin:1"))
                .expectException(InvalidWalletTextException.class)
                .expectNoEvents();
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(new DebitPointsCommand("9001", 5, ADMIN_ADJUSTMENT, "x".repeat(UserWallet.REASON_MAX_LENGTH + 1),
                        null, "admin:2"))
                .expectException(InvalidWalletTextException.class)
                .expectNoEvents();
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(new BanUserCommand("9001", "spam\u0007"))
                .expectException(InvalidWalletTextException.class)
                .expectNoEvents();
        fixture.given(new WalletOpenedEvent("9001", "cooler_user"), R1)
                .when(new CreditPointsCommand("9001", null, 5, ADMIN_ADJUSTMENT, "line one\nline two", null, "admin:3"))
                .expectSuccessfulHandlerExecution();
    }
}
