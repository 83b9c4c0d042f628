package com.streamflix.league.api.wallet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's hash chain (W3 tamper evidence). Stored hashes were computed with this encoding, so it must never
 * drift: the vectors below were computed by an independent implementation of the encoding described in README
 * ("Auditing the ledger"), not by this code.
 */
class LedgerChainTest {
    private static final String START_1001 = "0ffceac9bd5d46fc93d8a69ebb57132a63556c5d8b803e9cc000a5d2c1398737";

    private static PointsCreditedEvent credit(String userId, long amount, String reason) {
        return new PointsCreditedEvent(userId, TransactionType.TWITCH_REWARD_REDEMPTION, amount, amount, reason, "r-1",
                "twitch-redemption:r-1", null);
    }

    @Test
    void theEncodingMatchesTheIndependentVectors_W3() {
        assertThat(LedgerChain.start("1001")).isEqualTo(START_1001);
        assertThat(credit("1001", 100, "Channel Points: hug").chainedTo(START_1001).chainHash())
                .isEqualTo("f6a8152bc40639ecf789aa8c5344e2182138d8e5d9aa8248df2ca09bce675443");
    }

    @Test
    void everyFieldAndThePreviousHashChangeTheHash_W3() {
        String reference = credit("1001", 100, "hug").chainedTo(START_1001).chainHash();
        assertThat(credit("1001", 101, "hug").chainedTo(START_1001).chainHash()).isNotEqualTo(reference);
        assertThat(credit("1001", 100, "hug!").chainedTo(START_1001).chainHash()).isNotEqualTo(reference);
        assertThat(credit("1002", 100, "hug").chainedTo(START_1001).chainHash()).isNotEqualTo(reference);
        assertThat(credit("1001", 100, "hug").chainedTo(LedgerChain.start("1002")).chainHash()).isNotEqualTo(reference);
        assertThat(credit("1001", 100, null).chainedTo(START_1001).chainHash())
                .isNotEqualTo(credit("1001", 100, "").chainedTo(START_1001).chainHash());
        PointsDebitedEvent sameFieldsAsDebit = new PointsDebitedEvent("1001", TransactionType.TWITCH_REWARD_REDEMPTION,
                100, 100, "hug", "r-1", "twitch-redemption:r-1", null).chainedTo(START_1001);
        assertThat(sameFieldsAsDebit.chainHash()).as("the kind of entry is part of it").isNotEqualTo(reference);
        assertThat(credit("1001", 100, "hug").chainedTo(START_1001).chainHash()).as("deterministic").isEqualTo(reference);
    }

    /** Fields are length-prefixed: moving characters from one field to the next is a different entry. */
    @Test
    void fieldBoundariesCannotBeShifted_W3() {
        PointsCreditedEvent a = new PointsCreditedEvent("1001", TransactionType.ADMIN_ADJUSTMENT, 5, 5, "ab", "c", "k",
                null).chainedTo(START_1001);
        PointsCreditedEvent b = new PointsCreditedEvent("1001", TransactionType.ADMIN_ADJUSTMENT, 5, 5, "a", "bc", "k",
                null).chainedTo(START_1001);
        assertThat(a.chainHash()).isNotEqualTo(b.chainHash());
    }
}
