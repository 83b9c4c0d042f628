package com.streamflix.league.query.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.vote.VoteStartedEvent;
import com.streamflix.league.api.vote.VotesCastEvent;
import com.streamflix.league.query.testsupport.CompetitionTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.streamflix.league.api.wallet.TransactionType.ADMIN_ADJUSTMENT;
import static com.streamflix.league.api.wallet.TransactionType.TWITCH_REWARD_REDEMPTION;
import static com.streamflix.league.api.wallet.TransactionType.VOTE_SPEND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Why did my balance change" (RULES W3, API.md {@code /api/users/me/transactions}): each ledger line names the
 * redemption, vote, prediction or adjustment behind it, with its match and tournament, in ids and in words.
 */
class WalletTransactionsRelatedIntegrationTest extends CompetitionTest {

    static String newUser() {
        return "r" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** V2 as the command side appends it: the debit, then the votes, on the voter's wallet. */
    void cast(String userId, String voteId, MatchRef match, String participantId, int votes, long costPerVote) {
        String castId = UUID.randomUUID().toString();
        debit(userId, VOTE_SPEND, votes * costPerVote, votes + " vote(s) in vote " + voteId, voteId,
                "vote-cast:" + castId);
        append("UserWallet", userId, new VotesCastEvent(userId, castId, voteId, match.id(), participantId, votes,
                costPerVote));
    }

    static List<String> labels(JsonNode page) {
        List<String> labels = new ArrayList<>();
        page.path("items").forEach(item -> labels.add(item.path("related").path("label").asText(null)));
        return labels;
    }

    @Test
    void eachLineNamesTheRedemptionVotePredictionOrAdjustmentBehindIt_W3() throws Exception {
        Roster roster = confirmedRoster();
        MatchRef match = leagueDrawn(roster, 7).get(0);
        awaitMatches(roster.id(), 144);
        String home = "login_" + roster.userOf(match.a());
        String away = "login_" + roster.userOf(match.b());
        String fan = newUser();
        String rival = newUser();
        wallet(fan, "fan_" + fan, 0);
        wallet(rival, "rival_" + rival, 100);

        credit(fan, TWITCH_REWARD_REDEMPTION, 500, "Channel Points: Hydrate", "redemption-" + fan,
                "twitch-redemption:" + fan);
        Book book = new Book(match);
        String prediction = book.place(fan, match.a(), 100);
        book.place(rival, match.b(), 100);
        start(match);
        book.lock();
        String vote = "vote-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        append("VoteEvent", vote, new VoteStartedEvent(vote, match.id(), roster.id(), match.a(), match.b(), 1, 10,
                now, now.plus(Duration.ofMinutes(2))));
        cast(fan, vote, match, match.a(), 3, 10);
        cast(fan, vote, match, match.b(), 2, 10); // same vote, other side: paired with its own cast
        complete(match, MatchResult.played(match.a(), match.b(), 1, 0, null), null);
        book.settle(match.a(), null);
        credit(fan, ADMIN_ADJUSTMENT, 25, "Goodwill for the outage", null, "adj:" + fan);

        String game = home + " vs " + away;
        List<String> expected = List.of(
                "Admin adjustment: Goodwill for the outage",
                "Prediction won on " + game + ": " + home + " to win",
                "2 vote(s) for " + away + " in " + game,
                "3 vote(s) for " + home + " in " + game,
                "Prediction on " + game + ": " + home + " to win",
                "Channel Points redemption: Hydrate");
        JsonNode page = awaitJson("/api/users/me/transactions", p -> labels(p).equals(expected), session(fan));
        JsonNode items = page.path("items");

        JsonNode adjustment = items.get(0);
        assertThat(adjustment.path("related").path("kind").asText()).isEqualTo("ADJUSTMENT");
        assertThat(adjustment.path("related").path("id").isNull()).isTrue();
        assertThat(adjustment.path("related").path("matchId").isNull()).isTrue();

        for (JsonNode line : List.of(items.get(1), items.get(4))) {
            assertThat(line.path("relatedEntityId").asText()).as("API.md field kept").isEqualTo(prediction);
            assertRelated(line, "PREDICTION", prediction, match);
        }
        assertThat(items.get(1).path("amount").asLong()).isEqualTo(200);
        assertThat(items.get(4).path("amount").asLong()).isEqualTo(-100);

        for (JsonNode line : List.of(items.get(2), items.get(3))) {
            assertThat(line.path("relatedEntityId").asText()).isEqualTo(vote);
            assertRelated(line, "VOTE", vote, match);
        }

        JsonNode redemption = items.get(5);
        assertThat(redemption.path("related").path("kind").asText()).isEqualTo("REDEMPTION");
        assertThat(redemption.path("related").path("id").asText()).isEqualTo("redemption-" + fan);
        assertThat(redemption.path("related").path("tournamentId").isNull()).isTrue();
        assertThat(redemption.path("description").asText()).isEqualTo("Channel Points: Hydrate");

        JsonNode older = getJson("/api/users/me/transactions?page=1&size=3", session(fan));
        assertThat(labels(older)).as("paging keeps each vote debit with its own cast")
                .isEqualTo(expected.subList(3, 6));
    }

    @Test
    void aLineWhoseVoteTheReadModelDoesNotKnowKeepsTheCommandSidesWords_W3() throws Exception {
        String user = newUser();
        wallet(user, "viewer_" + user, 50);
        debit(user, VOTE_SPEND, 20, "2 vote(s) in vote vote-unknown", "vote-unknown", "vote:" + user);
        JsonNode page = awaitJson("/api/users/me/transactions", p -> p.path("total").asInt() == 2, session(user));
        JsonNode related = page.path("items").get(0).path("related");
        assertThat(related.path("kind").asText()).isEqualTo("VOTE");
        assertThat(related.path("id").asText()).isEqualTo("vote-unknown");
        assertThat(related.path("matchId").isNull()).isTrue();
        assertThat(related.path("label").asText()).isEqualTo("2 vote(s) in vote vote-unknown");
        assertThat(page.path("items").get(1).path("related").path("label").asText())
                .isEqualTo("Admin adjustment: starting points");
    }

    static void assertRelated(JsonNode line, String kind, String id, MatchRef match) {
        JsonNode related = line.path("related");
        assertThat(related.path("kind").asText()).isEqualTo(kind);
        assertThat(related.path("id").asText()).isEqualTo(id);
        assertThat(related.path("matchId").asText()).isEqualTo(match.id());
        assertThat(related.path("tournamentId").asText()).isEqualTo(match.tournamentId());
    }
}
