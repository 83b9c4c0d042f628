package com.streamflix.league.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A refusal answered as RFC 9457 problem+json with a stable {@code type} and a readable {@code detail}. */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatus status, String type, String detail) {
        super(status, Problems.of(status, type, detail), null);
    }

    /** Adds a member to the problem, e.g. the offending {@code field}. */
    public ApiProblem with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }
}
