package com.streamflix.league.api.tournament;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ConfirmedParticipantTest {

    @Test
    void everyNineSeedsFormTheNextPot_R4() {
        assertThat(ConfirmedParticipant.seeded("t", "u", 1).pot()).isEqualTo(1);
        assertThat(ConfirmedParticipant.seeded("t", "u", 9).pot()).isEqualTo(1);
        assertThat(ConfirmedParticipant.seeded("t", "u", 10).pot()).isEqualTo(2);
        assertThat(ConfirmedParticipant.seeded("t", "u", 18).pot()).isEqualTo(2);
        assertThat(ConfirmedParticipant.seeded("t", "u", 19).pot()).isEqualTo(3);
        assertThat(ConfirmedParticipant.seeded("t", "u", 28).pot()).isEqualTo(4);
        assertThat(ConfirmedParticipant.seeded("t", "u", 36).pot()).isEqualTo(4);
    }

    @Test
    void theParticipantIdFollowsFromTheTournamentAndTheUser() {
        String expected = UUID.nameUUIDFromBytes("t-1/9001".getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(ConfirmedParticipant.idOf("t-1", "9001")).isEqualTo(expected);
        assertThat(ConfirmedParticipant.seeded("t-1", "9001", 5))
                .isEqualTo(new ConfirmedParticipant(expected, "9001", 5, 1));
        assertThat(ConfirmedParticipant.idOf("t-2", "9001")).isNotEqualTo(expected);
    }
}
