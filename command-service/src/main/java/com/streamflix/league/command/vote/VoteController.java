package com.streamflix.league.command.vote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/matches/{matchId}/start-vote} (an admin, RULES V1) and
 * {@code POST /api/vote-events/{id}/votes} (a viewer's session, V2). Refusals: 409 when the vote is closed, the
 * match not live or already voting, or the balance too low; 403 banned; 422 a stranger to the match or terms out
 * of range; 404 no such vote; 429 too many requests ({@link VoteRateLimit}).
 */
@RestController
public class VoteController {
    private final Votes votes;
    private final VoteRateLimit rateLimit;

    public VoteController(Votes votes, VoteRateLimit rateLimit) {
        this.votes = votes;
        this.rateLimit = rateLimit;
    }

    public record NewVote(@NotNull Integer pointsAward, @NotNull Long costPerVote, @NotNull Integer durationSeconds) {
    }

    public record NewCast(@NotBlank @Size(max = 64) String participantId, @NotNull Integer votes) {
    }

    @PostMapping("/api/admin/matches/{matchId}/start-vote")
    @ResponseStatus(HttpStatus.CREATED)
    public Votes.Started start(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String matchId,
                               @Valid @RequestBody NewVote body) {
        return votes.start(matchId, body.pointsAward(), body.costPerVote(), body.durationSeconds());
    }

    @PostMapping("/api/vote-events/{voteEventId}/votes")
    public Votes.Cast cast(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String voteEventId,
                           @Valid @RequestBody NewCast body, @AuthenticationPrincipal Jwt session) {
        rateLimit.take(session.getSubject());
        return votes.cast(voteEventId, session.getSubject(), body.participantId(), body.votes());
    }
}
