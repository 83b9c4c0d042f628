package com.streamflix.league.knockout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** K3: aggregate goals decide a tie, no away-goals rule; a level tie (or drawn final) needs the penalties winner. */
class TieOutcomeTest {

    private static final TiePairing QUARTER_FINAL = new TiePairing(Slot.of("QF-S1"), "better", "worse");
    private static final TiePairing FINAL = new TiePairing(Slot.of("FINAL"), "sideS", "sideB");

    @Test
    void aggregateAddsBothLegsPerParticipant_K3() {
        List<LegScore> legs = List.of(new LegScore("worse", "better", 2, 1), new LegScore("better", "worse", 3, 0));

        assertThat(TieOutcome.aggregate(legs)).containsExactly(Map.entry("worse", 2), Map.entry("better", 4));
        assertThat(TieOutcome.winner("better", "worse", legs, null)).isEqualTo("better");
        assertThat(TieOutcome.winner(QUARTER_FINAL, legs, null)).isEqualTo("better");
    }

    @Test
    void awayGoalsDoNotCount_K3() {
        List<LegScore> legs = List.of(new LegScore("worse", "better", 1, 2), new LegScore("better", "worse", 0, 1));

        assertThat(TieOutcome.level("better", "worse", legs)).isTrue();
        assertThatThrownBy(() -> TieOutcome.winner(QUARTER_FINAL, legs, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("penalties winner is required");
        assertThat(TieOutcome.winner(QUARTER_FINAL, legs, "worse")).isEqualTo("worse");
    }

    @Test
    void penaltiesGivenWhenNotLevelAreRefused_K3() {
        List<LegScore> legs = List.of(new LegScore("worse", "better", 0, 0), new LegScore("better", "worse", 1, 0));

        assertThat(TieOutcome.level("better", "worse", legs)).isFalse();
        assertThatThrownBy(() -> TieOutcome.winner(QUARTER_FINAL, legs, "worse"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void penaltiesWinnerMustBeInTheTie_K3() {
        List<LegScore> legs = List.of(new LegScore("worse", "better", 1, 1), new LegScore("better", "worse", 2, 2));

        assertThatThrownBy(() -> TieOutcome.winner(QUARTER_FINAL, legs, "someone else"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFinalIsOneMatchAndADrawGoesToPenalties_K2_K3() {
        assertThat(TieOutcome.winner(FINAL, List.of(new LegScore("sideS", "sideB", 1, 3)), null)).isEqualTo("sideB");
        List<LegScore> drawn = List.of(new LegScore("sideS", "sideB", 2, 2));
        assertThatThrownBy(() -> TieOutcome.winner(FINAL, drawn, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TieOutcome.winner(FINAL, drawn, "sideS")).isEqualTo("sideS");
        assertThatThrownBy(() -> TieOutcome.winner(FINAL,
                List.of(new LegScore("sideS", "sideB", 1, 0), new LegScore("sideB", "sideS", 1, 0)), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIncompleteOrForeignTieIsRefused_K3() {
        LegScore firstLeg = new LegScore("worse", "better", 1, 0);

        assertThatThrownBy(() -> TieOutcome.winner(QUARTER_FINAL, List.of(firstLeg), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TieOutcome.winner("better", "worse", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TieOutcome.winner("better", "worse", List.of(firstLeg, firstLeg), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TieOutcome.level("better", "other", List.of(firstLeg)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TieOutcome.level("better", "worse", List.of())).isTrue();
        assertThatThrownBy(() -> new LegScore("a", "b", -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
