/**
 * The league-phase table (RULES S1–S3) as pure Java: {@link com.streamflix.league.standings.LeagueTable#rank}
 * computes the whole table from the results and the vote bonus, and {@link
 * com.streamflix.league.standings.LeagueTable#RANKING} is the one comparator behind it. The command side seeds the
 * knockouts with it and the query side shows it to viewers, so both always agree on who is where (S2).
 */
package com.streamflix.league.standings;
