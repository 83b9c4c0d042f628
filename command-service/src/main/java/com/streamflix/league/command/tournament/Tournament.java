package com.streamflix.league.command.tournament;

import com.streamflix.league.command.config.Snapshots;
import com.streamflix.league.api.draw.DrawnFixture;
import com.streamflix.league.api.draw.SeedSource;
import com.streamflix.league.api.knockout.CompetitionRuleException;
import com.streamflix.league.api.knockout.KnockoutTieCreatedEvent;
import com.streamflix.league.api.knockout.KnockoutTieDecidedEvent;
import com.streamflix.league.api.knockout.KnockoutTieStartedEvent;
import com.streamflix.league.api.knockout.KnockoutsSeededEvent;
import com.streamflix.league.api.knockout.MatchResultRecordedEvent;
import com.streamflix.league.api.knockout.RecordMatchResultCommand;
import com.streamflix.league.api.knockout.RecordMatchStartCommand;
import com.streamflix.league.api.knockout.TournamentCompletedEvent;
import com.streamflix.league.api.match.InvalidResultException;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.vote.AwardVoteBonusCommand;
import com.streamflix.league.api.vote.VoteBonusAwardedEvent;
import com.streamflix.league.knockout.KnockoutBracket;
import com.streamflix.league.knockout.Round;
import com.streamflix.league.knockout.Slot;
import com.streamflix.league.api.draw.InvalidDrawException;
import com.streamflix.league.api.draw.LeagueDrawnEvent;
import com.streamflix.league.api.draw.RunLeagueDrawCommand;
import com.streamflix.league.api.tournament.CheckRegistrationCommand;
import com.streamflix.league.api.tournament.CloseRegistrationCommand;
import com.streamflix.league.api.tournament.ConfirmParticipantsCommand;
import com.streamflix.league.api.tournament.ConfirmedParticipant;
import com.streamflix.league.api.tournament.CreateTournamentCommand;
import com.streamflix.league.api.tournament.InvalidRosterException;
import com.streamflix.league.api.tournament.OpenRegistrationCommand;
import com.streamflix.league.api.tournament.ParticipantsConfirmedEvent;
import com.streamflix.league.api.tournament.PlayerRegisteredEvent;
import com.streamflix.league.api.tournament.RegisterForTournamentCommand;
import com.streamflix.league.api.tournament.RegistrationClosedEvent;
import com.streamflix.league.api.tournament.RegistrationOpenedEvent;
import com.streamflix.league.api.tournament.RegistrationStatus;
import com.streamflix.league.api.tournament.RegistrationWithdrawnEvent;
import com.streamflix.league.api.tournament.RosterViolation;
import com.streamflix.league.api.tournament.TournamentCreatedEvent;
import com.streamflix.league.api.tournament.TournamentStateException;
import com.streamflix.league.api.tournament.TournamentStatus;
import com.streamflix.league.api.tournament.WithdrawRegistrationCommand;
import com.streamflix.league.api.tournament.WithdrawalLimitReachedException;
import com.streamflix.league.draw.Fixture;
import com.streamflix.league.draw.FixtureRules;
import com.streamflix.league.draw.LeagueDraw;
import com.streamflix.league.draw.Pots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.streamflix.league.api.tournament.RegistrationStatus.CONFIRMED;
import static com.streamflix.league.api.tournament.RegistrationStatus.NOT_SELECTED;
import static com.streamflix.league.api.tournament.RegistrationStatus.PENDING;
import static com.streamflix.league.api.tournament.TournamentStatus.AWAITING_SELECTION;
import static com.streamflix.league.api.tournament.TournamentStatus.COMPLETED;
import static com.streamflix.league.api.tournament.TournamentStatus.KNOCKOUTS;
import static com.streamflix.league.api.tournament.TournamentStatus.DRAFT;
import static com.streamflix.league.api.tournament.TournamentStatus.LEAGUE_PHASE;
import static com.streamflix.league.api.tournament.TournamentStatus.REGISTRATION_CLOSED;
import static com.streamflix.league.api.tournament.TournamentStatus.REGISTRATION_OPEN;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A tournament's lifecycle (RULES T1), its registrations (R3), the admin's roster (R4) and the league draw (D1–D4).
 * Every transition T1 does not name is refused with a {@link TournamentStateException} naming the current state. R1
 * (subscriber, not banned) and R2 (the per-user cap) need Twitch and other tournaments, so the caller checks them
 * before sending {@link RegisterForTournamentCommand}. The draw's 144 matches are scheduled by the caller in the
 * same transaction ({@code command.draw.LeagueDraws}). Match play (M2, S3, K1–K4) is delegated to {@link LeagueResults}
 * and {@link KnockoutStage}: the tournament says whether a match may start, counts each result, seeds the knockouts
 * after the last league match, creates each tie once both its sides are known and ends with the final.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
public class Tournament {
    /** The read model's {@code tournaments.name} column; a longer name would stop the projection. */
    static final int NAME_MAX_LENGTH = 200;
    /**
     * R3: withdrawals per user per tournament after which registering again is refused. Withdrawing stays allowed, so
     * nobody is held in; a register/withdraw loop stops growing this stream and the user's wallet stream.
     */
    static final int MAX_WITHDRAWALS = 3;

    @AggregateIdentifier
    private String tournamentId;
    private TournamentStatus status;
    /** Current registrations in registration order; a withdrawal removes one, a new registration goes last. */
    private final Map<String, RegistrationStatus> registrations = new LinkedHashMap<>();
    /** Who withdrew and has not registered again, so R4 can say why their id is refused. */
    private final Set<String> withdrawn = new HashSet<>();
    /** Withdrawals per user (R3's loop limit); only users who ever withdrew are held. */
    private final Map<String, Integer> withdrawals = new HashMap<>();
    /** The locked roster in seeding order (R4): what the league draw starts from. */
    private List<ConfirmedParticipant> participants = List.of();
    private final LeagueResults league = new LeagueResults();
    /** Null until the league phase is over. */
    private KnockoutStage knockouts;

    protected Tournament() {
        // for Axon
    }

    @CommandHandler
    public Tournament(CreateTournamentCommand command) {
        requireText(command.tournamentId(), "tournamentId");
        requireText(command.name(), "name");
        if (command.name().length() > NAME_MAX_LENGTH) {
            throw new IllegalArgumentException("name must be at most " + NAME_MAX_LENGTH + " characters");
        }
        requirePlainText(command.name(), "name");
        requirePlainText(command.description(), "description");
        requireReasonableDate(command.startsAt(), "startsAt");
        requireReasonableDate(command.endsAt(), "endsAt");
        if (command.startsAt() != null && command.endsAt() != null && command.endsAt().isBefore(command.startsAt())) {
            throw new IllegalArgumentException("endsAt must not be before startsAt");
        }
        apply(new TournamentCreatedEvent(command.tournamentId(), command.name(), command.description(),
                command.startsAt(), command.endsAt(), Pots.PARTICIPANTS)); // T2
    }

    /** T1: {@code DRAFT → REGISTRATION_OPEN}, and the reopening {@code AWAITING_SELECTION → REGISTRATION_OPEN}. */
    @CommandHandler
    public void handle(OpenRegistrationCommand command) {
        if (status != DRAFT && status != AWAITING_SELECTION) {
            throw refused("open registration");
        }
        apply(new RegistrationOpenedEvent(tournamentId, status == AWAITING_SELECTION));
    }

    /** T1: {@code REGISTRATION_OPEN → AWAITING_SELECTION}. */
    @CommandHandler
    public void handle(CloseRegistrationCommand command) {
        requireStatus(REGISTRATION_OPEN, "close registration");
        apply(new RegistrationClosedEvent(tournamentId));
    }

    /**
     * R3: a repeat is answered with the existing registration in any state, since it changes nothing; a new
     * registration only while registration is open.
     *
     * @return the status of the user's registration
     */
    @CommandHandler
    public RegistrationStatus handle(CheckRegistrationCommand command) {
        RegistrationStatus existing = registrations.get(command.userId());
        if (existing == null) {
            requireStatus(REGISTRATION_OPEN, "register");
            requireWithdrawalsLeft(command.userId()); // refused before Twitch is asked
        }
        return existing;
    }

    @CommandHandler
    public RegistrationStatus handle(RegisterForTournamentCommand command) {
        requireText(command.userId(), "userId");
        RegistrationStatus existing = registrations.get(command.userId());
        if (existing != null) {
            return existing;
        }
        requireStatus(REGISTRATION_OPEN, "register");
        requireWithdrawalsLeft(command.userId());
        apply(new PlayerRegisteredEvent(tournamentId, command.userId(), command.login()));
        return PENDING;
    }

    /** R3: only while registration is open; without a registration it is a no-op, so a retried withdrawal succeeds. */
    @CommandHandler
    public boolean handle(WithdrawRegistrationCommand command) {
        requireStatus(REGISTRATION_OPEN, "withdraw a registration");
        if (registrations.containsKey(command.userId())) {
            apply(new RegistrationWithdrawnEvent(tournamentId, command.userId()));
            return true;
        }
        return false;
    }

    /**
     * T1 {@code AWAITING_SELECTION → REGISTRATION_CLOSED} with R4: exactly 36 distinct ids, each with a pending
     * registration, or an {@link InvalidRosterException} listing every violation and nothing applied. The list's
     * order is the seeding; every other pending registrant is not selected.
     */
    @CommandHandler
    public void handle(ConfirmParticipantsCommand command) {
        requireStatus(AWAITING_SELECTION, "confirm participants");
        List<String> userIds = command.userIds() == null ? List.of() : command.userIds();
        List<RosterViolation> violations = rosterViolations(userIds);
        if (!violations.isEmpty()) {
            throw new InvalidRosterException(violations);
        }
        List<ConfirmedParticipant> roster = new ArrayList<>(userIds.size());
        for (int i = 0; i < userIds.size(); i++) {
            roster.add(ConfirmedParticipant.seeded(tournamentId, userIds.get(i), i + 1));
        }
        Set<String> selected = Set.copyOf(userIds);
        List<String> notSelected = registrations.entrySet().stream()
                .filter(r -> r.getValue() == PENDING && !selected.contains(r.getKey()))
                .map(Map.Entry::getKey)
                .toList();
        apply(new ParticipantsConfirmedEvent(tournamentId, List.copyOf(roster), notSelected));
    }

    /**
     * T1 {@code REGISTRATION_CLOSED → LEAGUE_PHASE}: draws with the engine from the seed, or checks an imported draw
     * against D1 and once-per-matchday (D2), and records seed, pots and fixtures (D4). The engine runs here, in the
     * command handler, and never in an event sourcing handler: a replay reads the recorded fixtures.
     *
     * @return the recorded draw, whose fixtures the caller schedules as matches
     * @throws InvalidDrawException listing every way the pots differ from the roster, or the imported fixtures
     *         break the rules; nothing is recorded
     */
    @CommandHandler
    public LeagueDrawnEvent handle(RunLeagueDrawCommand command) {
        requireStatus(REGISTRATION_CLOSED, "run the league draw");
        boolean imported = command.fixtures() != null;
        if (imported == (command.seed() != null)) {
            throw new IllegalArgumentException("give either a seed or imported fixtures");
        }
        if (command.firstMatchdayAt() == null || command.matchdayInterval() == null
                || command.matchdayInterval().isNegative() || command.matchdayInterval().isZero()) {
            throw new IllegalArgumentException("firstMatchdayAt and a positive matchdayInterval are required");
        }
        requireReasonableDate(command.firstMatchdayAt(), "firstMatchdayAt");
        requireReasonableDate(command.firstMatchdayAt().plus(command.matchdayInterval().multipliedBy(7)),
                "the last matchday");
        List<List<String>> pots = command.pots() == null ? seedingPots() : command.pots();
        List<String> potViolations = potViolations(pots);
        if (!potViolations.isEmpty()) {
            throw new InvalidDrawException("pots", potViolations);
        }
        pots = Pots.requireValid(pots);
        List<Fixture> fixtures;
        if (imported) {
            List<String> fixtureViolations = FixtureRules.violations(pots, command.fixtures());
            if (!fixtureViolations.isEmpty()) {
                throw new InvalidDrawException("fixtures", fixtureViolations);
            }
            fixtures = inDrawOrder(pots, command.fixtures());
        } else {
            fixtures = LeagueDraw.draw(pots, command.seed()).fixtures();
        }
        LeagueDrawnEvent drawn = new LeagueDrawnEvent(tournamentId, command.seed(),
                imported ? null : command.seedSource(), imported ? null : LeagueDraw.ENGINE_VERSION, imported, pots,
                fixtures.stream().map(f -> drawnFixture(f, command.firstMatchdayAt(), command.matchdayInterval()))
                        .toList(),
                command.firstMatchdayAt(), command.matchdayInterval());
        apply(drawn);
        return drawn;
    }


    /**
     * M2: a match starts only in its tournament's phase, a second leg only after the first. The first match of a
     * knockout tie records that the tie started, which closes corrections of the ties that fed it.
     */
    @CommandHandler
    public void handle(RecordMatchStartCommand command) {
        if (command.phase().isLeague()) {
            requireStatus(LEAGUE_PHASE, "start a league match");
            requireLeagueMatch(command.matchId());
            return;
        }
        requireStatus(KNOCKOUTS, "start a " + command.phase() + " match");
        KnockoutStage.Tie tie = requireTie(command.matchId());
        if (command.phase().leg() == 2 && !tie.scores.containsKey(tie.legs.get(0).matchId())) {
            throw new CompetitionRuleException("first-leg-not-played",
                    "The first leg of " + tie.slot.name() + " has no result yet: it is played first");
        }
        if (!tie.started) {
            apply(new KnockoutTieStartedEvent(tournamentId, tie.slot.name(), command.matchId()));
        }
    }

    /**
     * Counts a result (M2, K3) and moves the competition on: the last league result seeds the knockouts (S3, K1),
     * a decided tie creates the next one (K2), the final completes the tournament (K4). A correction is allowed for
     * a league match until the knockouts are seeded, for a knockout match until the next round's tie has started.
     *
     * @return the ties created or recomposed, whose legs the caller schedules or re-points
     */
    @CommandHandler
    public List<KnockoutTieCreatedEvent> handle(RecordMatchResultCommand command) {
        boolean correction = command.correctionReason() != null;
        MatchResult result = command.result();
        if (command.phase().isLeague()) {
            if (correction && status != LEAGUE_PHASE) {
                throw new CompetitionRuleException("correction-closed",
                        "The knockouts are seeded: league results can no longer be corrected");
            }
            requireStatus(LEAGUE_PHASE, "record a league result");
            requireLeagueMatch(command.matchId());
            if (result.penaltiesWinnerParticipantId() != null) {
                throw new InvalidResultException("penaltiesWinner", "league matches have no penalties (K3)");
            }
            apply(recorded(command, null));
            if (!correction && league.complete()) {
                return seedKnockouts(command);
            }
            return List.of();
        }
        if (status != KNOCKOUTS && !(correction && status == COMPLETED)) {
            throw refused("record a " + command.phase() + " result");
        }
        KnockoutStage.Tie tie = requireTie(command.matchId());
        if (correction) {
            KnockoutStage.Tie next = knockouts.nextTie(tie.slot);
            if (next != null && next.started) {
                throw new CompetitionRuleException("correction-closed", "The next round's tie (" + next.slot.name()
                        + ") has started: " + tie.slot.name() + " can no longer be corrected");
            }
        } else if (command.phase().leg() == 2 && !tie.scores.containsKey(tie.legs.get(0).matchId())) {
            throw new CompetitionRuleException("first-leg-not-played",
                    "The first leg of " + tie.slot.name() + " has no result yet: it is played first");
        }
        KnockoutStage.requireTiePenalties(tie, command);
        if (!tie.started) {
            apply(new KnockoutTieStartedEvent(tournamentId, tie.slot.name(), command.matchId())); // a walkover, unplayed
        }
        String previousWinner = tie.decided == null ? null : tie.decided.winnerParticipantId();
        apply(recorded(command, tie.slot.name()));
        if (!tie.complete()) {
            return List.of();
        }
        KnockoutTieDecidedEvent decided = knockouts.decision(tie, command.correctionReason());
        if (tie.decided != null && KnockoutStage.sameDecision(tie.decided, decided)) {
            return List.of();
        }
        if (status == COMPLETED && !decided.winnerParticipantId().equals(previousWinner)) {
            throw new CompetitionRuleException("correction-closed",
                    "The tournament is completed: a correction may not change its champion");
        }
        apply(decided);
        if (tie.slot.round() == Round.FINAL) {
            if (status != COMPLETED) {
                apply(new TournamentCompletedEvent(tournamentId, decided.winnerParticipantId(),
                        userIdOf(decided.winnerParticipantId()), decided.loserParticipantId(),
                        participants.stream().map(ConfirmedParticipant::userId).toList()));
            }
            return List.of();
        }
        KnockoutTieCreatedEvent next;
        if (previousWinner != null && !previousWinner.equals(decided.winnerParticipantId())
                && knockouts.nextTie(tie.slot) != null) {
            next = knockouts.recomposed(tie.slot, command.correctionReason());
        } else {
            next = knockouts.nextTieOnceKnown(tie.slot, command.at());
        }
        if (next == null) {
            return List.of();
        }
        apply(next);
        return List.of(next);
    }

    /** S3 and K1: the final table, the halves draw from the server's seed, and the eight play-off ties. */
    private List<KnockoutTieCreatedEvent> seedKnockouts(RecordMatchResultCommand command) {
        List<String> ranking = league.finalRanking(participants);
        KnockoutBracket bracket = KnockoutBracket.draw(ranking, command.knockoutSeed());
        apply(new KnockoutsSeededEvent(tournamentId, ranking, ranking.subList(24, ranking.size()),
                command.knockoutSeed(), SeedSource.SERVER, KnockoutBracket.ENGINE_VERSION, bracket.sideS()));
        List<KnockoutTieCreatedEvent> playoffs = knockouts.playoffTies(command.at());
        playoffs.forEach(AggregateLifecycle::apply);
        return playoffs;
    }

    private MatchResultRecordedEvent recorded(RecordMatchResultCommand command, String slot) {
        return new MatchResultRecordedEvent(tournamentId, command.matchId(), command.phase(), slot,
                command.playerAParticipantId(), command.playerBParticipantId(), command.result(),
                command.correctionReason());
    }

    /**
     * V5: a vote's winner gets its league points (S1). Votes run on live league matches and a match is not resolved
     * while its vote runs, so the award always comes before the league phase's last result.
     */
    @CommandHandler
    public void handle(AwardVoteBonusCommand command) {
        requireStatus(LEAGUE_PHASE, "award league points from a vote");
        requireLeagueMatch(command.matchId());
        apply(new VoteBonusAwardedEvent(tournamentId, command.voteEventId(), command.matchId(),
                command.participantId(), command.points()));
    }

    private void requireLeagueMatch(String matchId) {
        if (!league.isLeagueMatch(matchId)) {
            throw new IllegalArgumentException("match " + matchId + " is not a league match of " + tournamentId);
        }
    }

    private KnockoutStage.Tie requireTie(String matchId) {
        KnockoutStage.Tie tie = knockouts == null ? null : knockouts.tieOf(matchId);
        if (tie == null) {
            throw new IllegalArgumentException("match " + matchId + " is not a knockout match of " + tournamentId);
        }
        return tie;
    }

    private String userIdOf(String participantId) {
        return participants.stream().filter(p -> p.participantId().equals(participantId))
                .map(ConfirmedParticipant::userId).findFirst().orElseThrow();
    }

    /** R4: without named pots, the seeding decides: first 9 confirmed = pot 1, next 9 = pot 2, ... */
    private List<List<String>> seedingPots() {
        List<List<String>> pots = new ArrayList<>();
        for (int pot = 0; pot < Pots.COUNT; pot++) {
            pots.add(participants.subList(pot * Pots.SIZE, (pot + 1) * Pots.SIZE).stream()
                    .map(ConfirmedParticipant::userId).toList());
        }
        return pots;
    }

    /** Every way named pots are not exactly the roster in 4 pots of 9: wrong sizes, strangers, repeats, absentees. */
    private List<String> potViolations(List<List<String>> pots) {
        List<String> violations = new ArrayList<>();
        if (pots.size() != Pots.COUNT) {
            violations.add("expected " + Pots.COUNT + " pots, got " + pots.size());
        }
        Set<String> roster = new HashSet<>();
        participants.forEach(p -> roster.add(p.userId()));
        Map<String, Integer> potOf = new HashMap<>();
        for (int pot = 1; pot <= pots.size(); pot++) {
            List<String> members = pots.get(pot - 1) == null ? List.of() : pots.get(pot - 1);
            if (members.size() != Pots.SIZE) {
                violations.add("pot " + pot + " has " + members.size() + " participants, expected " + Pots.SIZE);
            }
            for (String userId : members) {
                if (userId == null || userId.isBlank()) {
                    violations.add("pot " + pot + " contains a blank user id");
                } else if (!roster.contains(userId)) {
                    violations.add(userId + " (pot " + pot + ") is not in the confirmed roster");
                } else {
                    Integer earlier = potOf.putIfAbsent(userId, pot);
                    if (earlier != null) {
                        violations.add(userId + " is in pot " + earlier + " and again in pot " + pot);
                    }
                }
            }
        }
        participants.stream().map(ConfirmedParticipant::userId).filter(userId -> !potOf.containsKey(userId))
                .forEach(userId -> violations.add(userId + " is in the roster but in no pot"));
        return violations;
    }

    /** Imported fixtures in the engine's order: by matchday, then by the host's place in the pots. */
    private static List<Fixture> inDrawOrder(List<List<String>> pots, List<Fixture> fixtures) {
        List<String> places = pots.stream().flatMap(List::stream).toList();
        return fixtures.stream()
                .sorted(Comparator.comparingInt(Fixture::matchday).thenComparingInt(f -> places.indexOf(f.home())))
                .toList();
    }

    /** D4: matchday n is dated {@code firstMatchdayAt + (n - 1) × matchdayInterval}. */
    private DrawnFixture drawnFixture(Fixture fixture, Instant firstMatchdayAt, Duration matchdayInterval) {
        String home = ConfirmedParticipant.idOf(tournamentId, fixture.home());
        String away = ConfirmedParticipant.idOf(tournamentId, fixture.away());
        return new DrawnFixture(DrawnFixture.matchIdOf(tournamentId, fixture.matchday(), home, away),
                fixture.matchday(), home, fixture.home(), away, fixture.away(),
                firstMatchdayAt.plus(matchdayInterval.multipliedBy(fixture.matchday() - 1L)));
    }

    /** Every way the list breaks R4, in list order; a duplicated id is reported once. */
    private List<RosterViolation> rosterViolations(List<String> userIds) {
        List<RosterViolation> violations = new ArrayList<>();
        if (userIds.size() != Pots.PARTICIPANTS) {
            violations.add(new RosterViolation(null,
                    "expected " + Pots.PARTICIPANTS + " user ids, got " + userIds.size()));
        }
        Map<String, Integer> occurrences = new LinkedHashMap<>();
        for (int i = 0; i < userIds.size(); i++) {
            String userId = userIds.get(i);
            if (userId == null || userId.isBlank()) {
                violations.add(new RosterViolation(userId, "blank user id at position " + (i + 1)));
            } else {
                occurrences.merge(userId, 1, Integer::sum);
            }
        }
        occurrences.forEach((userId, count) -> {
            if (count > 1) {
                violations.add(new RosterViolation(userId, "listed " + count + " times"));
            }
            RegistrationStatus registration = registrations.get(userId);
            if (registration == null) {
                violations.add(new RosterViolation(userId,
                        withdrawn.contains(userId) ? "withdrew their registration" : "not registered"));
            } else if (registration != PENDING) {
                violations.add(new RosterViolation(userId, "registration is " + registration));
            }
        });
        return violations;
    }

    private void requireStatus(TournamentStatus required, String action) {
        if (status != required) {
            throw refused(action);
        }
    }

    private void requireWithdrawalsLeft(String userId) {
        if (withdrawals.getOrDefault(userId, 0) >= MAX_WITHDRAWALS) {
            throw new WithdrawalLimitReachedException(MAX_WITHDRAWALS);
        }
    }

    private TournamentStateException refused(String action) {
        return new TournamentStateException(tournamentId, status, action);
    }

    TournamentStatus status() {
        return status;
    }

    List<ConfirmedParticipant> participants() {
        return participants;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    @EventSourcingHandler
    void on(TournamentCreatedEvent event) {
        tournamentId = event.tournamentId();
        status = DRAFT;
    }

    @EventSourcingHandler
    void on(RegistrationOpenedEvent event) {
        status = REGISTRATION_OPEN;
    }

    @EventSourcingHandler
    void on(RegistrationClosedEvent event) {
        status = AWAITING_SELECTION;
    }

    @EventSourcingHandler
    void on(PlayerRegisteredEvent event) {
        registrations.put(event.userId(), PENDING);
        withdrawn.remove(event.userId());
    }

    @EventSourcingHandler
    void on(RegistrationWithdrawnEvent event) {
        registrations.remove(event.userId());
        withdrawn.add(event.userId());
        withdrawals.merge(event.userId(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(ParticipantsConfirmedEvent event) {
        event.participants().forEach(p -> registrations.put(p.userId(), CONFIRMED));
        event.notSelectedUserIds().forEach(userId -> registrations.put(userId, NOT_SELECTED));
        participants = event.participants();
        status = REGISTRATION_CLOSED;
    }

    @EventSourcingHandler
    void on(LeagueDrawnEvent event) {
        league.drawn(event);
        status = LEAGUE_PHASE;
    }

    @EventSourcingHandler
    void on(VoteBonusAwardedEvent event) {
        league.awarded(event);
    }

    @EventSourcingHandler
    void on(MatchResultRecordedEvent event) {
        if (event.phase().isLeague()) {
            league.recorded(event);
        } else {
            knockouts.recorded(event);
        }
    }

    @EventSourcingHandler
    void on(KnockoutsSeededEvent event) {
        Map<String, String> userIds = new HashMap<>();
        participants.forEach(p -> userIds.put(p.participantId(), p.userId()));
        knockouts = new KnockoutStage(event, userIds);
        status = KNOCKOUTS;
    }

    @EventSourcingHandler
    void on(KnockoutTieCreatedEvent event) {
        knockouts.created(event);
    }

    @EventSourcingHandler
    void on(KnockoutTieStartedEvent event) {
        knockouts.started(event.slot());
    }

    @EventSourcingHandler
    void on(KnockoutTieDecidedEvent event) {
        knockouts.decided(event);
    }

    @EventSourcingHandler
    void on(TournamentCompletedEvent event) {
        status = COMPLETED;
    }

    /** Dates the read model (and a calendar) can hold: an event the projections refuse would stall them. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private static void requireReasonableDate(Instant at, String field) {
        if (at != null && (at.isBefore(EARLIEST) || !at.isBefore(LATEST))) {
            throw new IllegalArgumentException(field + " must be between 2000 and 2100");
        }
    }

    /** No control characters (PostgreSQL text refuses NUL), tabs and line breaks aside. */
    private static void requirePlainText(String text, String field) {
        if (text != null && text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
    }
}
