package com.streamflix.league.draw;

/** Matches between participant slots with their matchday (0 to 7): the engine's raw result. */
record Calendar(int[] home, int[] away, int[] matchday) {
}
