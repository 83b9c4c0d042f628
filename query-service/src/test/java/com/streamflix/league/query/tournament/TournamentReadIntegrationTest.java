package com.streamflix.league.query.tournament;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.tournament.ConfirmedParticipant;
import com.streamflix.league.api.tournament.ParticipantsConfirmedEvent;
import com.streamflix.league.api.tournament.PlayerRegisteredEvent;
import com.streamflix.league.api.tournament.RegistrationClosedEvent;
import com.streamflix.league.api.tournament.RegistrationOpenedEvent;
import com.streamflix.league.api.tournament.RegistrationWithdrawnEvent;
import com.streamflix.league.api.tournament.TournamentCreatedEvent;
import com.streamflix.league.api.wallet.WalletOpenedEvent;
import com.streamflix.league.query.testsupport.QueryServiceTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tournament projection and reads over HTTP against PostgreSQL (RULES T1, R3, R4; API.md, Reads). Events are
 * appended to the event store as the {@code Tournament} aggregate appends them; the tracking processor picks them
 * up as in production, so every check polls the read API until it reflects them.
 */
class TournamentReadIntegrationTest extends QueryServiceTest {

    // ---- the event stream -------------------------------------------------------------------------------------

    void tournament(String id, Object... events) {
        append("Tournament", id, events);
    }

    String createdTournament(String name) {
        String id = UUID.randomUUID().toString();
        tournament(id, new TournamentCreatedEvent(id, name, "FIFA, UCL format", Instant.parse("2025-09-01T18:00:00Z"),
                Instant.parse("2025-12-01T18:00:00Z"), 36));
        return id;
    }

    static List<String> users(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> prefix + "-" + n).toList();
    }

    static String uniquePrefix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static ParticipantsConfirmedEvent confirmed(String tournamentId, List<String> seeding, List<String> notSelected) {
        List<ConfirmedParticipant> participants = IntStream.range(0, seeding.size())
                .mapToObj(i -> ConfirmedParticipant.seeded(tournamentId, seeding.get(i), i + 1)).toList();
        return new ParticipantsConfirmedEvent(tournamentId, participants, notSelected);
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    JsonNode awaitTournament(String id, String status) throws InterruptedException {
        return awaitJson("/api/tournaments/" + id, t -> t.path("status").asText().equals(status));
    }

    List<String> userIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("userId").asText()));
        return ids;
    }

    // ---- tests ------------------------------------------------------------------------------------------------

    @Test
    void aTournamentIsPublicWithItsDetails_T1_T2() throws Exception {
        String id = createdTournament("Autumn Cup");
        tournament(id, new RegistrationOpenedEvent(id, false));

        JsonNode t = awaitTournament(id, "REGISTRATION_OPEN");
        assertThat(t.path("id").asText()).isEqualTo(id);
        assertThat(t.path("name").asText()).isEqualTo("Autumn Cup");
        assertThat(t.path("description").asText()).isEqualTo("FIFA, UCL format");
        assertThat(t.path("maxParticipants").asInt()).isEqualTo(36);
        assertThat(t.path("startsAt").asText()).isEqualTo("2025-09-01T18:00:00Z");
        assertThat(t.path("endsAt").asText()).isEqualTo("2025-12-01T18:00:00Z");
        assertThat(Instant.parse(t.path("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(t.path("registeredCount").asLong()).isZero();
        assertThat(t.path("confirmedCount").asLong()).isZero();
    }

    @Test
    void anUnknownTournamentIsA404Problem() throws Exception {
        for (String path : List.of("/api/tournaments/nope", "/api/admin/tournaments/nope/registrations")) {
            var response = get(path, admin());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(get("/api/tournaments/nope/my-registration-status", session("someone")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theListIsNewestFirstFilterableByStatusAndPaged() throws Exception {
        String older = createdTournament("Older draft");
        Thread.sleep(5);
        String open = createdTournament("Open one");
        tournament(open, new RegistrationOpenedEvent(open, false));
        Thread.sleep(5);
        String newer = createdTournament("Newer draft");
        awaitTournament(open, "REGISTRATION_OPEN");
        awaitTournament(newer, "DRAFT");

        JsonNode drafts = getJson("/api/tournaments?status=DRAFT&size=100");
        List<String> draftIds = new ArrayList<>();
        drafts.path("items").forEach(item -> draftIds.add(item.path("id").asText()));
        assertThat(draftIds).containsSubsequence(newer, older).doesNotContain(open);
        drafts.path("items").forEach(item -> assertThat(item.path("status").asText()).isEqualTo("DRAFT"));
        assertThat(drafts.path("total").asLong()).isEqualTo(draftIds.size());

        JsonNode first = getJson("/api/tournaments?size=1");
        assertThat(first.path("items")).hasSize(1);
        assertThat(first.path("items").get(0).path("id").asText()).isEqualTo(newer);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(1);
        assertThat(first.path("total").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode second = getJson("/api/tournaments?size=1&page=1");
        assertThat(second.path("items").get(0).path("id").asText()).isEqualTo(open);
    }

    @Test
    void invalidParametersAre400Problems() throws Exception {
        String id = createdTournament("Parameters");
        awaitTournament(id, "DRAFT");
        for (String path : List.of("/api/tournaments?status=BOGUS", "/api/tournaments?size=0",
                "/api/tournaments?size=101", "/api/tournaments?page=-1",
                "/api/admin/tournaments/" + id + "/registrations?status=WITHDRAWN",
                "/api/admin/tournaments/" + id + "/registrations?size=101",
                "/api/admin/tournaments/" + id + "/registrations?page=-1")) {
            var response = get(path, admin());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void myRegistrationStatusNeedsASession() throws Exception {
        String id = createdTournament("Sessions");
        awaitTournament(id, "DRAFT");
        assertThat(get("/api/tournaments/" + id + "/my-registration-status").statusCode()).isEqualTo(401);
        assertThat(get("/api/tournaments/" + id + "/my-registration-status", "Cookie", "streamflix_session=forged")
                .statusCode()).isEqualTo(401);
    }

    /**
     * 40 register (one withdraws and one more registers late, so 40 remain), the admin confirms 36 in a chosen
     * order: each read shows the roster, the 4 left out, seeding, pots and zeroed standings (R3, R4).
     */
    @Test
    void confirmingTheRosterIsProjectedEverywhere_R3_R4() throws Exception {
        String id = createdTournament("Roster");
        String prefix = uniquePrefix();
        List<String> registrants = users(prefix, 40);
        String withdrawn = prefix + "-quitter";
        String walletFirst = registrants.get(0);
        String walletLater = registrants.get(1);
        append("UserWallet", walletFirst, new WalletOpenedEvent(walletFirst, "wallet_login_first"));

        tournament(id, new RegistrationOpenedEvent(id, false));
        tournament(id, new PlayerRegisteredEvent(id, withdrawn, "quitter"));
        for (String userId : registrants.subList(0, 20)) {
            tournament(id, new PlayerRegisteredEvent(id, userId, "login_" + userId));
        }
        tournament(id, new RegistrationWithdrawnEvent(id, withdrawn));
        tournament(id, new RegistrationClosedEvent(id), new RegistrationOpenedEvent(id, true)); // T1: reopened
        for (String userId : registrants.subList(20, 40)) {
            tournament(id, new PlayerRegisteredEvent(id, userId, "login_" + userId));
        }
        append("UserWallet", walletLater, new WalletOpenedEvent(walletLater, "wallet_login_later"));
        tournament(id, new RegistrationClosedEvent(id));
        awaitTournament(id, "AWAITING_SELECTION");
        assertThat(getJson("/api/admin/tournaments/" + id + "/registrations?status=PENDING&size=100", admin())
                .path("total").asLong()).isEqualTo(40);

        // The admin's order: the last 20 registrants first, then the first 16; registrants 17-20 are left out.
        List<String> seeding = new ArrayList<>(registrants.subList(20, 40));
        seeding.addAll(registrants.subList(0, 16));
        List<String> notSelected = registrants.subList(16, 20);
        tournament(id, confirmed(id, seeding, notSelected));

        JsonNode t = awaitTournament(id, "REGISTRATION_CLOSED");
        assertThat(t.path("registeredCount").asLong()).isEqualTo(40);
        assertThat(t.path("confirmedCount").asLong()).isEqualTo(36);

        String registrations = "/api/admin/tournaments/" + id + "/registrations";
        JsonNode all = getJson(registrations + "?size=100", admin());
        assertThat(all.path("total").asLong()).isEqualTo(40);
        assertThat(userIds(all)).containsExactlyElementsOf(registrants); // registration order
        JsonNode left = getJson(registrations + "?status=NOT_SELECTED", admin());
        assertThat(userIds(left)).containsExactlyElementsOf(notSelected);
        assertThat(left.path("total").asLong()).isEqualTo(4);
        JsonNode confirmedPage = getJson(registrations + "?status=CONFIRMED&page=1&size=10", admin());
        assertThat(confirmedPage.path("total").asLong()).isEqualTo(36);
        List<String> confirmedInRegistrationOrder = registrants.stream().filter(u -> !notSelected.contains(u)).toList();
        assertThat(userIds(confirmedPage)).containsExactlyElementsOf(confirmedInRegistrationOrder.subList(10, 20));

        JsonNode item = all.path("items").get(2);
        assertThat(item.path("login").asText()).isEqualTo("login_" + registrants.get(2));
        assertThat(item.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(item.path("banned").asBoolean()).isFalse();
        assertThat(Instant.parse(item.path("registeredAt").asText())).isBefore(Instant.now().plusSeconds(1));
        // A wallet opened first keeps its login; one opened later converges on the same single users row.
        assertThat(all.path("items").get(0).path("login").asText()).isEqualTo("wallet_login_first");
        await("the later wallet", () -> jdbc.queryForObject(
                "SELECT count(*) FROM users WHERE user_id = ?", Long.class, walletLater), n -> n == 1);

        // R1 shows the current ban state, whenever the ban was projected.
        jdbc.update("UPDATE users SET is_banned = TRUE WHERE user_id = ?", registrants.get(3));
        assertThat(getJson(registrations + "?size=100", admin()).path("items").get(3).path("banned").asBoolean())
                .isTrue();

        String status = "/api/tournaments/" + id + "/my-registration-status";
        assertThat(getJson(status, session(seeding.get(0))).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(getJson(status, session(notSelected.get(0))).path("status").asText()).isEqualTo("NOT_SELECTED");
        assertThat(getJson(status, session(withdrawn)).path("status").asText()).isEqualTo("NOT_REGISTERED");
        assertThat(getJson(status, session("stranger")).path("status").asText()).isEqualTo("NOT_REGISTERED");

        List<Map<String, Object>> participants = jdbc.queryForList("""
                SELECT p.id, p.user_id, p.seed_position, p.pot, p.status, r.user_id AS registration_user
                FROM tournament_participants p JOIN tournament_registrations r ON r.id = p.registration_id
                WHERE p.tournament_id = ? ORDER BY p.seed_position""", id);
        assertThat(participants).hasSize(36);
        for (int i = 0; i < 36; i++) {
            Map<String, Object> p = participants.get(i);
            assertThat(p.get("user_id")).isEqualTo(seeding.get(i));
            assertThat(p.get("registration_user")).isEqualTo(seeding.get(i));
            assertThat(p.get("seed_position")).isEqualTo(i + 1);
            assertThat(p.get("pot")).isEqualTo(i / 9 + 1);
            assertThat(p.get("status")).isEqualTo("ACTIVE");
            assertThat(p.get("id")).isEqualTo(UUID.nameUUIDFromBytes((id + "/" + seeding.get(i))
                    .getBytes(StandardCharsets.UTF_8)).toString());
        }
        assertThat(jdbc.queryForList("""
                SELECT points + bonus_points + matches_played + wins + draws + losses + goals_for + goals_against
                       + away_goals_for + away_wins
                FROM league_standings s JOIN tournament_participants p ON p.id = s.participant_id
                WHERE s.tournament_id = ?""", Integer.class, id)).hasSize(36).containsOnly(0);
    }

    /** Replaying the whole stream over the existing rows gives the same rows (idempotent projection). */
    @Test
    void aReplayRebuildsTheSameRows() throws Exception {
        String id = createdTournament("Replay");
        String prefix = uniquePrefix();
        List<String> registrants = users(prefix, 38);
        tournament(id, new RegistrationOpenedEvent(id, false));
        registrants.forEach(u -> tournament(id, new PlayerRegisteredEvent(id, u, "login_" + u)));
        // registrant 1 withdraws and comes back: the registration that counts is the second one
        tournament(id, new RegistrationWithdrawnEvent(id, registrants.get(0)),
                new PlayerRegisteredEvent(id, registrants.get(0), "login_again"));
        tournament(id, new RegistrationClosedEvent(id),
                confirmed(id, registrants.subList(0, 36), registrants.subList(36, 38)));
        awaitTournament(id, "REGISTRATION_CLOSED");
        String before = snapshot();
        jdbc.update("""
                DELETE FROM league_standings WHERE participant_id = (
                    SELECT id FROM tournament_participants WHERE tournament_id = ? AND seed_position = 36)""", id);

        replay(TournamentProjection.PROCESSING_GROUP);

        assertThat(snapshot()).isEqualTo(before);
    }

    /** Every projected column, keyed by natural keys (generated row ids may differ after a rebuild). */
    String snapshot() {
        return String.join("\n",
                jdbc.queryForList("SELECT concat_ws('|', id, name, description, status, max_participants, starts_at, "
                        + "ends_at, created_at) FROM tournaments ORDER BY id", String.class).toString(),
                jdbc.queryForList("SELECT concat_ws('|', tournament_id, user_id, status, registered_at) "
                        + "FROM tournament_registrations ORDER BY tournament_id, user_id", String.class).toString(),
                jdbc.queryForList("SELECT concat_ws('|', p.id, p.user_id, p.tournament_id, p.seed_position, p.pot, "
                        + "p.status, p.confirmed_at, r.user_id) FROM tournament_participants p "
                        + "JOIN tournament_registrations r ON r.id = p.registration_id ORDER BY p.id", String.class)
                        .toString(),
                jdbc.queryForList("SELECT concat_ws('|', participant_id, tournament_id, points, bonus_points, "
                        + "matches_played, wins, draws, losses, goals_for, goals_against, away_goals_for, away_wins, "
                        + "updated_at) FROM league_standings ORDER BY participant_id", String.class).toString(),
                jdbc.queryForList("SELECT concat_ws('|', user_id, twitch_username) FROM users ORDER BY user_id",
                        String.class).toString());
    }
}
