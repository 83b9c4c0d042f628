package com.streamflix.league.command.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** A refusal answered as RFC 9457 problem+json with a stable {@code type} and a readable {@code detail}. */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatus status, String type, String detail) {
        super(status, problem(status, type, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://streamflix.league/problems/" + type));
        problem.setTitle(type.replace('-', ' '));
        return problem;
    }

    /** Adds a member to the problem, e.g. the offending {@code field}. */
    public ApiProblem with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }
}
