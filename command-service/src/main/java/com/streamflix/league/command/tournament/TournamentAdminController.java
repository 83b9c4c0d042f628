package com.streamflix.league.command.tournament;

import com.streamflix.league.api.tournament.CloseRegistrationCommand;
import com.streamflix.league.api.tournament.ConfirmParticipantsCommand;
import com.streamflix.league.api.tournament.CreateTournamentCommand;
import com.streamflix.league.api.tournament.OpenRegistrationCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.streamflix.league.support.web.ApiProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The admin's tournament lifecycle (RULES T1) and roster curation (R4). Refusals: 409 naming the state, 422 for a bad roster. */
@RestController
@RequestMapping("/api/admin/tournaments")
public class TournamentAdminController {
    private final CommandGateway commands;

    public TournamentAdminController(CommandGateway commands) {
        this.commands = commands;
    }

    public record NewTournament(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
                                Instant startsAt, Instant endsAt) {
    }

    public record Created(String id) {
    }

    public record Roster(@NotNull @Size(max = 1000) List<@NotNull String> userIds) {
    }

    public record Confirmed(String tournamentId, int confirmed) {
    }

    @PostMapping
    public ResponseEntity<Created> create(@Valid @RequestBody NewTournament body) {
        if (body.startsAt() != null && body.endsAt() != null && body.endsAt().isBefore(body.startsAt())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "endsAt is before startsAt")
                    .with("field", "endsAt");
        }
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateTournamentCommand(id, body.name().strip(), body.description(), body.startsAt(),
                body.endsAt()));
        return ResponseEntity.created(URI.create("/api/tournaments/" + id)).body(new Created(id));
    }

    /** From DRAFT, or again from AWAITING_SELECTION (reopen). */
    @PostMapping("/{tournamentId}/open-registration")
    public ResponseEntity<Void> open(@PathVariable @Pattern(regexp = RegistrationController.ID) String tournamentId) {
        commands.sendAndWait(new OpenRegistrationCommand(tournamentId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{tournamentId}/close-registration")
    public ResponseEntity<Void> close(@PathVariable @Pattern(regexp = RegistrationController.ID) String tournamentId) {
        commands.sendAndWait(new CloseRegistrationCommand(tournamentId));
        return ResponseEntity.noContent().build();
    }

    /** R4: exactly 36 distinct PENDING registrants, in seeding order; otherwise 422 with every offending id. */
    @PostMapping("/{tournamentId}/confirm-participants")
    public Confirmed confirm(@PathVariable @Pattern(regexp = RegistrationController.ID) String tournamentId,
                             @Valid @RequestBody Roster body) {
        commands.sendAndWait(new ConfirmParticipantsCommand(tournamentId, body.userIds()));
        return new Confirmed(tournamentId, body.userIds().size());
    }
}
