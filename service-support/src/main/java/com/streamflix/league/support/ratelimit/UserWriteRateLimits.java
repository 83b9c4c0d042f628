package com.streamflix.league.support.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Per signed-in viewer (issue #13): every write (any method but GET, HEAD, OPTIONS), whatever the endpoint; votes
 * have a stricter limit of their own. Runs after Spring Security's filter chain (order 0 > its -100), inside its
 * scope, so the request's session is known. Keys (admin automation) are not viewers and are not counted here.
 */
@Component
@Order(0)
public class UserWriteRateLimits extends OncePerRequestFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final RateLimiter writes;
    private final ObjectMapper json;

    public UserWriteRateLimits(RateLimitProperties properties, ObjectMapper json) {
        this.writes = new RateLimiter(properties.userWritesBurst(), properties.userWritesPerSecond(),
                Duration.ofSeconds(1));
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (READS.contains(request.getMethod()) || who == null || !(who.getPrincipal() instanceof Jwt session)
                || writes.take(session.getSubject(), response, json, "requests from this viewer")) {
            chain.doFilter(request, response);
        }
    }
}
