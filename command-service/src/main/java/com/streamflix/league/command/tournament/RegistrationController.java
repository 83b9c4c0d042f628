package com.streamflix.league.command.tournament;

import com.streamflix.league.api.tournament.RegistrationStatus;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A viewer registers for a tournament (RULES R1–R3) or withdraws while registration is open. */
@RestController
@RequestMapping("/api/tournaments/{tournamentId}/register")
public class RegistrationController {
    static final String ID = "[A-Za-z0-9-]{1,64}";

    private final TournamentRegistrations registrations;

    public RegistrationController(TournamentRegistrations registrations) {
        this.registrations = registrations;
    }

    public record Registration(String tournamentId, String userId, RegistrationStatus status) {
    }

    /** A repeat answers with the existing registration (R3). */
    @PostMapping
    public Registration register(@PathVariable @Pattern(regexp = ID) String tournamentId,
                                 @AuthenticationPrincipal Jwt session) {
        RegistrationStatus status = registrations.register(tournamentId, session.getSubject(),
                session.getClaimAsString("name"));
        return new Registration(tournamentId, session.getSubject(), status);
    }

    @DeleteMapping
    public ResponseEntity<Void> withdraw(@PathVariable @Pattern(regexp = ID) String tournamentId,
                                         @AuthenticationPrincipal Jwt session) {
        registrations.withdraw(tournamentId, session.getSubject());
        return ResponseEntity.noContent().build();
    }
}
