package com.streamflix.league.realtime.match;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class VotePushConfiguration {

    /** The match channel's throttled {@code VOTE_TALLY}, polled on a scheduler thread of its own (closed on stop). */
    @Bean
    VoteTallies voteTallies(VoteSnapshots stored, MatchSockets sockets, VoteTallyProperties properties) {
        return VoteTallies.scheduled(stored, sockets, properties.voteTallyInterval());
    }
}
