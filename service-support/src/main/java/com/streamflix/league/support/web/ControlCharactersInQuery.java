package com.streamflix.league.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * A query parameter with a control character ({@code ?participant=%00}) is a 400 naming the parameter, before it can
 * reach PostgreSQL (whose text refuses NUL) as a 500. Runs before security, so it answers the same for everyone, and
 * after {@link BodySizeLimit}, since reading the parameters may read a form body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ControlCharactersInQuery extends OncePerRequestFilter {
    private final ObjectMapper json;

    public ControlCharactersInQuery(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getQueryString() != null) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (hasControlCharacter(parameter.getKey()) || java.util.Arrays.stream(parameter.getValue())
                        .anyMatch(ControlCharactersInQuery::hasControlCharacter)) {
                    var problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                            "Query parameters must not contain control characters");
                    problem.setProperty("field", parameter.getKey());
                    Problems.write(response, json, problem);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
