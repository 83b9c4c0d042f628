package com.streamflix.league.command.prediction;

import com.streamflix.league.api.prediction.PlacePredictionCommand;
import com.streamflix.league.api.prediction.PredictionPlacedEvent;
import com.streamflix.league.api.wallet.DebitPointsCommand;
import com.streamflix.league.api.wallet.InsufficientPointsException;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.command.config.CommandTransactions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A viewer's prediction (RULES P1, W2): the match's book takes it and the wallet pays the wager in one transaction,
 * so a prediction never stands without its debit, nor a debit without its prediction. A per-match advisory lock
 * queues a burst on one book instead of failing it on append conflicts.
 */
@Service
public class Predictions {
    private final CommandGateway commands;
    private final CommandTransactions transactions;

    public Predictions(CommandGateway commands, CommandTransactions transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    public record Placed(PredictionPlacedEvent prediction, long balance) {
    }

    public Placed place(String matchId, String userId, String participantId, long wager) {
        String predictionId = idOf(matchId, userId);
        return transactions.run("prediction-book:" + matchId, () -> {
            PredictionPlacedEvent placed = commands.sendAndWait(
                    new PlacePredictionCommand(matchId, predictionId, userId, participantId, wager));
            try {
                long balance = commands.sendAndWait(new DebitPointsCommand(userId, wager,
                        TransactionType.PREDICTION_WAGER, "Prediction on match " + matchId, predictionId,
                        "prediction-wager:" + predictionId));
                return new Placed(placed, balance);
            } catch (AggregateNotFoundException noWallet) {
                throw new InsufficientPointsException(0, wager); // never earned a point: nothing recorded
            }
        });
    }

    /** One prediction per user per match, so its id follows from both (a retried request finds the first). */
    static String idOf(String matchId, String userId) {
        return UUID.nameUUIDFromBytes(("prediction/" + matchId + "/" + userId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
