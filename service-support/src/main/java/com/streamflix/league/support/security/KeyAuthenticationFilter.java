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
 * Authentication by a secret header for automation and auditors: {@code X-Admin-Key} (role ADMIN) and
 * {@code X-Audit-Key} (role AUDITOR, which reads the audit endpoints and nothing else). The key is compared in constant
 * time; every wrong key costs its address a token, and an address out of tokens is answered 429 before any
 * comparison, so guessing is slowed to {@link #FAILURES_PER_MINUTE} tries a minute.
 */
public class KeyAuthenticationFilter extends OncePerRequestFilter {
    public static final String ADMIN_HEADER = "X-Admin-Key";
    public static final String AUDIT_HEADER = "X-Audit-Key";
    /** The headers that authenticate a request on their own: such a request needs no session (nor Origin check). */
    public static final java.util.List<String> HEADERS = java.util.List.of(ADMIN_HEADER, AUDIT_HEADER);
    public static final int FAILURES_PER_MINUTE = 10;
    private static final Logger log = LoggerFactory.getLogger(KeyAuthenticationFilter.class);
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final String header;
    private final byte[] key;
    private final String principal;
    private final String role;
    private final ObjectMapper json;
    /** Bounded and least-recently-used first out, so spraying addresses cannot reset an attacker's own bucket. */
    private final Cache<String, Bucket> failuresByAddress = Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED_ADDRESSES).expireAfterAccess(Duration.ofMinutes(10)).build();

    private KeyAuthenticationFilter(String header, String key, String principal, String role, ObjectMapper json) {
        this.header = header;
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.principal = principal;
        this.role = role;
        this.json = json;
    }

    public static KeyAuthenticationFilter admin(String key, ObjectMapper json) {
        return new KeyAuthenticationFilter(ADMIN_HEADER, key, "admin-key", "ROLE_ADMIN", json);
    }

    public static KeyAuthenticationFilter audit(String key, ObjectMapper json) {
        return new KeyAuthenticationFilter(AUDIT_HEADER, key, "audit-key", "ROLE_AUDITOR", json);
    }

    /** One per header: OncePerRequestFilter would otherwise skip the second instance of this class. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return KeyAuthenticationFilter.class.getName() + "." + header + ".FILTERED";
    }

    /** Whether the request presents any of the key headers. */
    public static boolean presentsKey(HttpServletRequest request) {
        return HEADERS.stream().anyMatch(name -> request.getHeader(name) != null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(header);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Bucket failures = failuresByAddress.get(request.getRemoteAddr(), address -> newBucket());
        if (failures.getAvailableTokens() <= 0) {
            problem(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                    "Too many wrong keys from this address; try again later");
            response.setHeader("Retry-After", "60");
            return;
        }
        if (!MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8))) {
            failures.tryConsume(1);
            log.warn("Wrong {} from {}", header, request.getRemoteAddr());
            problem(response, HttpStatus.UNAUTHORIZED, ADMIN_HEADER.equals(header) ? "invalid-admin-key"
                    : "invalid-audit-key", "The " + header + " is not valid");
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(principal, null,
                AuthorityUtils.createAuthorityList(role));
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
        problem.setProperty("field", header);
        Problems.write(response, json, problem);
    }
}
