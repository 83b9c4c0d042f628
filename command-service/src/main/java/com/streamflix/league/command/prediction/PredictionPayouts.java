package com.streamflix.league.command.prediction;

import com.streamflix.league.api.prediction.PredictionBookSettledEvent;
import com.streamflix.league.api.prediction.PredictionSettlementLine;
import com.streamflix.league.api.wallet.CreditPointsCommand;
import com.streamflix.league.api.wallet.ReclaimPointsCommand;
import com.streamflix.league.api.wallet.TransactionType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Moves the points a settlement decided (RULES P2–P4): first takes back what predictions now receive less than in
 * the previous round (as far as each balance allows), then pays what they receive more. Each wallet move is keyed by prediction and round, so
 * when the process dies between two of them the retried event (the processor's token has not moved) pays each
 * prediction exactly once; and a processor that retries a failure never skips one (service-support's
 * EventHandlingConfiguration).
 */
@Component
@ProcessingGroup("prediction-payouts")
public class PredictionPayouts {
    private final CommandGateway commands;

    public PredictionPayouts(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PredictionBookSettledEvent event) {
        String match = "match " + event.matchId();
        for (PredictionSettlementLine reversal : event.reversals()) {
            commands.sendAndWait(new ReclaimPointsCommand(reversal.userId(), reversal.amount(),
                    TransactionType.PREDICTION_REVERSAL, "Corrected result of " + match + ": " + event.correctionReason(),
                    reversal.predictionId(), "prediction-reversal:" + reversal.predictionId() + ":" + event.round()));
        }
        TransactionType type = event.refunded() ? TransactionType.PREDICTION_REFUND : TransactionType.PREDICTION_PAYOUT;
        String reason = (event.refunded() ? "Prediction refunded" : "Prediction won") + " on " + match
                + (event.round() > 1 ? " (settled again after a corrected result)" : "");
        for (PredictionSettlementLine line : event.creditsToPay()) {
            if (line.amount() > 0) {
                commands.sendAndWait(new CreditPointsCommand(line.userId(), null, line.amount(), type, reason,
                        line.predictionId(), "prediction-settlement:" + line.predictionId() + ":" + event.round()));
            }
        }
    }
}
