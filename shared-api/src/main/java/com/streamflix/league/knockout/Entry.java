package com.streamflix.league.knockout;

/**
 * Where one side of a tie comes from: a league place (1..24), fixed once the halves are drawn (K1), or the winner of
 * an earlier slot (K2). Exactly one of the two is set.
 */
public record Entry(Integer leaguePlace, String winnerOf) {

    public Entry {
        if ((leaguePlace == null) == (winnerOf == null)) {
            throw new IllegalArgumentException("exactly one of leaguePlace and winnerOf must be set");
        }
        if (leaguePlace != null && (leaguePlace < 1 || leaguePlace > KnockoutBracket.PLACES)) {
            throw new IllegalArgumentException("league place out of 1.." + KnockoutBracket.PLACES + ": " + leaguePlace);
        }
        if (winnerOf != null) {
            Slot.of(winnerOf);
        }
    }

    public static Entry place(int leaguePlace) {
        return new Entry(leaguePlace, null);
    }

    public static Entry winner(Slot slot) {
        return new Entry(null, slot.name());
    }

    public boolean isPlace() {
        return leaguePlace != null;
    }

    @Override
    public String toString() {
        return isPlace() ? String.valueOf(leaguePlace) : "winner " + winnerOf;
    }
}
