package com.streamflix.league.command.match;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.streamflix.league.api.match.CorrectMatchResultCommand;
import com.streamflix.league.api.match.RescheduleMatchCommand;
import com.streamflix.league.api.match.ResolveMatchCommand;
import com.streamflix.league.api.match.UpdateMatchScoreCommand;
import com.streamflix.league.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The admin's match controls (RULES M1, M2, K3): start, live score, resolve (or walkover), correct, reschedule.
 * Refusals: 409 naming the match's or the tournament's state, 422 naming the field of a result K3 refuses.
 * Participants may be named by participant id or by user id.
 */
@RestController
@RequestMapping("/api/admin/matches/{matchId}")
public class MatchAdminController {
    static final String MATCH_ID = "[A-Za-z0-9-]{1,64}";
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final CommandGateway commands;
    private final MatchPlay play;

    public MatchAdminController(CommandGateway commands, MatchPlay play) {
        this.commands = commands;
        this.play = play;
    }

    public record Score(@NotNull @Min(0) @Max(Match.MAX_GOALS) Integer scoreA,
                        @NotNull @Min(0) @Max(Match.MAX_GOALS) Integer scoreB) {
    }

    /** A final score (with {@code penaltiesWinner} where K3 needs one), or {@code walkover}: the side awarded 3–0. */
    public record Resolution(@Min(0) @Max(Match.MAX_GOALS) Integer scoreA, @Min(0) @Max(Match.MAX_GOALS) Integer scoreB,
                             @Size(min = 1, max = 64) String penaltiesWinner, @Size(min = 1, max = 64) String walkover) {
    }

    public record Correction(@NotNull @Min(0) @Max(Match.MAX_GOALS) Integer scoreA,
                             @NotNull @Min(0) @Max(Match.MAX_GOALS) Integer scoreB,
                             @Size(min = 1, max = 64) String penaltiesWinner,
                             @NotBlank @Size(max = 500) String reason) {
    }

    public record Schedule(@NotNull Instant scheduledAt) {
    }

    /** The result as recorded, and the knockout ties it made known (scheduled now). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Recorded(String matchId, int scoreA, int scoreB, String winnerParticipantId, String penaltiesWinner,
                           boolean walkover, List<String> tiesOpened) {
        static Recorded of(String matchId, MatchPlay.Resolved resolved) {
            var r = resolved.result();
            return new Recorded(matchId, r.scoreA(), r.scoreB(), r.winnerParticipantId(),
                    r.penaltiesWinnerParticipantId(), r.isWalkover(), resolved.tiesOpened());
        }
    }

    /** M1 {@code SCHEDULED → LIVE}; M2: only in the tournament's current phase, a second leg after the first. */
    @PostMapping("/start")
    public ResponseEntity<Void> start(@PathVariable @Pattern(regexp = MATCH_ID) String matchId) {
        play.start(matchId);
        return ResponseEntity.noContent().build();
    }

    /** M1: the live score, while {@code LIVE}. */
    @PostMapping("/score")
    public ResponseEntity<Void> score(@PathVariable @Pattern(regexp = MATCH_ID) String matchId,
                                      @Valid @RequestBody Score body) {
        commands.sendAndWait(new UpdateMatchScoreCommand(matchId, body.scoreA(), body.scoreB()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/resolve-match")
    public Recorded resolve(@PathVariable @Pattern(regexp = MATCH_ID) String matchId,
                            @Valid @RequestBody Resolution body) {
        boolean walkover = body.walkover() != null;
        if (!walkover && (body.scoreA() == null || body.scoreB() == null)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request",
                    "Give the final score (scoreA and scoreB) or a walkover").with("field",
                    body.scoreA() == null ? "scoreA" : "scoreB");
        }
        if (walkover && (body.scoreA() != null || body.scoreB() != null || body.penaltiesWinner() != null)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request",
                    "A walkover is recorded as 3–0 for that side: give no score and no penaltiesWinner")
                    .with("field", "walkover");
        }
        return Recorded.of(matchId, play.resolve(new ResolveMatchCommand(matchId, body.scoreA(), body.scoreB(),
                body.penaltiesWinner(), body.walkover())));
    }

    /** A completed match's result replaced, with a reason; the original stays in the history. */
    @PostMapping("/correct-result")
    public Recorded correct(@PathVariable @Pattern(regexp = MATCH_ID) String matchId,
                            @Valid @RequestBody Correction body) {
        return Recorded.of(matchId, play.correct(new CorrectMatchResultCommand(matchId, body.scoreA(), body.scoreB(),
                body.penaltiesWinner(), body.reason().strip())));
    }

    @PostMapping("/reschedule")
    public ResponseEntity<Void> reschedule(@PathVariable @Pattern(regexp = MATCH_ID) String matchId,
                                           @Valid @RequestBody Schedule body) {
        if (body.scheduledAt().isBefore(EARLIEST) || !body.scheduledAt().isBefore(LATEST)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "scheduledAt must be between 2000 and 2100")
                    .with("field", "scheduledAt");
        }
        commands.sendAndWait(new RescheduleMatchCommand(matchId, body.scheduledAt()));
        return ResponseEntity.noContent().build();
    }
}
