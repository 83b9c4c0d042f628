package com.streamflix.league.command.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command with who sent it, from the request's authentication: {@code actor} = the user id (or
 * {@code admin-key}), {@code actorType} = user | admin-key | twitch (webhooks) | system. Events inherit both
 * (see the correlation providers), so every admin action in the event store says who did it.
 */
@Configuration(proxyBeanMethods = false)
public class ActorMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {
    public static final String ACTOR = "actor";
    public static final String ACTOR_TYPE = "actorType";

    @Autowired
    void register(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.getMetaData().containsKey(ACTOR) ? command
                : command.andMetaData(actor(SecurityContextHolder.getContext().getAuthentication()));
    }

    private static Map<String, String> actor(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Map.of(ACTOR, "system", ACTOR_TYPE, "system");
        }
        if (authentication instanceof JwtAuthenticationToken session) {
            return Map.of(ACTOR, session.getToken().getSubject(), ACTOR_TYPE, "user");
        }
        if (authentication.getPrincipal() instanceof String name && name.startsWith("admin-key")) {
            return Map.of(ACTOR, name, ACTOR_TYPE, "admin-key");
        }
        return Map.of(ACTOR, authentication.getName(), ACTOR_TYPE, "user");
    }
}
