package com.streamflix.league.support.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.streamflix.league.support.web.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets by key (Bucket4j), kept in a bounded cache: an idle key's bucket is dropped, and a new one starts
 * full, which is what it would have refilled to. The buckets are per instance; the edge keeps a viewer on one
 * instance.
 */
public final class RateLimiter {
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final long capacity;
    private final long refill;
    private final Duration period;

    /** {@code capacity} at once, refilled by {@code refill} every {@code period}. */
    public RateLimiter(long capacity, long refill, Duration period) {
        this.capacity = capacity;
        this.refill = refill;
        this.period = period;
    }

    /** Takes a token for {@code key}: 0 when there was one, else the whole seconds until there is (for Retry-After). */
    public long take(String key) {
        ConsumptionProbe probe = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build()).build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0
                : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }

    /** As {@link #take}, answering 429 problem+json with Retry-After when there is no token; returns whether taken. */
    boolean take(String key, HttpServletResponse response, ObjectMapper json, String what) throws IOException {
        long seconds = take(key);
        if (seconds == 0) {
            return true;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Too many " + what + "; try again in " + seconds + " s"));
        return false;
    }
}
