package com.streamflix.league.command.tournament;

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
import com.streamflix.league.draw.Pots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.streamflix.league.api.tournament.RegistrationStatus.CONFIRMED;
import static com.streamflix.league.api.tournament.RegistrationStatus.NOT_SELECTED;
import static com.streamflix.league.api.tournament.RegistrationStatus.PENDING;
import static com.streamflix.league.api.tournament.TournamentStatus.AWAITING_SELECTION;
import static com.streamflix.league.api.tournament.TournamentStatus.DRAFT;
import static com.streamflix.league.api.tournament.TournamentStatus.REGISTRATION_CLOSED;
import static com.streamflix.league.api.tournament.TournamentStatus.REGISTRATION_OPEN;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A tournament's lifecycle (RULES T1), its registrations (R3) and the admin's roster (R4). Every transition T1
 * does not name is refused with a {@link TournamentStateException} naming the current state. R1 (subscriber, not
 * banned) and R2 (the per-user cap) need Twitch and other tournaments, so the caller checks them before sending
 * {@link RegisterForTournamentCommand}.
 */
@Aggregate
public class Tournament {
    /** The read model's {@code tournaments.name} column; a longer name would stop the projection. */
    static final int NAME_MAX_LENGTH = 200;

    @AggregateIdentifier
    private String tournamentId;
    private TournamentStatus status;
    /** Current registrations in registration order; a withdrawal removes one, a new registration goes last. */
    private final Map<String, RegistrationStatus> registrations = new LinkedHashMap<>();
    /** Who withdrew and has not registered again, so R4 can say why their id is refused. */
    private final Set<String> withdrawn = new HashSet<>();
    /** The locked roster in seeding order (R4): what the league draw starts from. */
    private List<ConfirmedParticipant> participants = List.of();

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
    public RegistrationStatus handle(RegisterForTournamentCommand command) {
        requireText(command.userId(), "userId");
        RegistrationStatus existing = registrations.get(command.userId());
        if (existing != null) {
            return existing;
        }
        requireStatus(REGISTRATION_OPEN, "register");
        apply(new PlayerRegisteredEvent(tournamentId, command.userId(), command.login()));
        return PENDING;
    }

    /** R3: only while registration is open; without a registration it is a no-op, so a retried withdrawal succeeds. */
    @CommandHandler
    public void handle(WithdrawRegistrationCommand command) {
        requireStatus(REGISTRATION_OPEN, "withdraw a registration");
        if (registrations.containsKey(command.userId())) {
            apply(new RegistrationWithdrawnEvent(tournamentId, command.userId()));
        }
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
    }

    @EventSourcingHandler
    void on(ParticipantsConfirmedEvent event) {
        event.participants().forEach(p -> registrations.put(p.userId(), CONFIRMED));
        event.notSelectedUserIds().forEach(userId -> registrations.put(userId, NOT_SELECTED));
        participants = event.participants();
        status = REGISTRATION_CLOSED;
    }
}
