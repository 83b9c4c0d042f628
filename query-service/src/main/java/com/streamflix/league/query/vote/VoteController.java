package com.streamflix.league.query.vote;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.streamflix.league.api.vote.VoteStatus;
import com.streamflix.league.support.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Live votes as viewers read them (API.md, RULES V1–V5): a match's vote events with their tallies ({@code GET
 * /api/matches/{id}/votes}, public) and the signed-in viewer's own casts ({@code GET /api/users/me/votes}).
 */
@RestController
public class VoteController {
    private final JdbcTemplate jdbc;

    public VoteController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One side of a vote: the match's player and the votes bought for them so far (the final count once closed). */
    public record Side(String participantId, String userId, String login, long votes) {
    }

    /**
     * One vote event. {@code voters}: distinct viewers who bought votes. Once {@code CLOSED} (V3): {@code
     * winnerParticipantId} has strictly more votes and earned {@code pointsAward} league points, or is null and {@code
     * tie} true (V5: no award, every voter refunded). {@code tie}, {@code winnerParticipantId} and {@code endedAt} are
     * null while the vote is {@code OPEN}.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Vote(String voteEventId, String matchId, String tournamentId, VoteStatus status, int pointsAward,
                       long costPerVote, Instant startedAt, Instant endsAt, Instant endedAt, Side participantA,
                       Side participantB, int voters, String winnerParticipantId, Boolean tie) {
    }

    public record Votes(List<Vote> items) {
    }

    /**
     * One of my casts: {@code votes} bought for {@code participantId} at {@code cost} points in all, and how the vote
     * stands: its status and winner (null while open or on a tie); {@code refunded} once the tie's refund (V5) is in
     * my ledger.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MyVote(String castId, String voteEventId, String matchId, String participantId, int votes,
                         long cost, Instant castAt, VoteStatus status, String winnerParticipantId, boolean refunded) {
    }

    /** Newest first (then by id); a match without votes has none, an unknown match is a 404. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @GetMapping("/api/matches/{id}/votes")
    public Votes votes(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id) {
        Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM matches WHERE id = ?)", Boolean.class, id);
        if (!Boolean.TRUE.equals(exists)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No match " + id);
        }
        return new Votes(jdbc.query("""
                        SELECT v.id, v.match_id, v.tournament_id, v.status, v.points_award, v.cost_per_vote,
                               v.started_at, v.ends_at, v.ended_at,
                               pa.id, pa.user_id, ua.twitch_username, v.votes_a,
                               pb.id, pb.user_id, ub.twitch_username, v.votes_b,
                               v.voters, v.winner_participant_id
                        FROM vote_events v
                        JOIN tournament_participants pa ON pa.id = v.participant_a_id
                        JOIN users ua ON ua.user_id = pa.user_id
                        JOIN tournament_participants pb ON pb.id = v.participant_b_id
                        JOIN users ub ON ub.user_id = pb.user_id
                        WHERE v.match_id = ?
                        ORDER BY v.started_at DESC, v.id DESC""",
                (rs, i) -> vote(rs), id));
    }

    /** Newest first (then by id, for casts at the same instant). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @GetMapping("/api/users/me/votes")
    public Page<MyVote> mine(@AuthenticationPrincipal Jwt session,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String userId = session.getSubject();
        var items = jdbc.query("""
                        SELECT c.cast_id, c.vote_event_id, c.match_id, c.participant_id, c.votes, c.cost, c.cast_at,
                               v.status, v.winner_participant_id, c.refunded
                        FROM user_votes c JOIN vote_events v ON v.id = c.vote_event_id
                        WHERE c.user_id = ?
                        ORDER BY c.cast_at DESC, c.cast_id DESC LIMIT ? OFFSET ?""",
                (rs, i) -> new MyVote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getLong(6), instant(rs.getTimestamp(7)), VoteStatus.valueOf(rs.getString(8)),
                        rs.getString(9), rs.getBoolean(10)),
                userId, size, (long) page * size);
        Long total = jdbc.queryForObject("SELECT count(*) FROM user_votes WHERE user_id = ?", Long.class, userId);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    private static Vote vote(ResultSet rs) throws SQLException {
        VoteStatus status = VoteStatus.valueOf(rs.getString(4));
        String winner = rs.getString(19);
        return new Vote(rs.getString(1), rs.getString(2), rs.getString(3), status, rs.getInt(5), rs.getLong(6),
                instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                new Side(rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13)),
                new Side(rs.getString(14), rs.getString(15), rs.getString(16), rs.getLong(17)), rs.getInt(18), winner,
                status == VoteStatus.CLOSED ? winner == null : null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
