package com.streamflix.league.query.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.draw.DrawnFixture;
import com.streamflix.league.api.draw.LeagueDrawnEvent;
import com.streamflix.league.api.draw.SeedSource;
import com.streamflix.league.api.knockout.KnockoutTieCreatedEvent;
import com.streamflix.league.api.knockout.KnockoutTieDecidedEvent;
import com.streamflix.league.api.knockout.KnockoutTieStartedEvent;
import com.streamflix.league.api.knockout.KnockoutsSeededEvent;
import com.streamflix.league.api.knockout.MatchResultRecordedEvent;
import com.streamflix.league.api.knockout.TieLeg;
import com.streamflix.league.api.knockout.TournamentCompletedEvent;
import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchParticipantsChangedEvent;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchResultCorrectedEvent;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.api.prediction.PredictionBookLockedEvent;
import com.streamflix.league.api.prediction.PredictionBookSettledEvent;
import com.streamflix.league.api.prediction.PredictionPlacedEvent;
import com.streamflix.league.api.prediction.PredictionPool;
import com.streamflix.league.api.prediction.PredictionSettlementLine;
import com.streamflix.league.api.tournament.ConfirmedParticipant;
import com.streamflix.league.api.tournament.ParticipantsConfirmedEvent;
import com.streamflix.league.api.tournament.PlayerRegisteredEvent;
import com.streamflix.league.api.tournament.RegistrationClosedEvent;
import com.streamflix.league.api.tournament.RegistrationOpenedEvent;
import com.streamflix.league.api.tournament.TournamentCreatedEvent;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.draw.Fixture;
import com.streamflix.league.draw.LeagueDraw;
import com.streamflix.league.knockout.KnockoutBracket;
import com.streamflix.league.knockout.LegScore;
import com.streamflix.league.knockout.Round;
import com.streamflix.league.knockout.Slot;
import com.streamflix.league.knockout.TieOutcome;
import com.streamflix.league.knockout.TiePairing;
import com.streamflix.league.predictions.Outcome;
import com.streamflix.league.predictions.Parimutuel;
import com.streamflix.league.predictions.Payout;
import com.streamflix.league.predictions.Settlement;
import com.streamflix.league.predictions.Wager;
import com.streamflix.league.standings.Entrant;
import com.streamflix.league.standings.LeagueResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A competition fed through the event store as the command side's aggregates would append it: a confirmed roster
 * (R4), the league draw (D4), match play (M1) and the tournament's knockouts (K1–K4), each event on its aggregate's
 * stream ({@code Tournament}, {@code Match}) in the order the command side applies them.
 */
public abstract class CompetitionTest extends QueryServiceTest {
    protected static final Instant FIRST_MATCHDAY = Instant.parse("2025-09-16T18:45:00Z");
    protected static final Duration WEEKLY = Duration.ofDays(7);

    /** A tournament whose 36 users are confirmed in this order (R4), and its pots by that seeding. */
    protected record Roster(String id, List<String> users, List<List<String>> seedingPots) {
        /** The participant at seeding position {@code seed} (1-based). */
        public String participant(int seed) {
            return ConfirmedParticipant.idOf(id, users.get(seed - 1));
        }

        public List<String> participants() {
            return users.stream().map(user -> ConfirmedParticipant.idOf(id, user)).toList();
        }

        public List<Entrant> entrants() {
            return IntStream.rangeClosed(1, users.size()).mapToObj(seed -> new Entrant(participant(seed), seed))
                    .toList();
        }

        public String userOf(String participantId) {
            return users.stream().filter(user -> ConfirmedParticipant.idOf(id, user).equals(participantId))
                    .findFirst().orElseThrow();
        }
    }

    /** A match as the stream names it: player A is the home side. */
    protected record MatchRef(String id, String tournamentId, MatchPhase phase, String a, String b) {
        public LeagueResult asLeagueResult(MatchResult result) {
            return new LeagueResult(a, b, result.scoreA(), result.scoreB());
        }
    }

    protected Roster confirmedRoster() {
        String id = UUID.randomUUID().toString();
        String prefix = id.substring(0, 8);
        List<String> users = IntStream.rangeClosed(1, 36).mapToObj(n -> prefix + "-" + n).toList();
        List<Object> events = new ArrayList<>(List.of(
                new TournamentCreatedEvent(id, "League Cup", null, null, null, 36),
                new RegistrationOpenedEvent(id, false)));
        users.forEach(user -> events.add(new PlayerRegisteredEvent(id, user, "login_" + user)));
        events.add(new RegistrationClosedEvent(id));
        events.add(new ParticipantsConfirmedEvent(id, IntStream.range(0, 36)
                .mapToObj(i -> ConfirmedParticipant.seeded(id, users.get(i), i + 1)).toList(), List.of()));
        append("Tournament", id, events.toArray());
        return new Roster(id, users, List.of(users.subList(0, 9), users.subList(9, 18), users.subList(18, 27),
                users.subList(27, 36)));
    }

    /** What the command side appends for a draw: the tournament's record, then one match per fixture. */
    protected List<MatchRef> drawn(String tournamentId, Long seed, List<List<String>> pots, List<Fixture> fixtures) {
        List<DrawnFixture> drawn = fixtures.stream().map(f -> {
            String home = ConfirmedParticipant.idOf(tournamentId, f.home());
            String away = ConfirmedParticipant.idOf(tournamentId, f.away());
            return new DrawnFixture(DrawnFixture.matchIdOf(tournamentId, f.matchday(), home, away), f.matchday(), home,
                    f.home(), away, f.away(), FIRST_MATCHDAY.plus(WEEKLY.multipliedBy(f.matchday() - 1L)));
        }).toList();
        append("Tournament", tournamentId,
                new LeagueDrawnEvent(tournamentId, seed, seed == null ? null : SeedSource.SERVER,
                        seed == null ? null : LeagueDraw.ENGINE_VERSION, seed == null, pots, drawn, FIRST_MATCHDAY, WEEKLY));
        List<MatchRef> matches = new ArrayList<>();
        for (DrawnFixture f : drawn) {
            append("Match", f.matchId(), new MatchScheduledEvent(f.matchId(), tournamentId, MatchPhase.LEAGUE,
                    f.matchday(), f.homeParticipantId(), f.homeUserId(), f.awayParticipantId(), f.awayUserId(),
                    f.scheduledAt()));
            matches.add(new MatchRef(f.matchId(), tournamentId, MatchPhase.LEAGUE, f.homeParticipantId(),
                    f.awayParticipantId()));
        }
        return matches;
    }

    /** The league draw from the roster's seeding pots and {@code seed}: its 144 matches, by matchday. */
    protected List<MatchRef> leagueDrawn(Roster roster, long seed) {
        return drawn(roster.id(), seed, roster.seedingPots(), LeagueDraw.draw(roster.seedingPots(), seed).fixtures());
    }

    // ---- match play (M1): the match's events, then the tournament counting the result ------------------------

    protected void start(MatchRef match) {
        append("Match", match.id(), new MatchStartedEvent(match.id(), match.tournamentId(), match.phase(), match.a(),
                match.b()));
    }

    /** A league match started and resolved with this score. */
    protected MatchResult play(MatchRef match, int scoreA, int scoreB) {
        start(match);
        MatchResult result = MatchResult.played(match.a(), match.b(), scoreA, scoreB, null);
        complete(match, result, null);
        return result;
    }

    protected void complete(MatchRef match, MatchResult result, String slot) {
        append("Match", match.id(), new MatchCompletedEvent(match.id(), match.tournamentId(), match.phase(),
                match.a(), match.b(), result));
        append("Tournament", match.tournamentId(), new MatchResultRecordedEvent(match.tournamentId(), match.id(),
                match.phase(), slot, match.a(), match.b(), result, null));
    }

    protected void correct(MatchRef match, MatchResult previous, MatchResult corrected, String reason, String slot) {
        append("Match", match.id(), new MatchResultCorrectedEvent(match.id(), match.tournamentId(), match.phase(),
                match.a(), match.b(), previous, corrected, reason));
        append("Tournament", match.tournamentId(), new MatchResultRecordedEvent(match.tournamentId(), match.id(),
                match.phase(), slot, match.a(), match.b(), corrected, reason));
    }

    // ---- the knockouts (K1–K4), as the Tournament aggregate moves them on ----------------------------------------

    /**
     * S3, K1: the final ranking and the halves draw from {@code seed}, then the eight play-off ties and their legs.
     */
    protected Knockouts seeded(Roster roster, List<String> ranking, long seed) {
        KnockoutBracket bracket = KnockoutBracket.draw(ranking, seed);
        append("Tournament", roster.id(), new KnockoutsSeededEvent(roster.id(), ranking,
                ranking.subList(24, ranking.size()), seed, SeedSource.SERVER, KnockoutBracket.ENGINE_VERSION,
                bracket.sideS()));
        Knockouts knockouts = new Knockouts(roster, bracket);
        Slot.inRound(Round.PLAYOFF).forEach(slot -> knockouts.create(bracket.pairing(slot, Map.of()), null));
        return knockouts;
    }

    /** The tournament's knockout state, appending what the command side would for each leg played or corrected. */
    protected final class Knockouts {
        private final Roster roster;
        private final KnockoutBracket bracket;
        private final Map<String, TiePairing> ties = new LinkedHashMap<>();
        private final Map<String, MatchResult> results = new HashMap<>();
        private final Map<String, String> winners = new HashMap<>();
        private final Map<String, String> decisions = new HashMap<>();

        Knockouts(Roster roster, KnockoutBracket bracket) {
            this.roster = roster;
            this.bracket = bracket;
        }

        public KnockoutBracket bracket() {
            return bracket;
        }

        public TiePairing tie(String slot) {
            return ties.get(slot);
        }

        public String winner(String slot) {
            return winners.get(slot);
        }

        /** Leg {@code leg} (1 or 2; the final has 1) of a created tie, with its current players (K2: A at home). */
        public MatchRef leg(String slot, int leg) {
            TiePairing tie = ties.get(slot);
            MatchPhase phase = MatchPhase.of(tie.slot().round(), leg);
            String home = tie.slot().round().twoLegged() ? tie.hostOfLeg(leg) : tie.better();
            String away = home.equals(tie.better()) ? tie.worse() : tie.better();
            return new MatchRef(matchIdOf(slot, leg), roster.id(), phase, home, away);
        }

        /** Plays leg {@code leg}: K2's first match of a tie records its start. */
        public void play(String slot, int leg, int homeGoals, int awayGoals, String penaltiesWinner) {
            MatchRef match = leg(slot, leg);
            start(match);
            if (leg == 1) {
                append("Tournament", roster.id(), new KnockoutTieStartedEvent(roster.id(), slot, match.id()));
            }
            MatchResult result = MatchResult.played(match.a(), match.b(), homeGoals, awayGoals, penaltiesWinner);
            complete(match, result, slot);
            recorded(slot, match, result, null);
        }

        /** A leg awarded by walkover (3–0), straight from SCHEDULED: no start is recorded. */
        public void walkover(String slot, int leg, String winner) {
            MatchRef match = leg(slot, leg);
            MatchResult result = MatchResult.walkover(match.a(), match.b(), winner);
            complete(match, result, slot);
            recorded(slot, match, result, null);
        }

        /** Both legs, so that {@code winner} goes through 2–0 on aggregate (1–0 in each leg; the final 1–0). */
        public void decide(String slot, String winner) {
            int legs = ties.get(slot).slot().round().legs();
            for (int leg = 1; leg <= legs; leg++) {
                boolean homeWins = leg(slot, leg).a().equals(winner);
                play(slot, leg, homeWins ? 1 : 0, homeWins ? 0 : 1, null);
            }
        }

        public void correct(String slot, int leg, int homeGoals, int awayGoals, String penaltiesWinner,
                            String reason) {
            MatchRef match = leg(slot, leg);
            MatchResult corrected = MatchResult.played(match.a(), match.b(), homeGoals, awayGoals, penaltiesWinner);
            CompetitionTest.this.correct(match, results.get(match.id()), corrected, reason, slot);
            recorded(slot, match, corrected, reason);
        }

        /** K3, K2, K4: a complete tie is decided (again, after a correction), which opens or recomposes the next. */
        private void recorded(String slot, MatchRef match, MatchResult result, String correctionReason) {
            results.put(match.id(), result);
            TiePairing tie = ties.get(slot);
            int legs = tie.slot().round().legs();
            List<LegScore> scores = new ArrayList<>();
            String penalties = null;
            for (int leg = 1; leg <= legs; leg++) {
                MatchResult played = results.get(matchIdOf(slot, leg));
                if (played == null) {
                    return;
                }
                MatchRef ref = leg(slot, leg);
                scores.add(new LegScore(ref.a(), ref.b(), played.scoreA(), played.scoreB()));
                penalties = played.penaltiesWinnerParticipantId() != null ? played.penaltiesWinnerParticipantId()
                        : penalties;
            }
            if (!TieOutcome.level(tie.better(), tie.worse(), scores)) {
                penalties = null;
            }
            String winner = TieOutcome.winner(tie, scores, penalties);
            String loser = winner.equals(tie.better()) ? tie.worse() : tie.better();
            Map<String, Integer> aggregate = TieOutcome.aggregate(scores);
            String decision = winner + aggregate + penalties;
            if (decision.equals(decisions.put(slot, decision))) {
                return;
            }
            String previousWinner = winners.put(slot, winner);
            append("Tournament", roster.id(), new KnockoutTieDecidedEvent(roster.id(), slot, tie.slot().round(),
                    winner, loser, aggregate.get(winner), aggregate.get(loser), penalties, correctionReason));
            Slot next = KnockoutBracket.next(tie.slot());
            if (next == null) {
                if (previousWinner == null) {
                    append("Tournament", roster.id(), new TournamentCompletedEvent(roster.id(), winner,
                            roster.userOf(winner), loser, roster.users()));
                }
                return;
            }
            TiePairing pairing = bracket.pairing(next, winners);
            if (pairing == null) {
                return;
            }
            if (!ties.containsKey(next.name())) {
                create(pairing, null);
            } else if (previousWinner != null && !previousWinner.equals(winner)) {
                create(pairing, correctionReason);
            }
        }

        /** K2: the tie and its legs (scheduled, or re-pointed when a correction recomposed it). */
        private void create(TiePairing pairing, String recomposedBecause) {
            String slot = pairing.slot().name();
            ties.put(slot, pairing);
            List<TieLeg> legs = new ArrayList<>();
            for (int leg = 1; leg <= pairing.slot().round().legs(); leg++) {
                MatchRef match = leg(slot, leg);
                Instant at = FIRST_MATCHDAY.plus(WEEKLY.multipliedBy(8L + 2L * pairing.slot().round().ordinal() + leg));
                legs.add(new TieLeg(match.id(), match.phase(), match.a(), roster.userOf(match.a()), match.b(),
                        roster.userOf(match.b()), at));
            }
            append("Tournament", roster.id(), new KnockoutTieCreatedEvent(roster.id(), slot,
                    pairing.slot().round(), pairing.better(), pairing.worse(), legs, recomposedBecause));
            for (TieLeg leg : legs) {
                if (recomposedBecause == null) {
                    append("Match", leg.matchId(), new MatchScheduledEvent(leg.matchId(), roster.id(), leg.phase(),
                            null, leg.homeParticipantId(), leg.homeUserId(), leg.awayParticipantId(),
                            leg.awayUserId(), leg.scheduledAt()));
                } else {
                    append("Match", leg.matchId(), new MatchParticipantsChangedEvent(leg.matchId(), roster.id(),
                            leg.homeParticipantId(), leg.homeUserId(), leg.awayParticipantId(), leg.awayUserId(),
                            recomposedBecause));
                }
            }
        }

        private String matchIdOf(String slot, int leg) {
            return UUID.nameUUIDFromBytes((roster.id() + "/" + slot + "/" + leg).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
    }

    // ---- predictions (P1–P4): the book on the match's stream, the money on each viewer's wallet ---------------------

    /** A match's prediction book, appending what the command side would as it is filled, locked and settled. */
    protected final class Book {
        private final MatchRef match;
        private final List<Wager> wagers = new ArrayList<>();
        private final Map<String, PredictionSettlementLine> placed = new LinkedHashMap<>();
        private PredictionPool pool = PredictionPool.EMPTY;
        private List<PredictionSettlementLine> credited = List.of();
        private int round;

        public Book(MatchRef match) {
            this.match = match;
        }

        /** P1: {@code userId} backs {@code participantId} with {@code wager}, debited with the prediction. */
        public String place(String userId, String participantId, long wager) {
            String predictionId = UUID.randomUUID().toString();
            pool = pool.with(participantId.equals(match.a()), wager);
            append("Match", match.id(), new PredictionPlacedEvent(match.id(), match.tournamentId(), predictionId,
                    userId, participantId, wager, wagers.size(), pool));
            debit(userId, TransactionType.PREDICTION_WAGER, wager, "Prediction", predictionId,
                    "prediction-wager:" + predictionId);
            wagers.add(new Wager(predictionId, userId, participantId, wager, wagers.size()));
            placed.put(predictionId, new PredictionSettlementLine(predictionId, userId, participantId, wager, 0));
            return predictionId;
        }

        public PredictionPool pool() {
            return pool;
        }

        /** P1, M1: kick-off locks the book. */
        public void lock() {
            append("Match", match.id(), new PredictionBookLockedEvent(match.id(), match.tournamentId(), pool));
        }

        /**
         * P2/P3 on {@code winner} (null: a draw); again after a correction (P4: {@code correctionReason}), reversing
         * the previous round's credits first. Then the wallet moves, keyed by prediction and round.
         */
        public Settlement settle(String winner, String correctionReason) {
            Settlement settlement = Parimutuel.settle(wagers, match.a(), match.b(), winner, false);
            round++;
            List<PredictionSettlementLine> lines = settlement.payouts().stream().map(this::line).toList();
            List<PredictionSettlementLine> reversals = credited.stream().filter(line -> line.amount() > 0).toList();
            boolean refunded = settlement.outcome() != Outcome.PAID;
            int winners = refunded ? 0 : (int) lines.stream().filter(line -> line.amount() > 0).count();
            append("Match", match.id(), new PredictionBookSettledEvent(match.id(), match.tournamentId(), round,
                    settlement.outcome().name(), settlement.winnerSide(), settlement.pool(), winners, lines,
                    reversals, correctionReason));
            for (PredictionSettlementLine reversal : reversals) {
                reclaim(reversal.userId(), TransactionType.PREDICTION_REVERSAL, reversal.amount(), correctionReason,
                        reversal.predictionId(), "prediction-reversal:" + reversal.predictionId() + ":" + round);
            }
            for (PredictionSettlementLine line : lines) {
                if (line.amount() > 0) {
                    credit(line.userId(), refunded ? TransactionType.PREDICTION_REFUND
                                    : TransactionType.PREDICTION_PAYOUT, line.amount(), settlement.outcome().name(),
                            line.predictionId(), "prediction-settlement:" + line.predictionId() + ":" + round);
                }
            }
            credited = lines;
            return settlement;
        }

        private PredictionSettlementLine line(Payout payout) {
            PredictionSettlementLine wager = placed.get(payout.predictionId());
            return new PredictionSettlementLine(wager.predictionId(), wager.userId(), wager.participantId(),
                    wager.wager(), payout.amount());
        }
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    protected JsonNode awaitMatches(String tournamentId, int count) throws InterruptedException {
        return awaitJson("/api/tournaments/" + tournamentId + "/matches", m -> m.path("items").size() == count);
    }
}
