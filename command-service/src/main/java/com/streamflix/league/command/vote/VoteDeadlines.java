package com.streamflix.league.command.vote;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The vote's close as a db-scheduler task (RULES V3): stored in PostgreSQL with the vote's start, so it runs at the
 * end time after any restart, and picked by exactly one command-service instance. Its instance id is the vote's id.
 */
@Configuration(proxyBeanMethods = false)
public class VoteDeadlines {
    static final String CLOSE_VOTE = "close-vote";

    @Bean(CLOSE_VOTE)
    OneTimeTask<Void> closeVoteTask(ObjectProvider<Votes> votes) {
        return Tasks.oneTime(CLOSE_VOTE).execute((instance, context) -> votes.getObject().close(instance.getId()));
    }
}
