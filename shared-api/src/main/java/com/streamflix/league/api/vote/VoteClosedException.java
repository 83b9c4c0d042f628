package com.streamflix.league.api.vote;

import com.streamflix.league.api.StateRefusedException;

/** A vote that arrives after the end (RULES V3), or on a vote that never ran: refused and not charged (→ 409). */
public class VoteClosedException extends StateRefusedException {
    public VoteClosedException(String voteEventId) {
        super("Vote " + voteEventId, VoteStatus.CLOSED, "vote");
    }

    @Override
    public String problemType() {
        return "vote-closed";
    }
}
