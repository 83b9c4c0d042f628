package com.streamflix.league.query.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.draw.Fixture;
import com.streamflix.league.query.testsupport.CompetitionTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill switch (issue #11): with {@code streamflix.predictions.enabled=false} the prediction reads answer 404
 * problem+json and show nothing, for a match that exists and a book that has predictions; the balance board stays.
 */
@TestPropertySource(properties = "streamflix.predictions.enabled=false")
class PredictionsSwitchedOffIntegrationTest extends CompetitionTest {

    @Test
    void predictionReadsAre404WhileSwitchedOff_P1() throws Exception {
        Roster roster = confirmedRoster();
        MatchRef match = drawn(roster.id(), null, roster.seedingPots(),
                List.of(new Fixture(1, roster.users().get(0), roster.users().get(35)))).get(0);
        awaitMatches(roster.id(), 1);
        String viewer = "off-" + roster.id().substring(0, 8);
        wallet(viewer, "viewer", 100);
        new Book(match).place(viewer, match.a(), 10);
        awaitJson("/api/leaderboard?by=balance&size=100", board -> {
            for (JsonNode entry : board.path("items")) {
                if (entry.path("userId").asText().equals(viewer)) {
                    return entry.path("value").asLong() == 90;
                }
            }
            return false;
        });

        assertThat(getJson("/api/matches/" + match.id()).path("id").asText()).isEqualTo(match.id());
        notFound(get("/api/matches/" + match.id() + "/predictions"));
        notFound(get("/api/users/me/predictions", session(viewer)));
        notFound(get("/api/leaderboard?by=won"));
    }

    private void notFound(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("type").asText()).endsWith("/predictions-disabled");
        assertThat(response.body()).doesNotContain("poolA", "items");
    }
}
