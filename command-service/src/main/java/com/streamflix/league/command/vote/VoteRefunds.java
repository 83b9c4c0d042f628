package com.streamflix.league.command.vote;

import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.wallet.CreditPointsCommand;
import com.streamflix.league.api.wallet.TransactionType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * V5: a tie (no votes included) refunds every voter in full: one credit per voter, keyed by the vote, so a retried
 * event (the process died half-way; the token had not moved) pays nobody twice.
 */
@Component
@ProcessingGroup("vote-refunds")
public class VoteRefunds {
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    private final ExecutorService refunder = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "vote-refunder");
        thread.setDaemon(true);
        return thread;
    });

    public VoteRefunds(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @PreDestroy
    void stop() {
        refunder.shutdownNow();
    }

    @EventHandler
    void on(VoteEndedEvent event) {
        if (!event.tie()) {
            return;
        }
        record Spent(String userId, long points) {
        }
        List<Spent> voters = jdbc.query(
                "SELECT user_id, sum(cost) FROM vote_cast WHERE vote_event_id = ? GROUP BY user_id ORDER BY user_id",
                (rs, row) -> new Spent(rs.getString(1), rs.getLong(2)), event.voteEventId());
        // each refund commits on its own (off this processor's unit of work, which would otherwise stage every
        // refund's events and rescan them on every wallet load: quadratic in the voters); the token moves only
        // after all are in, and a redelivered event finds each done (the key)
        List<CompletableFuture<Object>> refunds = voters.stream().map(voter -> CompletableFuture.supplyAsync(
                () -> commands.sendAndWait(new CreditPointsCommand(voter.userId(), null, voter.points(),
                        TransactionType.VOTE_REFUND, "Refund: vote " + event.voteEventId() + " ended in a tie",
                        event.voteEventId(), "vote-refund:" + event.voteEventId())), refunder)).toList();
        CompletableFuture.allOf(refunds.toArray(CompletableFuture[]::new)).join();
    }
}
