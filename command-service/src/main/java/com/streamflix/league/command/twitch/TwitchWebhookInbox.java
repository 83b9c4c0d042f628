package com.streamflix.league.command.twitch;

import com.streamflix.league.api.FieldRefusedException;
import com.streamflix.league.api.wallet.BalanceLimitException;
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
 * <p>
 * Only temporary faults (database, conflicts) answer 5xx. A message that can never be processed (a redemption
 * outside Twitch's bounds or over the per-redemption cap, a credit the wallet refuses) would otherwise be redelivered
 * until Twitch revokes the subscription: it is parked, whole and with its cause, in
 * {@code twitch_webhook_unprocessable}, and acknowledged.
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
        try {
            transactions.run(() -> {
                process(message);
                return null;
            });
        } catch (RuntimeException failure) {
            Unprocessable cause = Unprocessable.of(failure);
            if (cause == null) {
                throw failure; // temporary: our 5xx makes Twitch redeliver it
            }
            // a refused command rolled the whole transaction back, message id included: parked in a new one
            transactions.run(() -> {
                park(message, cause);
                return null;
            });
        }
    }

    /** Why a message can never be processed; redelivering it would change nothing. */
    private record Unprocessable(String problemType, String field, String detail) {
        /** Null when the failure is temporary and worth a redelivery. */
        static Unprocessable of(RuntimeException failure) {
            if (failure instanceof UnusableRedemptionException e) {
                return new Unprocessable(e.problemType(), e.field(), e.getMessage());
            }
            if (failure instanceof BalanceLimitException e) {
                return new Unprocessable("balance-limit-reached", "amount", e.getMessage());
            }
            if (failure instanceof FieldRefusedException e) {
                return new Unprocessable(e.problemType(), e.field(), e.getMessage());
            }
            if (failure instanceof IllegalArgumentException e) {
                return new Unprocessable(ChannelPointsRedemptions.INVALID, null, String.valueOf(e.getMessage()));
            }
            return null;
        }
    }

    private boolean recordMessageId(EventSubMessage message) {
        return jdbc.update("""
                        INSERT INTO twitch_webhook_message (message_id, message_type, subscription_type, message_timestamp)
                        VALUES (?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""",
                message.messageId(), message.messageType(), message.subscriptionType(),
                Timestamp.from(message.sentAt())) > 0;
    }

    private void park(EventSubMessage message, Unprocessable cause) {
        if (!recordMessageId(message)) {
            return; // a concurrent delivery of the same message got there first
        }
        jdbc.update("""
                        INSERT INTO twitch_webhook_unprocessable (message_id, subscription_type, problem_type, field, detail, body)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                message.messageId(), message.subscriptionType(), cause.problemType(), cause.field(), cause.detail(),
                message.body().toString()); // Jackson writes control characters escaped, so the text column takes it
        log.error("EventSub message {} can never be processed ({} {}: {}); parked in twitch_webhook_unprocessable and "
                        + "acknowledged, nothing credited", message.messageId(), cause.problemType(), cause.field(),
                cause.detail());
        Counter.builder("streamflix.twitch.webhook.unprocessable")
                .description("EventSub messages acknowledged and parked because they can never be processed")
                .tag("problem", cause.problemType()).register(meters).increment();
    }

    private void process(EventSubMessage message) {
        if (!recordMessageId(message)) {
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
        Optional<CreditPointsCommand> credit = redemptions.creditFor(message.event());
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
