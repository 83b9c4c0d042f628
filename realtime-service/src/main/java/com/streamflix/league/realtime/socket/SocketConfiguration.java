package com.streamflix.league.realtime.socket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
public class SocketConfiguration {

    @Bean
    SocketSender socketSender(SocketProperties properties) {
        return SocketSender.pooled(properties);
    }

    @Bean
    KeepAlive socketKeepAlive(SocketSender sender) {
        return new KeepAlive(sender);
    }

    /** Pings every socket now and then, so idle connections (and the proxies between) stay open. */
    static final class KeepAlive {
        private final SocketSender sender;

        KeepAlive(SocketSender sender) {
            this.sender = sender;
        }

        @Scheduled(fixedDelayString = "${streamflix.realtime.ping-interval:25s}")
        void pingAll() {
            sender.pingAll();
        }
    }
}
