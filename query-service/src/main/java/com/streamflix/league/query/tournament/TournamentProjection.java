package com.streamflix.league.query.tournament;

import com.streamflix.league.api.draw.LeagueDrawnEvent;
import com.streamflix.league.api.knockout.KnockoutTieDecidedEvent;
import com.streamflix.league.api.knockout.KnockoutsSeededEvent;
import com.streamflix.league.api.knockout.TournamentCompletedEvent;
import com.streamflix.league.api.tournament.ParticipantsConfirmedEvent;
import com.streamflix.league.api.tournament.PlayerRegisteredEvent;
import com.streamflix.league.api.tournament.RegistrationClosedEvent;
import com.streamflix.league.api.tournament.RegistrationOpenedEvent;
import com.streamflix.league.api.tournament.RegistrationWithdrawnEvent;
import com.streamflix.league.api.tournament.TournamentCreatedEvent;
import com.streamflix.league.api.tournament.TournamentStatus;
import com.streamflix.league.query.standings.LeagueStandings;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.streamflix.league.api.tournament.RegistrationStatus.CONFIRMED;
import static com.streamflix.league.api.tournament.RegistrationStatus.NOT_SELECTED;

/**
 * Projects the tournament events (RULES T1, R3, R4, D4, S3, K4) into {@code tournaments}, {@code
 * tournament_registrations} and {@code tournament_participants}, and starts the league table ({@link LeagueStandings})
 * when the roster is confirmed. Every write is idempotent — inserts keyed by the tournament, the (user, tournament)
 * pair or the participant id, status changes as plain overwrites in event order — so a replay over existing rows, a
 * redelivery or a rebuild gives the same rows.
 * <p>
 * A registrant need not have a wallet yet, but {@code users} rows come from the wallet projection (another
 * processor, possibly later or never): a registration therefore inserts a placeholder {@code users} row with the
 * login it carries. Both inserts are {@code ON CONFLICT DO NOTHING}, so either order converges.
 */
@Component
@ProcessingGroup(TournamentProjection.PROCESSING_GROUP)
public class TournamentProjection {
    public static final String PROCESSING_GROUP = "tournaments";

    private final JdbcTemplate jdbc;
    private final LeagueStandings standings;

    public TournamentProjection(JdbcTemplate jdbc, LeagueStandings standings) {
        this.jdbc = jdbc;
        this.standings = standings;
    }

    @EventHandler
    void on(TournamentCreatedEvent event, EventMessage<?> message) {
        jdbc.update("""
                        INSERT INTO tournaments (id, name, description, status, max_participants, starts_at, ends_at,
                                                 created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.tournamentId(), event.name(), event.description(), TournamentStatus.DRAFT.name(),
                event.maxParticipants(), timestamp(event.startsAt()), timestamp(event.endsAt()),
                timestamp(message.getTimestamp()));
    }

    @EventHandler
    void on(RegistrationOpenedEvent event) {
        status(event.tournamentId(), TournamentStatus.REGISTRATION_OPEN);
    }

    @EventHandler
    void on(RegistrationClosedEvent event) {
        status(event.tournamentId(), TournamentStatus.AWAITING_SELECTION);
    }

    @EventHandler
    void on(PlayerRegisteredEvent event, EventMessage<?> message) {
        Timestamp at = timestamp(message.getTimestamp());
        jdbc.update("""
                        INSERT INTO users (user_id, twitch_username, created_at, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (user_id) DO UPDATE SET twitch_username = excluded.twitch_username
                        WHERE users.twitch_username = users.user_id""",
                event.userId(), event.login() == null ? event.userId() : event.login(), at, at);
        jdbc.update("""
                        INSERT INTO tournament_registrations (user_id, tournament_id, status, registered_at)
                        VALUES (?, ?, 'PENDING', ?) ON CONFLICT (user_id, tournament_id) DO NOTHING""",
                event.userId(), event.tournamentId(), at);
    }

    /**
     * Only a pending registration can have been withdrawn. The guard keeps a replay over existing rows from
     * deleting a registration that a later event confirmed (and a participant row points to).
     */
    @EventHandler
    void on(RegistrationWithdrawnEvent event) {
        jdbc.update("DELETE FROM tournament_registrations WHERE tournament_id = ? AND user_id = ? AND status = 'PENDING'",
                event.tournamentId(), event.userId());
    }

    /**
     * R4: the roster's registrations confirmed, a participant each, the rest not selected; the table starts with a
     * zeroed row each, ranked by seeding (S2's last criterion).
     */
    @EventHandler
    void on(ParticipantsConfirmedEvent event, EventMessage<?> message) {
        String tournamentId = event.tournamentId();
        Timestamp at = timestamp(message.getTimestamp());
        String setStatus = """
                UPDATE tournament_registrations SET status = ? WHERE tournament_id = ? AND user_id = ?""";
        jdbc.batchUpdate(setStatus, event.participants().stream()
                .map(p -> new Object[]{CONFIRMED.name(), tournamentId, p.userId()}).toList());
        jdbc.batchUpdate(setStatus, event.notSelectedUserIds().stream()
                .map(userId -> new Object[]{NOT_SELECTED.name(), tournamentId, userId}).toList());
        jdbc.batchUpdate("""
                        INSERT INTO tournament_participants (id, registration_id, user_id, tournament_id, seed_position,
                                                             pot, confirmed_at)
                        SELECT ?, r.id, r.user_id, r.tournament_id, ?, ?, ?
                        FROM tournament_registrations r WHERE r.tournament_id = ? AND r.user_id = ?
                        ON CONFLICT (id) DO NOTHING""",
                event.participants().stream().map(p -> new Object[]{
                        p.participantId(), p.seedPosition(), p.pot(), at, tournamentId, p.userId()}).toList());
        standings.recompute(tournamentId, message.getTimestamp());
        status(tournamentId, TournamentStatus.REGISTRATION_CLOSED);
    }

    /** T1: the draw starts the league phase. Pots the draw names replace the seeding's (R4). */
    @EventHandler
    void on(LeagueDrawnEvent event) {
        List<Object[]> pots = new ArrayList<>();
        for (int pot = 0; pot < event.pots().size(); pot++) {
            for (String userId : event.pots().get(pot)) {
                pots.add(new Object[]{pot + 1, event.tournamentId(), userId});
            }
        }
        jdbc.batchUpdate("UPDATE tournament_participants SET pot = ? WHERE tournament_id = ? AND user_id = ?", pots);
        status(event.tournamentId(), TournamentStatus.LEAGUE_PHASE);
    }

    /** T1, S3: the league phase is over, places 25–36 are out. */
    @EventHandler
    void on(KnockoutsSeededEvent event) {
        participantStatus(event.eliminatedParticipantIds(), ParticipantStatus.ELIMINATED);
        status(event.tournamentId(), TournamentStatus.KNOCKOUTS);
    }

    /**
     * K4: the tie's loser is out, its winner still in. A corrected result can decide a tie again the other way, which
     * brings the former loser back; the champion stays {@code WINNER} through a correction of the final that keeps
     * them (the only kind the tournament allows once completed).
     */
    @EventHandler
    void on(KnockoutTieDecidedEvent event) {
        participantStatus(List.of(event.loserParticipantId()), ParticipantStatus.ELIMINATED);
        jdbc.update("UPDATE tournament_participants SET status = ? WHERE id = ? AND status <> ?",
                ParticipantStatus.ACTIVE.name(), event.winnerParticipantId(), ParticipantStatus.WINNER.name());
    }

    /** K4, T1: the final's winner is the champion and the tournament is over. */
    @EventHandler
    void on(TournamentCompletedEvent event) {
        participantStatus(List.of(event.winnerParticipantId()), ParticipantStatus.WINNER);
        jdbc.update("UPDATE tournaments SET status = ?, winner_participant_id = ? WHERE id = ?",
                TournamentStatus.COMPLETED.name(), event.winnerParticipantId(), event.tournamentId());
    }

    private void participantStatus(List<String> participantIds, ParticipantStatus status) {
        jdbc.batchUpdate("UPDATE tournament_participants SET status = ? WHERE id = ?",
                participantIds.stream().map(id -> new Object[]{status.name(), id}).toList());
    }

    private void status(String tournamentId, TournamentStatus status) {
        jdbc.update("UPDATE tournaments SET status = ? WHERE id = ?", status.name(), tournamentId);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
