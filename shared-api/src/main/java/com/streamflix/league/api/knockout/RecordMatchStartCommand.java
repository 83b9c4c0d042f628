package com.streamflix.league.api.knockout;

import com.streamflix.league.api.match.MatchPhase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the tournament whether a match may start now (RULES M2: its phase is the tournament's, a second leg only
 * after the first) and records the start of a knockout tie, which closes corrections of the ties that fed it.
 */
public record RecordMatchStartCommand(@TargetAggregateIdentifier String tournamentId, String matchId, MatchPhase phase) {
}
