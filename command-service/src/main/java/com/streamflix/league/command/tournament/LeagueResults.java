package com.streamflix.league.command.tournament;

import com.streamflix.league.api.draw.LeagueDrawnEvent;
import com.streamflix.league.api.knockout.MatchResultRecordedEvent;
import com.streamflix.league.api.tournament.ConfirmedParticipant;
import com.streamflix.league.api.vote.VoteBonusAwardedEvent;
import com.streamflix.league.standings.Entrant;
import com.streamflix.league.standings.LeagueResult;
import com.streamflix.league.standings.LeagueTable;
import com.streamflix.league.standings.StandingsRow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The league phase as the tournament counts it: which matches the draw made, and their results (the last one
 * recorded for each match, so a correction replaces it) and the league points viewers' votes awarded (V5). When every match has a result, the final table (RULES S2,
 * by the comparator the viewers' table uses) decides who goes where (S3).
 */
final class LeagueResults {
    private final Set<String> matchIds = new HashSet<>();
    private final Map<String, LeagueResult> results = new HashMap<>();
    /** League points from viewer votes (V5), part of the table (S1). */
    private final Map<String, Integer> bonus = new HashMap<>();

    void drawn(LeagueDrawnEvent event) {
        event.fixtures().forEach(fixture -> matchIds.add(fixture.matchId()));
    }

    void recorded(MatchResultRecordedEvent event) {
        results.put(event.matchId(), new LeagueResult(event.playerAParticipantId(), event.playerBParticipantId(),
                event.result().scoreA(), event.result().scoreB()));
    }

    void awarded(VoteBonusAwardedEvent event) {
        bonus.merge(event.participantId(), event.points(), Integer::sum);
    }

    boolean isLeagueMatch(String matchId) {
        return matchIds.contains(matchId);
    }

    boolean hasResult(String matchId) {
        return results.containsKey(matchId);
    }

    boolean complete() {
        return !matchIds.isEmpty() && results.keySet().containsAll(matchIds);
    }

    /** S2: participant ids by final place, place 1 first. */
    List<String> finalRanking(List<ConfirmedParticipant> participants) {
        List<Entrant> entrants = participants.stream()
                .map(p -> new Entrant(p.participantId(), p.seedPosition())).toList();
        return LeagueTable.rank(entrants, List.copyOf(results.values()), bonus).stream()
                .map(StandingsRow::participantId).toList();
    }
}
