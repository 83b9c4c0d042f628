package com.streamflix.league.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.support.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * CSRF guard (API.md): a state-changing request that carries the session cookie must come from an allowed
 * {@code Origin}, else 403. Requests without the cookie cannot ride on a victim's session (the webhook is
 * signed, automation uses X-Admin-Key), so they are not this filter's business.
 */
public class OriginCheckFilter extends OncePerRequestFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> allowedOrigins;
    private final ObjectMapper json;

    public OriginCheckFilter(List<String> allowedOrigins, ObjectMapper json) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || !carriesSessionCookie(request)
                || KeyAuthenticationFilter.presentsKey(request)) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && allowedOrigins.contains(origin)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden-origin", origin == null
                ? "A cookie-authenticated write needs an Origin header"
                : "Origin " + origin + " is not allowed to write with this session");
        problem.setProperty("field", "Origin");
        Problems.write(response, json, problem);
    }

    private static boolean carriesSessionCookie(HttpServletRequest request) {
        return SessionCookieAuthentication.token(request) != null;
    }
}
