package com.streamflix.league.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/** RFC 9457 problem+json with our stable {@code type}s, for controllers ({@link ApiProblem}) and filters alike. */
public final class Problems {
    public static final String TYPE_BASE = "https://streamflix.league/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(type.replace('-', ' '));
        return problem;
    }

    /**
     * A refusal made by the container or the framework rather than by our code (Tomcat's URI check, a status sent to
     * {@code /error}): the status's own type and a plain detail, nothing of the request echoed back.
     */
    public static ProblemDetail forStatus(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        return switch (status.value()) {
            case 400 -> of(status, "invalid-request", "The request is malformed");
            case 404 -> of(status, "not-found", "Nothing here");
            case 413 -> of(status, "body-too-large", "The body is too large");
            case 500 -> of(status, "internal-error", "Something went wrong on our side; nothing you sent was wrong");
            default -> of(status, status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-'),
                    status.getReasonPhrase());
        };
    }

    /** The first of {@code failure}'s causes (itself included) of that type, or null: Spring and Axon wrap. */
    public static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** For servlet filters, which answer before Spring MVC's exception handling. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
