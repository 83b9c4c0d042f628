package com.streamflix.league.query.knockout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchStatus;
import com.streamflix.league.knockout.Entry;
import com.streamflix.league.knockout.KnockoutBracket;
import com.streamflix.league.knockout.LegScore;
import com.streamflix.league.knockout.Round;
import com.streamflix.league.knockout.Side;
import com.streamflix.league.knockout.Slot;
import com.streamflix.league.knockout.TieOutcome;
import com.streamflix.league.knockout.TiePairing;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /api/tournaments/{id}/bracket} (public, API.md; RULES K1–K4): all 23 ties of the knockouts in {@link
 * Slot#all()} order once they are seeded — who plays, both legs, aggregate, penalties, winner — and, for a side not
 * known yet, everyone who could still fill it.
 * <p>
 * The bracket is rebuilt from what the seeding recorded (the final ranking and the halves, {@link
 * KnockoutBracket#recorded}); anyone can re-run the halves from the published seed. A tie whose sides are
 * known shows them as its {@code KnockoutTieCreatedEvent} said (recomposed by a corrected result, if one was); the
 * others, and the candidates, come from the bracket and the winners decided so far.
 */
@RestController
public class BracketController {
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public BracketController(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A player in the bracket, with the final league place that decides where they stand (K1, K2). */
    public record Player(String participantId, String userId, String login, int leaguePlace) {
    }

    /** One match of a tie; {@code scoreA} is the home side's (for the final, the first-named). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Leg(String matchId, MatchPhase phase, String homeParticipantId, String awayParticipantId,
                      Integer scoreA, Integer scoreB, MatchStatus status, Instant scheduledAt, boolean walkover,
                      boolean corrected) {
    }

    /** WAITING: a side is not known yet; SCHEDULED: both known, nothing played; IN_PROGRESS: a leg has started. */
    public enum TieStatus {
        WAITING, SCHEDULED, IN_PROGRESS, DECIDED
    }

    /**
     * One tie. Once both sides are known {@code playerA} is the better-placed, who hosts leg 2 (K2; for the final, the
     * winner of SF-S); before that, A and B are the bracket's first- and second-named entries (ucl-format.md §6), null
     * while not known, and {@code candidatesA} / {@code candidatesB} list who could still fill them, in league place
     * order (empty for a known side). The aggregate counts the legs with a score, a live one included (K3: no away
     * goals); null before any. {@code penaltiesWinner}: the shoot-out that decided a level aggregate.
     * {@code recomposedBecause} / {@code correctionReason}: a corrected result changed who plays / who won.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Tie(String slot, Round round, Side side, Player playerA, Player playerB, List<Leg> legs,
                      Integer aggregateA, Integer aggregateB, String penaltiesWinner, String winnerParticipantId,
                      TieStatus status, List<Player> candidatesA, List<Player> candidatesB, String recomposedBecause,
                      String correctionReason) {
    }

    /**
     * {@code seed}, {@code seedSource}, {@code engineVersion}: the halves draw (K1), re-run by {@code
     * KnockoutBracket.draw(ranking, seed)} with {@code ranking} (participant ids, place 1 first); {@code sideS} is its
     * outcome. All null, and {@code ties} empty, until the knockouts are seeded.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Bracket(String tournamentId, boolean seeded, Long seed, String seedSource, String engineVersion,
                          List<String> ranking, List<String> sideS, List<Tie> ties) {
    }

    private record Seeding(long seed, String seedSource, String engineVersion, List<String> ranking,
                           List<String> sideS) {
    }

    private record TieRow(String better, String worse, String leg1, String leg2, boolean started, String winner,
                          Integer winnerAggregate, Integer loserAggregate, String penaltiesWinner,
                          String recomposedBecause, String correctionReason) {
    }

    private record Person(String userId, String login) {
    }

    /** One snapshot of the read model: its queries never see two different moments of the projection. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @GetMapping("/api/tournaments/{id}/bracket")
    public Bracket bracket(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id) {
        Seeding seeding = jdbc.query("""
                        SELECT seed, seed_source, engine_version, ranking, side_s FROM knockout_seedings
                        WHERE tournament_id = ?""",
                (rs, i) -> new Seeding(rs.getLong(1), rs.getString(2), rs.getString(3), ids(rs.getString(4)),
                        ids(rs.getString(5))), id).stream().findFirst().orElse(null);
        if (seeding == null) {
            Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM tournaments WHERE id = ?)",
                    Boolean.class, id);
            if (!Boolean.TRUE.equals(exists)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No tournament " + id);
            }
            return new Bracket(id, false, null, null, null, null, null, List.of());
        }
        KnockoutBracket bracket = KnockoutBracket.recorded(seeding.ranking(), seeding.seed(), seeding.sideS());
        Map<String, TieRow> rows = new HashMap<>();
        jdbc.query("""
                        SELECT slot, better_participant_id, worse_participant_id, leg1_match_id, leg2_match_id, started,
                               winner_participant_id, winner_aggregate, loser_aggregate,
                               penalties_winner_participant_id, recomposed_because, correction_reason
                        FROM knockout_ties WHERE tournament_id = ?""",
                rs -> {
                    rows.put(rs.getString(1), new TieRow(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getObject(8, Integer.class),
                            rs.getObject(9, Integer.class), rs.getString(10), rs.getString(11), rs.getString(12)));
                }, id);
        Map<String, Leg> legs = new HashMap<>();
        jdbc.query("""
                        SELECT id, phase, player_a_participant_id, player_b_participant_id, player_a_score,
                               player_b_score, status, scheduled_at, walkover_winner_participant_id, correction_reason
                        FROM matches WHERE tournament_id = ? AND phase <> 'LEAGUE'""",
                rs -> {
                    legs.put(rs.getString(1), new Leg(rs.getString(1), MatchPhase.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getObject(5, Integer.class),
                            rs.getObject(6, Integer.class), MatchStatus.valueOf(rs.getString(7)),
                            instant(rs.getTimestamp(8)), rs.getString(9) != null, rs.getString(10) != null));
                }, id);
        Map<String, Person> people = new HashMap<>();
        jdbc.query("""
                        SELECT p.id, p.user_id, u.twitch_username FROM tournament_participants p
                        JOIN users u ON u.user_id = p.user_id WHERE p.tournament_id = ?""",
                rs -> {
                    people.put(rs.getString(1), new Person(rs.getString(2), rs.getString(3)));
                }, id);
        Map<String, String> winners = new HashMap<>();
        rows.forEach((slot, row) -> {
            if (row.winner() != null) {
                winners.put(slot, row.winner());
            }
        });
        Players players = new Players(bracket, people);
        List<Tie> ties = Slot.all().stream().map(slot -> {
            TieRow row = rows.get(slot.name());
            return row == null ? waiting(slot, bracket, winners, players) : known(slot, row, legs, players);
        }).toList();
        return new Bracket(id, true, seeding.seed(), seeding.seedSource(), seeding.engineVersion(),
                seeding.ranking(), seeding.sideS(), ties);
    }

    /** Both sides known: as the tie's creation said, its legs as played. */
    private static Tie known(Slot slot, TieRow row, Map<String, Leg> legs, Players players) {
        TiePairing pairing = new TiePairing(slot, row.better(), row.worse());
        List<Leg> tieLegs = new ArrayList<>();
        tieLegs.add(leg(pairing, 1, row.leg1(), legs));
        if (row.leg2() != null) {
            tieLegs.add(leg(pairing, 2, row.leg2(), legs));
        }
        Integer aggregateA;
        Integer aggregateB;
        TieStatus status;
        if (row.winner() != null) {
            boolean aWon = row.winner().equals(row.better());
            aggregateA = aWon ? row.winnerAggregate() : row.loserAggregate();
            aggregateB = aWon ? row.loserAggregate() : row.winnerAggregate();
            status = TieStatus.DECIDED;
        } else {
            List<LegScore> scored = tieLegs.stream().filter(leg -> leg.scoreA() != null && leg.scoreB() != null)
                    .map(leg -> new LegScore(leg.homeParticipantId(), leg.awayParticipantId(), leg.scoreA(),
                            leg.scoreB())).toList();
            Map<String, Integer> aggregate = TieOutcome.aggregate(scored);
            aggregateA = scored.isEmpty() ? null : aggregate.getOrDefault(row.better(), 0);
            aggregateB = scored.isEmpty() ? null : aggregate.getOrDefault(row.worse(), 0);
            boolean started = row.started() || tieLegs.stream().anyMatch(leg -> leg.status() != MatchStatus.SCHEDULED);
            status = started ? TieStatus.IN_PROGRESS : TieStatus.SCHEDULED;
        }
        return new Tie(slot.name(), slot.round(), slot.side(), players.of(row.better()), players.of(row.worse()),
                tieLegs, aggregateA, aggregateB, row.penaltiesWinner(), row.winner(), status, List.of(), List.of(),
                row.recomposedBecause(), row.correctionReason());
    }

    /**
     * A leg as its match row has it; until that row is projected (the tie's event precedes its matches' in the
     * stream), as K2 places it: leg 1 at the worse-placed side's home, leg 2 and the final the better-placed's.
     */
    private static Leg leg(TiePairing pairing, int number, String matchId, Map<String, Leg> legs) {
        Leg leg = legs.get(matchId);
        if (leg != null) {
            return leg;
        }
        String home = Objects.requireNonNullElse(pairing.hostOfLeg(number), pairing.better());
        String away = home.equals(pairing.better()) ? pairing.worse() : pairing.better();
        return new Leg(matchId, MatchPhase.of(pairing.slot().round(), number), home, away, null, null,
                MatchStatus.SCHEDULED, null, false, false);
    }

    /** A side not known yet: the bracket's entries, and who could still fill each (K2). */
    private static Tie waiting(Slot slot, KnockoutBracket bracket, Map<String, String> winners, Players players) {
        Entry first = bracket.first(slot);
        Entry second = bracket.second(slot);
        String a = bracket.participant(first, winners);
        String b = bracket.participant(second, winners);
        List<Player> candidatesA = a != null ? List.of() : players.all(bracket.candidates(slot, first, winners));
        List<Player> candidatesB = b != null ? List.of() : players.all(bracket.candidates(slot, second, winners));
        return new Tie(slot.name(), slot.round(), slot.side(), a == null ? null : players.of(a),
                b == null ? null : players.of(b), List.of(), null, null, null, null, TieStatus.WAITING, candidatesA,
                candidatesB, null, null);
    }

    /** Participant ids as bracket players, named and placed. */
    private record Players(KnockoutBracket bracket, Map<String, Person> people) {
        Player of(String participantId) {
            Person person = people.get(participantId);
            return new Player(participantId, person == null ? null : person.userId(),
                    person == null ? null : person.login(), bracket.placeOf(participantId));
        }

        List<Player> all(List<String> participantIds) {
            return participantIds.stream().map(this::of).toList();
        }
    }

    private List<String> ids(String column) {
        try {
            return json.readValue(column, IDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("knockout_seedings holds JSON this service cannot read", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
