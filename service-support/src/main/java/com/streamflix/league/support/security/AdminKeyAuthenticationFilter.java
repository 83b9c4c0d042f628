package com.streamflix.league.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.streamflix.league.support.web.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * {@code X-Admin-Key} authentication for automation. The key is compared in constant time; every wrong key costs
 * its address a token, and an address out of tokens is answered 429 before any comparison, so guessing is slowed
 * to {@link #FAILURES_PER_MINUTE} tries a minute.
 */
public class AdminKeyAuthenticationFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-Admin-Key";
    public static final String PRINCIPAL = "admin-key";
    public static final int FAILURES_PER_MINUTE = 10;
    private static final Logger log = LoggerFactory.getLogger(AdminKeyAuthenticationFilter.class);
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final byte[] key;
    private final ObjectMapper json;
    /** Bounded and least-recently-used first out, so spraying addresses cannot reset an attacker's own bucket. */
    private final Cache<String, Bucket> failuresByAddress = Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED_ADDRESSES).expireAfterAccess(Duration.ofMinutes(10)).build();

    public AdminKeyAuthenticationFilter(String key, ObjectMapper json) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Bucket failures = failuresByAddress.get(request.getRemoteAddr(), address -> newBucket());
        if (failures.getAvailableTokens() <= 0) {
            problem(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                    "Too many wrong admin keys from this address; try again later");
            response.setHeader("Retry-After", "60");
            return;
        }
        if (!MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8))) {
            failures.tryConsume(1);
            log.warn("Wrong {} from {}", HEADER, request.getRemoteAddr());
            problem(response, HttpStatus.UNAUTHORIZED, "invalid-admin-key", "The admin key is not valid");
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(PRINCIPAL, null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(FAILURES_PER_MINUTE)
                        .refillGreedy(FAILURES_PER_MINUTE, Duration.ofMinutes(1)).build())
                .build();
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, type, detail);
        problem.setProperty("field", HEADER);
        Problems.write(response, json, problem);
    }
}
