package com.streamflix.league.command.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Puts the target aggregate and the command's name into every log line written while a command runs. */
@Configuration(proxyBeanMethods = false)
public class AggregateLogContext implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    @Autowired
    void register(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        String aggregate;
        try {
            aggregate = targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            aggregate = "-";
        }
        try (var context = MDC.putCloseable("aggregate", command.getPayloadType().getSimpleName() + "@" + aggregate)) {
            return chain.proceed();
        }
    }
}
