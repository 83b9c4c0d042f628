package com.streamflix.league.command.twitch;

import com.streamflix.league.api.wallet.CreditPointsCommand;
import com.streamflix.league.command.config.ActorMetadata;
import com.streamflix.league.command.config.CommandTransactions;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;

/**
 * Processes each accepted EventSub message exactly once. The message id is recorded in the same database
 * transaction as the events the message causes (the command runs on this thread and joins the transaction),
 * so either both are committed, and a redelivery is recognised even after a restart, or neither is, and
 * Twitch's redelivery of our non-2xx answer processes it then. Nothing answered 2xx is lost.
 */
@Service
public class TwitchWebhookInbox {
    private static final Logger log = LoggerFactory.getLogger(TwitchWebhookInbox.class);
    private final JdbcTemplate jdbc;
    private final CommandTransactions transactions;
    private final CommandGateway commands;
    private final ChannelPointsRedemptions redemptions;
    private final MeterRegistry meters;

    public TwitchWebhookInbox(JdbcTemplate jdbc, CommandTransactions transactions, CommandGateway commands,
                              ChannelPointsRedemptions redemptions, MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.redemptions = redemptions;
    }

    public void accept(EventSubMessage message) {
        transactions.run(() -> {
            process(message);
            return null;
        });
    }

    private void process(EventSubMessage message) {
        int recorded = jdbc.update("""
                        INSERT INTO twitch_webhook_message (message_id, message_type, subscription_type, message_timestamp)
                        VALUES (?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""",
                message.messageId(), message.messageType(), message.subscriptionType(),
                Timestamp.from(message.sentAt()));
        if (recorded == 0) {
            log.info("EventSub message {} was already processed; acknowledged again", message.messageId());
            return;
        }
        switch (message.messageType()) {
            case EventSubMessage.NOTIFICATION -> notification(message);
            case EventSubMessage.REVOCATION -> revocation(message);
            default -> log.warn("EventSub message {} has unknown type {}; acknowledged and ignored",
                    message.messageId(), message.messageType());
        }
    }

    private void notification(EventSubMessage message) {
        if (!ChannelPointsRedemptions.SUBSCRIPTION_TYPE.equals(message.subscriptionType())) {
            log.info("EventSub notification of type {} is not handled; acknowledged", message.subscriptionType());
            return;
        }
        Optional<CreditPointsCommand> credit;
        try {
            credit = redemptions.creditFor(message.event());
        } catch (IllegalArgumentException malformed) {
            // Answering 5xx would make Twitch redeliver it until it revokes the subscription; it is recorded instead.
            log.error("EventSub message {} carries an unusable redemption ({}); acknowledged, nothing credited",
                    message.messageId(), malformed.getMessage());
            return;
        }
        if (credit.isEmpty()) {
            log.info("Redemption in message {} credits nothing (other channel or zero cost)", message.messageId());
            return;
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(credit.get()).andMetaData(Map.of(
                ActorMetadata.ACTOR, "twitch:" + message.messageId(), ActorMetadata.ACTOR_TYPE, "twitch")));
    }

    private void revocation(EventSubMessage message) {
        var subscription = message.subscription();
        String status = subscription.path("status").asText("unknown");
        log.warn("Twitch revoked EventSub subscription {} ({}): {}. Events of this type stop until it is re-created.",
                subscription.path("id").asText(), subscription.path("type").asText(), status);
        jdbc.update("""
                        INSERT INTO twitch_subscription_revocation (message_id, subscription_id, subscription_type, status, body)
                        VALUES (?, ?, ?, ?, ?)""",
                message.messageId(), subscription.path("id").asText(), subscription.path("type").asText(null),
                status, message.body().toString());
        // the monitoring profile alerts on it (deploy/monitoring/prometheus/alerts.yml: TwitchSubscriptionRevoked)
        Counter.builder("streamflix.twitch.subscription.revocations").description("EventSub revocations received")
                .tag("type", subscription.path("type").asText("unknown")).tag("status", status)
                .register(meters).increment();
    }
}
