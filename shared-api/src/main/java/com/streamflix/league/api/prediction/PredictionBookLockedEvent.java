package com.streamflix.league.api.prediction;

/** The match started: its book takes no more predictions (RULES P1, M1). */
public record PredictionBookLockedEvent(String matchId, String tournamentId, PredictionPool pool) {
}
