package com.streamflix.league.knockout;

/**
 * The two halves of the bracket, UEFA's "silver" ({@code S}) and "blue" ({@code B}) sides (RULES K1): one member of
 * every league pair 1/2 … 23/24 goes to each, so the two can meet only in the final.
 */
public enum Side {
    S, B
}
