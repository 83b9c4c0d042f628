package com.streamflix.league.command.vote;

import com.streamflix.league.api.vote.CloseVoteCommand;
import com.streamflix.league.api.vote.StartVoteCommand;
import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.vote.VoteRefusedException;
import com.streamflix.league.api.vote.VoteStartedEvent;
import com.streamflix.league.api.vote.VoteStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One vote event on a live league match (RULES V1–V5): its terms, its end time and, once closed, its result. The
 * votes themselves are on the voters' wallets (each cast is one append with its debit), so a burst of votes never
 * touches this stream and many voters never queue behind one aggregate; the close counts them (see {@code Votes}).
 * Its stream is two events long, so it needs no snapshot.
 */
@Aggregate
public class VoteEvent {
    static final int MIN_AWARD = 1;
    static final int MAX_AWARD = 3;
    static final int MIN_DURATION_SECONDS = 10;
    static final int MAX_DURATION_SECONDS = 600;

    @AggregateIdentifier
    private String voteEventId;
    private VoteStartedEvent terms;
    private VoteStatus status;

    protected VoteEvent() {
        // for Axon
    }

    /** V1: an award of 1–3 league points, a cost of at least 1 point a vote. */
    @CommandHandler
    public VoteEvent(StartVoteCommand command) {
        if (command.pointsAward() < MIN_AWARD || command.pointsAward() > MAX_AWARD) {
            throw new VoteRefusedException("pointsAward", "pointsAward must be between " + MIN_AWARD + " and " + MAX_AWARD);
        }
        if (command.costPerVote() < 1) {
            throw new VoteRefusedException("costPerVote", "costPerVote must be at least 1");
        }
        if (!command.endsAt().isAfter(command.startedAt())) {
            throw new VoteRefusedException("durationSeconds", "the vote must end after it starts");
        }
        apply(new VoteStartedEvent(command.voteEventId(), command.matchId(), command.tournamentId(),
                command.participantAId(), command.participantBId(), command.pointsAward(), command.costPerVote(),
                command.startedAt(), command.endsAt()));
    }

    /**
     * V3, V5: closes with the counted tallies; strictly more votes wins the award, a tie (no votes included) awards
     * nothing and refunds everyone. A second close (a deadline run twice) changes nothing and answers null.
     */
    @CommandHandler
    public VoteEndedEvent handle(CloseVoteCommand command) {
        if (status == VoteStatus.CLOSED) {
            return null;
        }
        String winner = command.votesA() > command.votesB() ? terms.participantAId()
                : command.votesB() > command.votesA() ? terms.participantBId() : null;
        VoteEndedEvent ended = new VoteEndedEvent(voteEventId, terms.matchId(), terms.tournamentId(),
                terms.participantAId(), terms.participantBId(), command.votesA(), command.votesB(), command.voters(),
                winner, terms.pointsAward());
        apply(ended);
        return ended;
    }

    @EventSourcingHandler
    void on(VoteStartedEvent event) {
        voteEventId = event.voteEventId();
        terms = event;
        status = VoteStatus.OPEN;
    }

    @EventSourcingHandler
    void on(VoteEndedEvent event) {
        status = VoteStatus.CLOSED;
    }
}
