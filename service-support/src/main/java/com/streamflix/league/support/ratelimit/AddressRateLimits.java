package com.streamflix.league.support.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Per client address (issue #13), before anything else runs: login attempts (the Twitch redirect and its return,
 * the dev login, the broadcaster's connect) and webhook deliveries. The address is the client's as the edge reports
 * it (forwarded headers are trusted from internal addresses only).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class AddressRateLimits extends OncePerRequestFilter {
    private static final List<String> LOGIN_PATHS = List.of("/auth/login", "/auth/dev-login", "/auth/broadcaster",
            "/oauth2/", "/login/");
    private static final String WEBHOOKS = "/api/webhooks/";

    private final RateLimiter logins;
    private final RateLimiter webhooks;
    private final ObjectMapper json;

    public AddressRateLimits(RateLimitProperties properties, ObjectMapper json) {
        this.logins = new RateLimiter(properties.loginsPerMinute(), properties.loginsPerMinute(),
                Duration.ofMinutes(1));
        this.webhooks = new RateLimiter(properties.webhooksPerSecond(), properties.webhooksPerSecond(),
                Duration.ofSeconds(1));
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String address = request.getRemoteAddr();
        boolean allowed = path.startsWith(WEBHOOKS)
                ? webhooks.take(address, response, json, "webhook deliveries from this address")
                : LOGIN_PATHS.stream().noneMatch(path::startsWith)
                || logins.take(address, response, json, "login attempts from this address");
        if (allowed) {
            chain.doFilter(request, response);
        }
    }
}
