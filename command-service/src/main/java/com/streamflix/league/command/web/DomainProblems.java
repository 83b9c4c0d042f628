package com.streamflix.league.command.web;

import com.streamflix.league.api.FieldRefusedException;
import com.streamflix.league.api.StateRefusedException;
import com.streamflix.league.api.prediction.PredictionExistsException;
import com.streamflix.league.api.draw.InvalidDrawException;
import com.streamflix.league.api.knockout.CompetitionRuleException;
import com.streamflix.league.api.tournament.InvalidRosterException;
import com.streamflix.league.api.tournament.WithdrawalLimitReachedException;
import com.streamflix.league.api.wallet.BalanceLimitException;
import com.streamflix.league.api.wallet.InsufficientPointsException;
import com.streamflix.league.api.wallet.RegistrationLimitReachedException;
import com.streamflix.league.api.wallet.UserBannedException;
import com.streamflix.league.command.twitch.TwitchUnavailableException;
import com.streamflix.league.support.web.ApiProblem;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The domain's refusals as problem+json (Spring MVC's own are service-support's ProblemAdvice). Ordered first: the
 * generic advice also has a catch-all, and the first advice with any matching handler wins.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DomainProblems {

    @ExceptionHandler
    ErrorResponseException insufficientPoints(InsufficientPointsException e) {
        return new ApiProblem(HttpStatus.CONFLICT, "insufficient-points", e.getMessage())
                .with("balance", e.balance()).with("requested", e.requested());
    }

    @ExceptionHandler
    ErrorResponseException banned(UserBannedException e) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "user-banned", "You are banned from this league");
    }

    @ExceptionHandler
    ErrorResponseException registrationLimit(RegistrationLimitReachedException e) {
        return new ApiProblem(HttpStatus.CONFLICT, "registration-limit-reached", e.getMessage())
                .with("maxActive", e.maxActive());
    }

    /** RULES R3: a register/withdraw loop ends after maxWithdrawals withdrawals. */
    @ExceptionHandler
    ErrorResponseException withdrawalLimit(WithdrawalLimitReachedException e) {
        return new ApiProblem(HttpStatus.CONFLICT, "withdrawal-limit-reached", e.getMessage())
                .with("maxWithdrawals", e.maxWithdrawals());
    }

    /** RULES W2's upper edge: the credit is refused whole, nothing applied. */
    @ExceptionHandler
    ErrorResponseException balanceLimit(BalanceLimitException e) {
        return new ApiProblem(HttpStatus.CONFLICT, "balance-limit-reached", e.getMessage())
                .with("field", "amount").with("balance", e.balance()).with("requested", e.requested())
                .with("maxBalance", e.maxBalance());
    }

    /** RULES T1 and M1: every refused transition names the current state. */
    @ExceptionHandler
    ErrorResponseException refusedInState(StateRefusedException e) {
        return new ApiProblem(HttpStatus.CONFLICT, e.problemType(), e.getMessage())
                .with("currentState", e.currentState()).with("attemptedAction", e.attemptedAction());
    }

    /** RULES K3, P1 and score bounds: the offending field, and nothing changed. */
    @ExceptionHandler
    ErrorResponseException fieldRefused(FieldRefusedException e) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, e.problemType(), e.getMessage())
                .with("field", e.field());
    }

    /** RULES P1: one prediction per user per match; the answer shows the first. */
    @ExceptionHandler
    ErrorResponseException predictionExists(PredictionExistsException e) {
        var first = e.existing();
        return new ApiProblem(HttpStatus.CONFLICT, "prediction-exists", e.getMessage())
                .with("existing", java.util.Map.of("predictionId", first.predictionId(), "matchId", first.matchId(),
                        "participantId", first.participantId(), "wager", first.wager()));
    }

    /** RULES M2 and the correction windows: why not now. */
    @ExceptionHandler
    ErrorResponseException competitionRule(CompetitionRuleException e) {
        return new ApiProblem(HttpStatus.CONFLICT, e.type(), e.getMessage());
    }

    /** RULES R4: every offending id, and nothing changed. */
    @ExceptionHandler
    ErrorResponseException invalidRoster(InvalidRosterException e) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-roster", e.getMessage())
                .with("field", "userIds").with("violations", e.violations());
    }

    /** RULES D1, D2 (an imported draw) and R4 (named pots are the roster): every violation, and nothing changed. */
    @ExceptionHandler
    ErrorResponseException invalidDraw(InvalidDrawException e) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-draw",
                "The " + e.field() + " break the draw's rules (" + e.violations().size()
                        + " violations, listed in violations); nothing was recorded")
                .with("field", e.field()).with("violations", e.violations());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> twitchUnavailable(TwitchUnavailableException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        ProblemDetail body = new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "twitch-unavailable",
                e.getMessage() + "; nothing was recorded, try again in " + seconds + " s")
                .with("retryAfterSeconds", seconds).getBody();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(body);
    }

    /** Another request changed the same thing at the same moment and retries did not settle it. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ErrorResponseException conflict(Exception e) {
        return new ApiProblem(HttpStatus.CONFLICT, "concurrent-change",
                "Someone else changed this at the same moment; nothing was applied, please try again");
    }

    /** A balance that would not fit (W2's other edge): refused, nothing applied. */
    @ExceptionHandler
    ErrorResponseException overflow(ArithmeticException e) {
        return new ApiProblem(HttpStatus.CONFLICT, "balance-limit", "The balance would exceed its limit");
    }

    @ExceptionHandler
    ErrorResponseException notFound(AggregateNotFoundException e) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Nothing with id " + e.getAggregateIdentifier());
    }
}
