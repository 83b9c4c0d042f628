package com.streamflix.league.knockout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * D5 for K1's halves draw, tested statistically: each pair's better member goes to side S half of the time, and the
 * pairs' coins are independent. Seeds are consecutive integers, the least random source a streamer might use ("whatever
 * the seed's source"), so the test also shows that nearby seeds do not give related draws. The seeds are fixed, so the
 * test is deterministic; a biased or correlated draw fails it reliably.
 */
class KnockoutFairnessTest {

    private static final List<String> RANKING = KnockoutBracketTest.RANKING;
    private static final int DRAWS = 20_000;

    /** Chi-square critical values at significance 0.001 (scipy.stats.chi2.isf); 66 pair tests share it (Bonferroni). */
    private static final double CHI2_DF3_BONFERRONI_66 = 25.039;
    private static final double CHI2_DF4095 = 4380.37;

    @Test
    void eachPairsBetterMemberLandsOnSideSHalfTheTime_K1_D5() {
        int[] betterOnS = new int[12];
        for (long seed = 0; seed < DRAWS; seed++) {
            int mask = KnockoutBracket.halves(seed);
            for (int pair = 0; pair < 12; pair++) {
                betterOnS[pair] += mask >> pair & 1;
            }
        }
        double sd = Math.sqrt(DRAWS * 0.25);
        for (int pair = 0; pair < 12; pair++) {
            assertThat(Math.abs(betterOnS[pair] - DRAWS / 2.0)).as("places %d/%d", 2 * pair + 1, 2 * pair + 2)
                    .isLessThanOrEqualTo(4 * sd);
        }
    }

    @Test
    void everyTwoPairsAreDrawnIndependently_K1_D5() {
        int[][][] combos = new int[12][12][4];
        for (long seed = 0; seed < DRAWS; seed++) {
            int mask = KnockoutBracket.halves(seed);
            for (int p = 0; p < 12; p++) {
                for (int q = p + 1; q < 12; q++) {
                    combos[p][q][(mask >> p & 1) * 2 + (mask >> q & 1)]++;
                }
            }
        }
        for (int p = 0; p < 12; p++) {
            for (int q = p + 1; q < 12; q++) {
                assertThat(chiSquareAgainstUniform(combos[p][q])).as("pairs %d and %d", p, q)
                        .isLessThan(CHI2_DF3_BONFERRONI_66);
            }
        }
    }

    /** All 4,096 outcomes of the halves draw equally likely: the strongest form of "fair and independent". */
    @Test
    void all4096HalvesOutcomesAreEquallyLikely_K1_D5() {
        int[] outcomes = new int[1 << 12];
        long firstSeed = 1_000_000;
        for (long seed = firstSeed; seed < firstSeed + 10L * outcomes.length; seed++) {
            outcomes[KnockoutBracket.halves(seed)]++;
        }
        assertThat(chiSquareAgainstUniform(outcomes)).isLessThan(CHI2_DF4095);
    }

    @Test
    void theDrawnMaskIsWhatTheBracketPlaces_K1() {
        for (long seed = 0; seed < 100; seed++) {
            KnockoutBracket bracket = KnockoutBracket.draw(RANKING, seed);
            int mask = KnockoutBracket.halves(seed);
            for (int pair = 0; pair < 12; pair++) {
                Side betterSide = (mask >> pair & 1) == 1 ? Side.S : Side.B;
                assertThat(bracket.sideOf(2 * pair + 1)).isEqualTo(betterSide);
            }
        }
    }

    private static double chiSquareAgainstUniform(int[] observed) {
        long total = 0;
        for (int count : observed) {
            total += count;
        }
        double expected = (double) total / observed.length;
        double chiSquare = 0;
        for (int count : observed) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        return chiSquare;
    }
}
