package com.streamflix.league.api.vote;

/** A vote event's lifecycle (RULES V1–V5): it runs from its start to its end time, then it is closed for good. */
public enum VoteStatus {
    OPEN,
    CLOSED
}
