package com.streamflix.league.draw;

import static com.streamflix.league.draw.HomeAwayPatterns.ALL_DAYS;
import static com.streamflix.league.draw.HomeAwayPatterns.MATCHDAYS;

/**
 * Puts the 144 matches of an opponent graph on 8 matchdays so that D2 holds: everyone plays once
 * per matchday, and everyone's home/away sequence is one of {@link HomeAwayPatterns}.
 *
 * <p>A complete depth-first search with constraint propagation, like a Sudoku solver. Each match
 * keeps the set of matchdays still open to it; each participant keeps the set of D2 sequences
 * still open to it. Propagation removes a matchday from a match when either side already plays
 * that day or no open sequence of that side fits it there, places a match when it has one
 * matchday left or when it is a participant's only match that can fill a matchday, and drops a
 * sequence when the participant's matches can no longer fill its home or away days. Branching:
 * the match with the fewest open matchdays; either it goes on a chosen matchday, or that matchday
 * is removed from it. The search is complete, so running out of matches to try proves that the
 * graph has no schedule.
 *
 * <p>The budget counts search nodes, never time, so every machine reaches the same answer (D4).
 * The random source only orders ties and choices; a restart with another one explores another
 * part of the tree, which cuts off the rare long tail of unlucky early choices.
 */
final class MatchdayScheduler {

    enum Outcome { SCHEDULED, NO_SCHEDULE_EXISTS, BUDGET_EXHAUSTED }

    private static final int PLAYERS = Pots.PARTICIPANTS;
    private static final int MATCHES = OpponentGraph.MATCHES;
    private static final int STATE_SIZE = 2 * MATCHES + 2 * PLAYERS + 1;

    private final int[] home;
    private final int[] away;
    private final int[][] matchesOf = new int[PLAYERS][MATCHDAYS];

    /*
     * The whole search state in one array, so that saving and restoring a level is one
     * arraycopy: [0, M) open matchdays per match, [M, 2M) matchday per match (-1 = open),
     * [2M, 2M+P) matchdays each participant already plays, [2M+P, 2M+2P) open sequences per
     * participant, [2M+2P] number of placed matches.
     */
    private int[] state = new int[STATE_SIZE];
    private int[][] saved = new int[0][];

    private final int[] queue = new int[PLAYERS];
    private final boolean[] queued = new boolean[PLAYERS];
    private int queueHead;
    private int queueSize;

    private int[] tieOrder;
    private SplitMix64 random;
    private long steps;
    private long budget;

    MatchdayScheduler(OpponentGraph graph) {
        this.home = graph.home();
        this.away = graph.away();
        int[] degree = new int[PLAYERS];
        for (int match = 0; match < MATCHES; match++) {
            matchesOf[home[match]][degree[home[match]]++] = match;
            matchesOf[away[match]][degree[away[match]]++] = match;
        }
    }

    /** Result of the last {@link #schedule} call: matchday (0 to 7) of every match. */
    private int[] days;

    Outcome schedule(SplitMix64 random, long stepBudget) {
        this.random = random;
        this.budget = stepBudget;
        this.steps = 0;
        this.tieOrder = random.permutation(MATCHES);
        java.util.Arrays.fill(state, 0, MATCHES, ALL_DAYS);
        java.util.Arrays.fill(state, MATCHES, 2 * MATCHES, -1);
        java.util.Arrays.fill(state, 2 * MATCHES, 2 * MATCHES + PLAYERS, 0);
        java.util.Arrays.fill(state, 2 * MATCHES + PLAYERS, 2 * MATCHES + 2 * PLAYERS, HomeAwayPatterns.ALL);
        state[2 * MATCHES + 2 * PLAYERS] = 0;
        clearQueue();
        for (int player = 0; player < PLAYERS; player++) {
            enqueue(player);
        }
        if (!propagate()) {
            return Outcome.NO_SCHEDULE_EXISTS;
        }
        boolean found = search(0);
        if (found) {
            days = java.util.Arrays.copyOfRange(state, MATCHES, 2 * MATCHES);
            return Outcome.SCHEDULED;
        }
        return steps > budget ? Outcome.BUDGET_EXHAUSTED : Outcome.NO_SCHEDULE_EXISTS;
    }

    int[] days() {
        return days.clone();
    }

    long steps() {
        return steps;
    }

    static int[] FILL_ORDER = {7, 6, 0, 1, 2, 3, 4, 5};
    static boolean BY_DAY = true;

    private boolean search(int level) {
        if (++steps > budget) {
            return false;
        }
        int match;
        int day;
        if (BY_DAY) {
            long choice = chooseByDay();
            if (choice == -1) {
                return true;
            }
            if (choice == -2) {
                return false;
            }
            match = (int) (choice >> 8);
            day = (int) (choice & 0xFF);
        } else {
            match = mostConstrainedOpenMatch();
            if (match < 0) {
                return true;
            }
            int open0 = state[match];
            day = nthSetBit(open0, random.nextInt(Integer.bitCount(open0)));
        }
        int open = state[match];
        save(level);
        if (place(match, day) && propagate() && search(level + 1)) {
            return true;
        }
        if (steps > budget) {
            return false;
        }
        restore(level);
        clearQueue();
        state[match] = open & ~(1 << day);
        enqueue(home[match]);
        enqueue(away[match]);
        return propagate() && search(level + 1);
    }

    private long chooseByDay() {
        int usedBase = 2 * MATCHES;
        for (int day : FILL_ORDER) {
            int bit = 1 << day;
            int bestPlayer = -1;
            int fewest = Integer.MAX_VALUE;
            int ties = 0;
            for (int player = 0; player < PLAYERS; player++) {
                if ((state[usedBase + player] & bit) != 0) {
                    continue;
                }
                int count = 0;
                for (int m : matchesOf[player]) {
                    if (state[MATCHES + m] < 0 && (state[m] & bit) != 0) {
                        count++;
                    }
                }
                if (count < fewest) {
                    fewest = count;
                    bestPlayer = player;
                    ties = 1;
                } else if (count == fewest && random.nextInt(++ties) == 0) {
                    bestPlayer = player;
                }
            }
            if (bestPlayer < 0) {
                continue;
            }
            if (fewest == 0) {
                return -2;
            }
            int pick = random.nextInt(fewest);
            for (int m : matchesOf[bestPlayer]) {
                if (state[MATCHES + m] < 0 && (state[m] & bit) != 0) {
                    if (pick-- == 0) {
                        return ((long) m << 8) | day;
                    }
                }
            }
        }
        return -1;
    }

    private int mostConstrainedOpenMatch() {
        int best = -1;
        int fewest = Integer.MAX_VALUE;
        for (int match : tieOrder) {
            if (state[MATCHES + match] < 0) {
                int count = Integer.bitCount(state[match]);
                if (count < fewest) {
                    best = match;
                    fewest = count;
                    if (count <= 2) {
                        break;
                    }
                }
            }
        }
        return best;
    }

    private boolean place(int match, int day) {
        int bit = 1 << day;
        int host = home[match];
        int guest = away[match];
        int usedBase = 2 * MATCHES;
        int patternBase = 2 * MATCHES + PLAYERS;
        if ((state[match] & bit) == 0 || (state[usedBase + host] & bit) != 0 || (state[usedBase + guest] & bit) != 0) {
            return false;
        }
        state[match] = bit;
        state[MATCHES + match] = day;
        state[usedBase + host] |= bit;
        state[usedBase + guest] |= bit;
        state[patternBase + host] &= HomeAwayPatterns.HOME_ON[day];
        state[patternBase + guest] &= HomeAwayPatterns.AWAY_ON[day];
        state[STATE_SIZE - 1]++;
        if (state[patternBase + host] == 0 || state[patternBase + guest] == 0) {
            return false;
        }
        enqueue(host);
        enqueue(guest);
        return true;
    }

    private boolean propagate() {
        while (queueSize > 0) {
            int player = queue[queueHead];
            queueHead = (queueHead + 1) % PLAYERS;
            queueSize--;
            queued[player] = false;
            if (!revise(player)) {
                clearQueue();
                return false;
            }
        }
        return true;
    }

    /** Narrows one participant's matches and sequences; false on a contradiction. */
    private boolean revise(int player) {
        int usedIndex = 2 * MATCHES + player;
        int patternIndex = 2 * MATCHES + PLAYERS + player;
        int free = ~state[usedIndex] & ALL_DAYS;
        int[] matches = matchesOf[player];
        while (true) {
            int patterns = state[patternIndex];
            int homeAllowed = 0;
            int awayAllowed = 0;
            for (int rest = patterns; rest != 0; rest &= rest - 1) {
                int k = Integer.numberOfTrailingZeros(rest);
                homeAllowed |= HomeAwayPatterns.HOME_DAYS[k];
                awayAllowed |= HomeAwayPatterns.AWAY_DAYS[k];
            }
            homeAllowed &= free;
            awayAllowed &= free;
            int homeUnion = 0;
            int awayUnion = 0;
            for (int match : matches) {
                if (state[MATCHES + match] >= 0) {
                    continue;
                }
                boolean atHome = home[match] == player;
                int open = state[match] & (atHome ? homeAllowed : awayAllowed);
                if (open == 0) {
                    return false;
                }
                if (open != state[match]) {
                    state[match] = open;
                    enqueue(atHome ? away[match] : home[match]);
                    if (Integer.bitCount(open) == 1) {
                        return place(match, Integer.numberOfTrailingZeros(open));
                    }
                }
                if (atHome) {
                    homeUnion |= open;
                } else {
                    awayUnion |= open;
                }
            }
            for (int rest = free; rest != 0; rest &= rest - 1) {
                int day = Integer.numberOfTrailingZeros(rest);
                int bit = 1 << day;
                int only = -1;
                int candidates = 0;
                for (int match : matches) {
                    if (state[MATCHES + match] < 0 && (state[match] & bit) != 0) {
                        only = match;
                        candidates++;
                    }
                }
                if (candidates == 0) {
                    return false;
                }
                if (candidates == 1) {
                    return place(only, day);
                }
            }
            int kept = 0;
            for (int rest = patterns; rest != 0; rest &= rest - 1) {
                int k = Integer.numberOfTrailingZeros(rest);
                int homeDays = HomeAwayPatterns.HOME_DAYS[k] & free;
                int awayDays = HomeAwayPatterns.AWAY_DAYS[k] & free;
                if ((homeDays & ~homeUnion) != 0 || (awayDays & ~awayUnion) != 0) {
                    continue;
                }
                boolean fits = true;
                for (int match : matches) {
                    if (state[MATCHES + match] < 0
                            && (state[match] & (home[match] == player ? homeDays : awayDays)) == 0) {
                        fits = false;
                        break;
                    }
                }
                if (fits) {
                    kept |= 1 << k;
                }
            }
            if (kept == 0) {
                return false;
            }
            if (kept == patterns) {
                return true;
            }
            state[patternIndex] = kept;
        }
    }

    private void save(int level) {
        if (level >= saved.length) {
            saved = java.util.Arrays.copyOf(saved, Math.max(16, saved.length * 2));
        }
        if (saved[level] == null) {
            saved[level] = new int[STATE_SIZE];
        }
        System.arraycopy(state, 0, saved[level], 0, STATE_SIZE);
    }

    private void restore(int level) {
        System.arraycopy(saved[level], 0, state, 0, STATE_SIZE);
    }

    private void enqueue(int player) {
        if (!queued[player]) {
            queued[player] = true;
            queue[(queueHead + queueSize) % PLAYERS] = player;
            queueSize++;
        }
    }

    private void clearQueue() {
        while (queueSize > 0) {
            queued[queue[queueHead]] = false;
            queueHead = (queueHead + 1) % PLAYERS;
            queueSize--;
        }
    }

    private static int nthSetBit(int bits, int n) {
        int rest = bits;
        for (int i = 0; i < n; i++) {
            rest &= rest - 1;
        }
        return Integer.numberOfTrailingZeros(rest);
    }
}
