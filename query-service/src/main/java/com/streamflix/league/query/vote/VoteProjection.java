package com.streamflix.league.query.vote;

import com.streamflix.league.api.vote.VoteBonusAwardedEvent;
import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.vote.VoteStartedEvent;
import com.streamflix.league.api.vote.VoteStatus;
import com.streamflix.league.api.vote.VotesCastEvent;
import com.streamflix.league.api.wallet.PointsCreditedEvent;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.query.standings.LeagueStandings;
import com.streamflix.league.query.tournament.TournamentProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/**
 * Live votes (RULES V1–V5) into {@code vote_events} (one per vote: terms, running tallies, result) and {@code
 * user_votes} (one per cast), and the winner's league points (V5, S1) into the table ({@link LeagueStandings}).
 * <p>
 * The vote's start and end are on its {@code VoteEvent} stream, each cast on the voter's wallet (right after the
 * {@code VOTE_SPEND} debit that paid for it), a tie's refunds on the wallets after the end, the award on the
 * tournament's stream. Rows point to the match, its participants and the voter, so this runs in the tournaments'
 * processing group, which takes every stream in the store's order: a vote is started before any cast for it commits,
 * and ended before its refunds and award are appended. The voter's {@code users} row comes from the wallet's projection
 * (another processor), so a placeholder is inserted as {@code PredictionProjection} does.
 * <p>
 * Idempotent, so a replay over existing rows or a redelivery gives the same rows: a vote and a cast insert once (by
 * id), and only the cast's insert moves the tallies, in its transaction, so they always equal the casts' sums; the end
 * and a refund overwrite with what the event says; an award is recorded once (by event id) and only that insert adds
 * its points to the row's bonus.
 */
@Component
@ProcessingGroup(TournamentProjection.PROCESSING_GROUP)
public class VoteProjection {
    private final JdbcTemplate jdbc;
    private final LeagueStandings standings;

    public VoteProjection(JdbcTemplate jdbc, LeagueStandings standings) {
        this.jdbc = jdbc;
        this.standings = standings;
    }

    /** V1: a vote opens on a live league match, until {@code endsAt} (V3). */
    @EventHandler
    void on(VoteStartedEvent event) {
        jdbc.update("""
                        INSERT INTO vote_events (id, match_id, tournament_id, participant_a_id, participant_b_id,
                                                 points_award, cost_per_vote, started_at, ends_at, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.voteEventId(), event.matchId(), event.tournamentId(), event.participantAId(),
                event.participantBId(), event.pointsAward(), event.costPerVote(), Timestamp.from(event.startedAt()),
                Timestamp.from(event.endsAt()), VoteStatus.OPEN.name());
    }

    /**
     * V2: {@code votes} votes bought for one side at the vote's cost each. The participant may be named by its user id
     * (API.md); the row keeps the participant id. A voter's first cast in this vote counts them among its voters.
     */
    @EventHandler
    void on(VotesCastEvent event, EventMessage<?> message) {
        Timestamp at = Timestamp.from(message.getTimestamp());
        jdbc.update("""
                        INSERT INTO users (user_id, twitch_username, created_at, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (user_id) DO NOTHING""", event.userId(), event.userId(), at, at);
        boolean firstOfVoter = !Boolean.TRUE.equals(jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM user_votes WHERE vote_event_id = ? AND user_id = ?)""",
                Boolean.class, event.voteEventId(), event.userId()));
        List<String> inserted = jdbc.queryForList("""
                        INSERT INTO user_votes (cast_id, user_id, vote_event_id, match_id, participant_id, side, votes,
                                                cost, cast_at)
                        SELECT ?, ?, v.id, v.match_id, CASE s.side WHEN 'A' THEN pa.id ELSE pb.id END, s.side, ?, ?, ?
                        FROM vote_events v
                        JOIN tournament_participants pa ON pa.id = v.participant_a_id
                        JOIN tournament_participants pb ON pb.id = v.participant_b_id
                        CROSS JOIN LATERAL (SELECT CASE WHEN ? IN (pa.id, pa.user_id) THEN 'A'
                                                        WHEN ? IN (pb.id, pb.user_id) THEN 'B' END AS side) s
                        WHERE v.id = ?
                        ON CONFLICT (cast_id) DO NOTHING
                        RETURNING side""",
                String.class, event.castId(), event.userId(), event.votes(),
                event.votes() * event.costPerVote(), at, event.participantId(), event.participantId(),
                event.voteEventId());
        if (inserted.isEmpty()) {
            return;
        }
        boolean sideA = "A".equals(inserted.get(0));
        jdbc.update("""
                        UPDATE vote_events SET votes_a = votes_a + ?, votes_b = votes_b + ?, voters = voters + ?
                        WHERE id = ?""",
                sideA ? event.votes() : 0, sideA ? 0 : event.votes(), firstOfVoter ? 1 : 0, event.voteEventId());
    }

    /** V3, V5: closed; the winner has strictly more votes, none on a tie. The tallies are the casts' own sums. */
    @EventHandler
    void on(VoteEndedEvent event, EventMessage<?> message) {
        jdbc.update("UPDATE vote_events SET status = ?, winner_participant_id = ?, ended_at = ? WHERE id = ?",
                VoteStatus.CLOSED.name(), event.winnerParticipantId(), Timestamp.from(message.getTimestamp()),
                event.voteEventId());
    }

    /** V5: a tie refunds each voter their whole spend in that vote, in one credit naming the vote. */
    @EventHandler
    void on(PointsCreditedEvent event) {
        if (event.type() != TransactionType.VOTE_REFUND || event.relatedEntityId() == null) {
            return;
        }
        jdbc.update("UPDATE user_votes SET refunded = TRUE WHERE vote_event_id = ? AND user_id = ?",
                event.relatedEntityId(), event.userId());
    }

    /**
     * V5, S1: the winner's league points, added to the table once; a redelivered award only recomputes the table at
     * its time, as the first delivery left it.
     */
    @EventHandler
    void on(VoteBonusAwardedEvent event, EventMessage<?> message) {
        int recorded = jdbc.update("""
                        INSERT INTO vote_bonuses (event_id, vote_event_id, tournament_id, participant_id, points,
                                                  awarded_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                message.getIdentifier(), event.voteEventId(), event.tournamentId(), event.participantId(),
                event.points(), Timestamp.from(message.getTimestamp()));
        if (recorded == 1) {
            standings.addBonus(event.tournamentId(), event.participantId(), event.points(), message.getTimestamp());
        } else {
            standings.recompute(event.tournamentId(), message.getTimestamp());
        }
    }
}
