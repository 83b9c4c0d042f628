package com.streamflix.league.predictions;

/**
 * One prediction in a match's book: who, which side (participant id), how much, and its place in the book (0 = first
 * placed). The place breaks ties when rounding remainders are handed out (P2: earlier prediction first).
 */
public record Wager(String predictionId, String userId, String side, long amount, int order) {
}
