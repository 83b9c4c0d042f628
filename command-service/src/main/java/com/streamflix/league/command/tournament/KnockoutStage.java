package com.streamflix.league.command.tournament;

import com.streamflix.league.api.knockout.CompetitionRuleException;
import com.streamflix.league.api.knockout.RecordMatchResultCommand;
import com.streamflix.league.api.match.InvalidResultException;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.knockout.KnockoutTieCreatedEvent;
import com.streamflix.league.api.knockout.KnockoutTieDecidedEvent;
import com.streamflix.league.api.knockout.KnockoutsSeededEvent;
import com.streamflix.league.api.knockout.MatchResultRecordedEvent;
import com.streamflix.league.api.knockout.TieLeg;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.knockout.KnockoutBracket;
import com.streamflix.league.knockout.LegScore;
import com.streamflix.league.knockout.Round;
import com.streamflix.league.knockout.Slot;
import com.streamflix.league.knockout.TieOutcome;
import com.streamflix.league.knockout.TiePairing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The knockout phase as the tournament keeps it (RULES K1–K4): the seeded bracket, every tie created so far with its
 * legs and their results, and who won each decided tie. It answers the questions the {@code Tournament} needs to
 * decide on a start or a result; the aggregate applies the events, whose handlers update this state.
 */
final class KnockoutStage {
    /** New matches get default dates a week apart, after the result that made them known; admins reschedule. */
    static final Duration ROUND_INTERVAL = Duration.ofDays(7);

    private final String tournamentId;
    private final KnockoutBracket bracket;
    private final Map<String, String> userIds;
    private final Map<String, Tie> ties = new LinkedHashMap<>();
    private final Map<String, String> slotOfMatch = new HashMap<>();
    private final Map<String, String> winnersBySlot = new HashMap<>();

    /** One tie: its sides (better = better-placed, hosts the second leg), its legs and their recorded scores. */
    static final class Tie {
        final Slot slot;
        String better;
        String worse;
        List<TieLeg> legs;
        final Map<String, LegScore> scores = new HashMap<>();
        String penaltiesWinner;
        /** Walkovers awarded in this tie, by match: the side that forfeits is out (UEFA), whatever the aggregate. */
        final Map<String, String> forfeits = new HashMap<>();
        boolean started;
        KnockoutTieDecidedEvent decided;

        @JsonCreator // a snapshot reads it back
        Tie(@JsonProperty("slot") Slot slot) {
            this.slot = slot;
        }

        boolean complete() {
            return legs.stream().allMatch(leg -> scores.containsKey(leg.matchId()));
        }

        /** By value: the aggregate's state must be the same whether built by commands or by replaying events. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Tie tie && slot.equals(tie.slot) && Objects.equals(better, tie.better)
                    && Objects.equals(worse, tie.worse) && Objects.equals(legs, tie.legs) && scores.equals(tie.scores)
                    && Objects.equals(penaltiesWinner, tie.penaltiesWinner) && forfeits.equals(tie.forfeits)
                    && started == tie.started
                    && Objects.equals(decided, tie.decided);
        }

        @Override
        public int hashCode() {
            return slot.hashCode();
        }

        List<LegScore> legScores() {
            return legs.stream().map(leg -> scores.get(leg.matchId())).filter(s -> s != null).toList();
        }
    }

    /** For a snapshot to read back into (its fields are then set from the snapshot). */
    @SuppressWarnings("unused")
    private KnockoutStage() {
        this.tournamentId = null;
        this.bracket = null;
        this.userIds = null;
    }

    KnockoutStage(KnockoutsSeededEvent seeded, Map<String, String> userIds) {
        this.tournamentId = seeded.tournamentId();
        this.bracket = KnockoutBracket.recorded(seeded.ranking(), seeded.seed(), seeded.sideS());
        this.userIds = userIds;
    }

    Tie tieOf(String matchId) {
        String slot = slotOfMatch.get(matchId);
        return slot == null ? null : ties.get(slot);
    }

    /** The tie the winner of {@code slot} goes to, when it exists already. */
    Tie nextTie(Slot slot) {
        Slot next = KnockoutBracket.next(slot);
        return next == null ? null : ties.get(next.name());
    }


    /** The eight play-off ties, known at seeding (K1). */
    List<KnockoutTieCreatedEvent> playoffTies(Instant at) {
        List<KnockoutTieCreatedEvent> created = new ArrayList<>();
        for (Slot slot : Slot.all()) {
            if (slot.round() == Round.PLAYOFF) {
                created.add(created(slot, bracket.pairing(slot, Map.of()), at, null));
            }
        }
        return created;
    }

    /** The tie {@code slot}'s winner opens when both its sides are now known and it does not exist yet (K2). */
    KnockoutTieCreatedEvent nextTieOnceKnown(Slot decided, Instant at) {
        Slot next = KnockoutBracket.next(decided);
        if (next == null || ties.containsKey(next.name())) {
            return null;
        }
        TiePairing pairing = bracket.pairing(next, winnersBySlot);
        return pairing == null ? null : created(next, pairing, at, null);
    }

    /** The existing, not yet started tie after {@code decided}, with the sides the corrected winners give it. */
    KnockoutTieCreatedEvent recomposed(Slot decided, String reason) {
        Tie next = nextTie(decided);
        TiePairing pairing = bracket.pairing(next.slot, winnersBySlot);
        List<TieLeg> legs = new ArrayList<>();
        for (TieLeg leg : next.legs) {
            legs.add(leg(leg.matchId(), leg.phase(), pairing, leg.scheduledAt()));
        }
        return new KnockoutTieCreatedEvent(tournamentId, next.slot.name(), next.slot.round(), pairing.better(),
                pairing.worse(), legs, reason);
    }

    private KnockoutTieCreatedEvent created(Slot slot, TiePairing pairing, Instant at, String reason) {
        Instant firstLeg = at.truncatedTo(ChronoUnit.MINUTES).plus(ROUND_INTERVAL);
        List<TieLeg> legs = new ArrayList<>();
        if (slot.round().twoLegged()) {
            legs.add(leg(matchIdOf(slot, 1), MatchPhase.of(slot.round(), 1), pairing, firstLeg));
            legs.add(leg(matchIdOf(slot, 2), MatchPhase.of(slot.round(), 2), pairing, firstLeg.plus(ROUND_INTERVAL)));
        } else {
            legs.add(leg(matchIdOf(slot, 1), MatchPhase.FINAL, pairing, firstLeg));
        }
        return new KnockoutTieCreatedEvent(tournamentId, slot.name(), slot.round(), pairing.better(), pairing.worse(),
                legs, reason);
    }

    /** K2: the worse-placed side hosts the first leg, the better-placed the second; the final has no home side. */
    private TieLeg leg(String matchId, MatchPhase phase, TiePairing pairing, Instant scheduledAt) {
        String home = phase.leg() == 2 || phase == MatchPhase.FINAL ? pairing.better() : pairing.worse();
        String away = home.equals(pairing.better()) ? pairing.worse() : pairing.better();
        return new TieLeg(matchId, phase, home, userIds.get(home), away, userIds.get(away), scheduledAt);
    }

    /** A knockout match's id follows from the tournament, the slot and the leg, as league matches' ids do. */
    String matchIdOf(Slot slot, int leg) {
        String name = tournamentId + "/" + slot.name() + "/" + leg;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** K3 over the tie as it would be with {@code result} recorded for {@code matchId}. */
    static TieScores withResult(Tie tie, String matchId, LegScore score) {
        Map<String, LegScore> scores = new HashMap<>(tie.scores);
        scores.put(matchId, score);
        List<LegScore> legs = tie.legs.stream().map(leg -> scores.get(leg.matchId())).filter(s -> s != null).toList();
        boolean complete = legs.size() == tie.legs.size();
        return new TieScores(legs, complete, complete && TieOutcome.level(tie.better, tie.worse, legs));
    }

    record TieScores(List<LegScore> legs, boolean complete, boolean level) {
    }

    /**
     * K3: the shoot-out belongs to the deciding match (the second leg, or the final): it needs a penalties winner
     * exactly when it leaves the tie level, and no other match takes one. A forfeit decides the tie for the side
     * awarded the walkover, level or not. A first leg corrected after the second was played may not change whether
     * the tie is level (the shoot-out would then belong to a match that did not have one): that is refused, saying so.
     */
    static void requireTiePenalties(Tie tie, RecordMatchResultCommand command) {
        MatchResult result = command.result();
        String named = result.penaltiesWinnerParticipantId();
        boolean deciding = command.matchId().equals(tie.legs.get(tie.legs.size() - 1).matchId());
        if (named != null && !deciding) {
            throw new InvalidResultException("penaltiesWinner",
                    "penaltiesWinner applies only to the deciding match of " + tie.slot.name() + " (K3)");
        }
        if (forfeitWinner(tie, command.matchId(), result) != null) {
            if (named != null) {
                throw new InvalidResultException("penaltiesWinner", "a forfeit decides " + tie.slot.name());
            }
            return;
        }
        LegScore score = new LegScore(command.playerAParticipantId(), command.playerBParticipantId(), result.scoreA(),
                result.scoreB());
        TieScores after = withResult(tie, command.matchId(), score);
        if (!deciding) {
            if (tie.complete() && after.level() != TieOutcome.level(tie.better, tie.worse, tie.legScores())) {
                throw new CompetitionRuleException("correction-changes-tie", "This would change whether "
                        + tie.slot.name() + " is level on aggregate after its second leg was played; correct the "
                        + "second leg's result (with its shoot-out) instead");
            }
            return;
        }
        if (after.level() && named == null) {
            Map<String, Integer> aggregate = TieOutcome.aggregate(after.legs());
            throw new InvalidResultException("penaltiesWinner", "The " + (tie.legs.size() == 1 ? "final is drawn"
                    : "aggregate is level " + aggregate.get(tie.better) + "–" + aggregate.get(tie.worse))
                    + ": a penaltiesWinner is required (K3)");
        }
        if (!after.level() && named != null) {
            throw new InvalidResultException("penaltiesWinner",
                    "penaltiesWinner does not apply: " + tie.slot.name() + " is decided on aggregate (K3)");
        }
    }

    KnockoutTieDecidedEvent decision(Tie tie, String correctionReason) {
        List<LegScore> legs = tie.legScores();
        String forfeit = tie.forfeits.isEmpty() ? null : tie.forfeits.values().iterator().next();
        String winner = forfeit != null ? forfeit
                : TieOutcome.winner(tie.better, tie.worse, legs, tie.penaltiesWinner);
        String loser = winner.equals(tie.better) ? tie.worse : tie.better;
        Map<String, Integer> aggregate = TieOutcome.aggregate(legs);
        return new KnockoutTieDecidedEvent(tournamentId, tie.slot.name(), tie.slot.round(), winner, loser,
                aggregate.getOrDefault(winner, 0), aggregate.getOrDefault(loser, 0), tie.penaltiesWinner,
                correctionReason);
    }

    static boolean sameDecision(KnockoutTieDecidedEvent a, KnockoutTieDecidedEvent b) {
        return a.winnerParticipantId().equals(b.winnerParticipantId()) && a.winnerAggregate() == b.winnerAggregate()
                && a.loserAggregate() == b.loserAggregate()
                && Objects.equals(a.penaltiesWinnerParticipantId(), b.penaltiesWinnerParticipantId());
    }

    // --- state, from the aggregate's event sourcing handlers

    void created(KnockoutTieCreatedEvent event) {
        Tie tie = ties.computeIfAbsent(event.slot(), slot -> new Tie(Slot.of(slot)));
        tie.better = event.betterParticipantId();
        tie.worse = event.worseParticipantId();
        tie.legs = event.legs();
        event.legs().forEach(leg -> slotOfMatch.put(leg.matchId(), event.slot()));
    }

    void started(String slot) {
        ties.get(slot).started = true;
    }

    void recorded(MatchResultRecordedEvent event) {
        Tie tie = ties.get(event.slot());
        tie.scores.put(event.matchId(), new LegScore(event.playerAParticipantId(), event.playerBParticipantId(),
                event.result().scoreA(), event.result().scoreB()));
        if (event.result().isWalkover()) {
            tie.forfeits.put(event.matchId(), event.result().walkoverWinnerParticipantId());
        } else {
            tie.forfeits.remove(event.matchId());
        }
        tie.penaltiesWinner = tie.forfeits.isEmpty()
                ? penaltiesWinner(tie, event.result().penaltiesWinnerParticipantId()) : null;
    }

    /** The side a forfeit sends through, with {@code result} recorded for {@code matchId}; null when none. */
    static String forfeitWinner(Tie tie, String matchId, MatchResult result) {
        Map<String, String> forfeits = new HashMap<>(tie.forfeits);
        if (result.isWalkover()) {
            forfeits.put(matchId, result.walkoverWinnerParticipantId());
        } else {
            forfeits.remove(matchId);
        }
        return forfeits.isEmpty() ? null : forfeits.values().iterator().next();
    }

    /**
     * K3: a complete, level tie is decided by the shoot-out the result names, else by the one already recorded (a
     * correction of the other leg keeps it); any other tie has none.
     */
    static String penaltiesWinner(Tie tie, String named) {
        if (!tie.complete() || !TieOutcome.level(tie.better, tie.worse, tie.legScores())) {
            return null;
        }
        return named != null ? named : tie.penaltiesWinner;
    }

    void decided(KnockoutTieDecidedEvent event) {
        ties.get(event.slot()).decided = event;
        winnersBySlot.put(event.slot(), event.winnerParticipantId());
    }
}
