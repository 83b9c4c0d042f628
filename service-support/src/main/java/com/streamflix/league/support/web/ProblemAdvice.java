package com.streamflix.league.support.web;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Spring MVC's own refusals as problem+json, with every invalid field named in {@code errors} (and the first in
 * {@code field}); a body past {@link StrictJson}'s read limits is a 400 naming the limit. Domain refusals are mapped
 * by each service's own advice.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemAdvice.class);

    /** A domain guard the HTTP layer did not catch first: the request was invalid, nothing was applied. */
    @ExceptionHandler
    ResponseEntity<Object> invalidArgument(IllegalArgumentException e, WebRequest request) {
        return handleExceptionInternal(e, Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage()),
                new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Anything else is our fault: logged with its stack, answered as problem+json without internals. Unless it is a
     * body past the size limit (413), or the database out of reach (503 with Retry-After, so that clients and Twitch
     * try again), however deep in the causes either is.
     */
    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring's own handling (status, security entry points)
        }
        BodySizeLimit.TooLarge tooLarge = Problems.cause(e, BodySizeLimit.TooLarge.class);
        if (tooLarge != null) {
            return handleExceptionInternal(e, tooLarge.problem(), new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE,
                    request);
        }
        if (DatabaseUnavailable.causes(e)) {
            log.warn("Database unavailable: {}", e.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            return handleExceptionInternal(e, DatabaseUnavailable.problem(), headers, HttpStatus.SERVICE_UNAVAILABLE,
                    request);
        }
        log.error("Unexpected failure", e);
        return handleExceptionInternal(e, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; nothing you sent was wrong"), new HttpHeaders(),
                HttpStatus.INTERNAL_SERVER_ERROR, request);
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
        BodySizeLimit.TooLarge tooLarge = Problems.cause(ex, BodySizeLimit.TooLarge.class);
        if (tooLarge != null) {
            return handleExceptionInternal(ex, tooLarge.problem(), headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                "The body is not valid JSON for this request");
        StreamConstraintsException limit = Problems.cause(ex, StreamConstraintsException.class);
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            body.setProperty("field", field);
            body.setDetail(mapping instanceof UnrecognizedPropertyException
                    ? "Unknown field '" + field + "'" : "Field '" + field + "' has the wrong type or format");
        }
        if (limit != null) {
            // Jackson's own words name the limit and the value's size; where it points into the code is dropped
            body.setDetail("The body exceeds a limit: "
                    + limit.getOriginalMessage().replaceAll(", from `[^`]*`", ""));
            if (body.getProperties() == null || !body.getProperties().containsKey("field")) {
                body.setProperty("field", "body");
            }
        }
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> invalid(Exception ex, List<Map<String, String>> errors, HttpHeaders headers,
                                           HttpStatusCode status, WebRequest request) {
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid " + errors.stream().map(e -> e.get("field")).distinct().collect(Collectors.joining(", ")));
        body.setProperty("errors", errors);
        if (!errors.isEmpty()) {
            body.setProperty("field", errors.get(0).get("field"));
        }
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    private static String fieldName(MessageSourceResolvable error, String parameter) {
        return error instanceof FieldError fieldError ? fieldError.getField() : parameter;
    }
}
