package com.streamflix.league.query.wallet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.support.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The signed-in viewer's own account: balance and ledger (API.md, Reads). */
@RestController
@RequestMapping("/api/users/me")
public class UserController {
    /** How the command side words a redemption's reason (ChannelPointsRedemptions); the label keeps the title. */
    private static final String CHANNEL_POINTS = "Channel Points: ";
    /** How the wallet keys a vote debit: the prefix, then the cast id (UserWallet.voteKey). */
    private static final String VOTE_CAST_KEY_PREFIX = "vote-cast:";

    private final JdbcTemplate jdbc;

    public UserController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Me(String userId, String login, long balance, boolean banned) {
    }

    /** One ledger line (W3); {@code related} says why the balance moved. */
    public record Transaction(String id, String type, long amount, long balance, String description,
                              String relatedEntityId, Instant createdAt, Related related) {
    }

    public enum RelatedKind { REDEMPTION, VOTE, PREDICTION, ADJUSTMENT }

    /**
     * What a ledger line is about. {@code id} is its relatedEntityId: the Twitch redemption, the vote event, the
     * prediction, or null for an admin adjustment. {@code matchId} and {@code tournamentId} are set for a vote or
     * prediction the read model knows. {@code label} says it in words, by the players' logins.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Related(RelatedKind kind, String id, String matchId, String tournamentId, String label) {
    }

    /** A viewer who has not earned anything yet has an empty wallet, not an error. */
    @GetMapping
    public Me me(@AuthenticationPrincipal Jwt session) {
        return jdbc.query("SELECT twitch_username, points_balance, is_banned FROM users WHERE user_id = ?",
                        (rs, i) -> new Me(session.getSubject(), rs.getString(1), rs.getLong(2), rs.getBoolean(3)),
                        session.getSubject())
                .stream().findFirst()
                .orElseGet(() -> new Me(session.getSubject(), session.getClaimAsString("name"), 0, false));
    }

    /**
     * Newest first; a user's rows are ordered exactly by wallet version. One query per page: each line joins what its
     * type's relatedEntityId names (a vote event or a prediction, then its match and players). A VOTE_SPEND's key
     * names the cast it paid for (the wallet keys it {@code "vote-cast:" + castId}), so the line knows the side.
     * The page and its total are read in one snapshot, so they agree while the projection moves on.
     */
    @GetMapping("/transactions")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page<Transaction> transactions(@AuthenticationPrincipal Jwt session,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String userId = session.getSubject();
        var items = jdbc.query("""
                        WITH lines AS (
                            SELECT t.* FROM transactions t WHERE t.user_id = ?
                            ORDER BY t.wallet_version DESC LIMIT ? OFFSET ?)
                        SELECT l.id, l.type, l.amount, l.balance_after, l.description, l.related_entity_id,
                               l.created_at, coalesce(v.match_id, p.match_id) AS match_id,
                               coalesce(v.tournament_id, p.tournament_id) AS tournament_id, v.cost_per_vote,
                               ua.twitch_username AS player_a, ub.twitch_username AS player_b,
                               uc.twitch_username AS chosen
                        FROM lines l
                        LEFT JOIN vote_events v
                               ON l.type IN ('VOTE_SPEND', 'VOTE_REFUND') AND v.id = l.related_entity_id
                        LEFT JOIN user_votes c
                               ON l.type = 'VOTE_SPEND' AND c.cast_id = substring(l.idempotency_key FROM ?)
                        LEFT JOIN predictions p
                               ON l.type IN ('PREDICTION_WAGER', 'PREDICTION_PAYOUT', 'PREDICTION_REFUND',
                                             'PREDICTION_REVERSAL') AND p.id = l.related_entity_id
                        LEFT JOIN matches m ON m.id = coalesce(v.match_id, p.match_id)
                        LEFT JOIN tournament_participants pa ON pa.id = m.player_a_participant_id
                        LEFT JOIN users ua ON ua.user_id = pa.user_id
                        LEFT JOIN tournament_participants pb ON pb.id = m.player_b_participant_id
                        LEFT JOIN users ub ON ub.user_id = pb.user_id
                        LEFT JOIN tournament_participants pc
                               ON pc.id = coalesce(c.participant_id, p.predicted_winner_participant_id)
                        LEFT JOIN users uc ON uc.user_id = pc.user_id
                        ORDER BY l.wallet_version DESC""",
                (rs, i) -> new Transaction(rs.getString("id"), rs.getString("type"), rs.getLong("amount"),
                        rs.getLong("balance_after"), rs.getString("description"), rs.getString("related_entity_id"),
                        rs.getTimestamp("created_at").toInstant(), related(rs)),
                userId, size, (long) page * size, VOTE_CAST_KEY_PREFIX.length() + 1);
        Long total = jdbc.queryForObject("SELECT count(*) FROM transactions WHERE user_id = ?", Long.class, userId);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    private static Related related(ResultSet rs) throws SQLException {
        TransactionType type = TransactionType.valueOf(rs.getString("type"));
        RelatedKind kind = switch (type) {
            case TWITCH_REWARD_REDEMPTION -> RelatedKind.REDEMPTION;
            case ADMIN_ADJUSTMENT -> RelatedKind.ADJUSTMENT;
            case VOTE_SPEND, VOTE_REFUND -> RelatedKind.VOTE;
            case PREDICTION_WAGER, PREDICTION_PAYOUT, PREDICTION_REFUND, PREDICTION_REVERSAL -> RelatedKind.PREDICTION;
        };
        String id = rs.getString("related_entity_id");
        String description = rs.getString("description");
        String matchId = rs.getString("match_id");
        String tournamentId = rs.getString("tournament_id");
        String playerA = rs.getString("player_a");
        String playerB = rs.getString("player_b");
        if ((kind == RelatedKind.VOTE || kind == RelatedKind.PREDICTION) && (playerA == null || playerB == null)) {
            // the vote or prediction is not projected (yet): the command side's own words will do
            return new Related(kind, id, matchId, tournamentId, description);
        }
        String match = playerA + " vs " + playerB;
        String chosen = rs.getString("chosen"); // null while the cast is not projected yet
        String toWin = chosen == null ? "" : ": " + chosen + " to win";
        String label = switch (type) {
            case TWITCH_REWARD_REDEMPTION -> "Channel Points redemption: " + (description.startsWith(CHANNEL_POINTS)
                    ? description.substring(CHANNEL_POINTS.length()) : description);
            case ADMIN_ADJUSTMENT -> "Admin adjustment: " + description;
            // V2: the debit is the votes times the vote's cost per vote, exactly
            case VOTE_SPEND -> -rs.getLong("amount") / rs.getLong("cost_per_vote") + " vote(s)"
                    + (chosen == null ? "" : " for " + chosen) + " in " + match;
            case VOTE_REFUND -> "Vote refund: the vote in " + match + " ended in a tie";
            case PREDICTION_WAGER -> "Prediction on " + match + toWin;
            case PREDICTION_PAYOUT -> "Prediction won on " + match + toWin;
            case PREDICTION_REFUND -> "Prediction refunded on " + match + toWin;
            case PREDICTION_REVERSAL -> "Prediction payout taken back (corrected result) on " + match + toWin;
        };
        return new Related(kind, id, matchId, tournamentId, label);
    }
}
