package com.streamflix.league.command.vote;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.streamflix.league.support.web.ApiProblem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Votes per user per second (Bucket4j token buckets, one per viewer): a viewer may click as fast as they like, a
 * script may not flood the command path. Over the limit: 429 with {@code Retry-After}, nothing debited. The buckets
 * are per instance: the edge routes a viewer's requests by session to one instance, so the limit holds per viewer.
 */
@Component
public class VoteRateLimit {
    private final VoteProperties properties;
    /** Bounded: an idle viewer's bucket is dropped (a new one starts full, which is what it would have refilled to). */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(5)).build();

    public VoteRateLimit(VoteProperties properties) {
        this.properties = properties;
    }

    void take(String userId) {
        ConsumptionProbe probe = buckets.get(userId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            ApiProblem tooMany = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    "At most " + properties.requestsPerSecond() + " vote requests a second; try again in " + seconds + " s");
            tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            throw tooMany;
        }
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(properties.burst())
                .refillGreedy(properties.requestsPerSecond(), Duration.ofSeconds(1)).build()).build();
    }
}
