package com.streamflix.league.command.vote;

import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.wallet.CreditPointsCommand;
import com.streamflix.league.api.wallet.TransactionType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * V5: a tie (no votes included) refunds every voter in full: one credit per voter, keyed by the vote, so a retried
 * event (the process died half-way; the token had not moved) pays nobody twice.
 */
@Component
@ProcessingGroup("vote-refunds")
public class VoteRefunds {
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    public VoteRefunds(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
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
        for (Spent voter : voters) {
            commands.sendAndWait(new CreditPointsCommand(voter.userId(), null, voter.points(),
                    TransactionType.VOTE_REFUND, "Refund: vote " + event.voteEventId() + " ended in a tie",
                    event.voteEventId(), "vote-refund:" + event.voteEventId()));
        }
    }
}
