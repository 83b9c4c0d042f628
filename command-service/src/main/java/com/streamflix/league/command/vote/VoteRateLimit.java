package com.streamflix.league.command.vote;

import com.streamflix.league.support.ratelimit.RateLimiter;
import com.streamflix.league.support.web.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Votes per user per second (Bucket4j token buckets, one per viewer): a viewer may click as fast as they like, a
 * script may not flood the command path. Over the limit: 429 with {@code Retry-After}, nothing debited. The buckets
 * are per instance: the edge routes a viewer's requests by session to one instance, so the limit holds per viewer.
 */
@Component
public class VoteRateLimit {
    private final VoteProperties properties;
    private final RateLimiter buckets;

    public VoteRateLimit(VoteProperties properties) {
        this.properties = properties;
        this.buckets = new RateLimiter(properties.burst(), properties.requestsPerSecond(), Duration.ofSeconds(1));
    }

    void take(String userId) {
        long seconds = buckets.take(userId);
        if (seconds > 0) {
            ApiProblem tooMany = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    "At most " + properties.requestsPerSecond() + " vote requests a second; try again in " + seconds + " s");
            tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            throw tooMany;
        }
    }
}
