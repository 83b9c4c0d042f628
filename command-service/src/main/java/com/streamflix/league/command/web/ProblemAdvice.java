package com.streamflix.league.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.streamflix.league.api.wallet.InsufficientPointsException;
import com.streamflix.league.api.wallet.RegistrationLimitReachedException;
import com.streamflix.league.api.wallet.UserBannedException;
import com.streamflix.league.command.twitch.TwitchUnavailableException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every refusal of the write side as RFC 9457 problem+json, with the offending field named. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

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

    @ExceptionHandler
    ResponseEntity<ProblemDetail> twitchUnavailable(TwitchUnavailableException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        ProblemDetail body = new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "twitch-unavailable",
                e.getMessage() + "; nothing was recorded, try again in " + seconds + " s")
                .with("retryAfterSeconds", seconds).getBody();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(body);
    }

    @ExceptionHandler
    ErrorResponseException notFound(AggregateNotFoundException e) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "No such " + describe(e));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        return invalid(ex, errors, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", fieldName(error, result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return invalid(ex, errors, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The body is not valid JSON for this request");
        body.setTitle("invalid request");
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            body.setProperty("field", field);
            body.setDetail(mapping instanceof UnrecognizedPropertyException
                    ? "Unknown field '" + field + "'" : "Field '" + field + "' has the wrong type or format");
        }
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> invalid(Exception ex, List<Map<String, String>> errors, HttpHeaders headers,
                                           HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid " + errors.stream().map(e -> e.get("field")).distinct().collect(Collectors.joining(", ")));
        body.setTitle("invalid request");
        body.setProperty("errors", errors);
        if (!errors.isEmpty()) {
            body.setProperty("field", errors.get(0).get("field"));
        }
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    private static String fieldName(MessageSourceResolvable error, String parameter) {
        return error instanceof FieldError fieldError ? fieldError.getField() : parameter;
    }

    private static String describe(AggregateNotFoundException e) {
        return "thing with id " + e.getAggregateIdentifier();
    }
}
