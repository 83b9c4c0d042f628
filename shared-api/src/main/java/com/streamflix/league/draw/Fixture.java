package com.streamflix.league.draw;

/**
 * One league-phase match: {@code home} hosts {@code away} on {@code matchday} (1 to 8).
 * Participants are named by their ids as given in the pots.
 */
public record Fixture(int matchday, String home, String away) {
}
