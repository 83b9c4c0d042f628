package com.streamflix.league.api.vote;

/**
 * {@code votes} votes for {@code participantId} in a vote event (RULES V2), on the voter's wallet stream right after
 * the {@code VOTE_SPEND} debit that paid {@code votes × costPerVote} for them.
 */
public record VotesCastEvent(
        String userId,
        String castId,
        String voteEventId,
        String matchId,
        String participantId,
        int votes,
        long costPerVote) {
}
