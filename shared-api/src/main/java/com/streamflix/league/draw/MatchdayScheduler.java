package com.streamflix.league.draw;

import static com.streamflix.league.draw.HomeAwayPatterns.ALL_DAYS;
import static com.streamflix.league.draw.HomeAwayPatterns.MATCHDAYS;

import java.util.Arrays;

/**
 * Puts the 144 matches of an opponent graph on 8 matchdays so that D2 holds: everyone plays once
 * per matchday, and everyone's home/away sequence is one of {@link HomeAwayPatterns}.
 *
 * <p>A complete depth-first search with constraint propagation, like a Sudoku solver. Each match
 * keeps the set of matchdays still open to it; each participant keeps the set of D2 sequences
 * still open to it. Propagation removes a matchday from a match when either side already plays
 * that day or no open sequence of that side fits it there; places a match when it has one
 * matchday left, or when it is the only match of a participant that can still fill a matchday;
 * and drops a sequence when the participant's open matches can no longer fill its home days or
 * its away days.
 *
 * <p>The search fills one matchday at a time, the participant with the fewest candidate matches
 * first, and branches two ways: the chosen match goes on that matchday, or it never does.
 * Matchdays 8, 7, 1 and 2 come first: their pairs must alternate, which splits everybody into
 * "home on one, away on the other" and leaves no slack; settled early they cost nothing, settled
 * late they are where the search gets stuck. Because both branches are explored, the search is
 * complete: exhausting it proves that the graph has no schedule.
 *
 * <p>The budget counts search nodes, never time, so every machine reaches the same answer (D4).
 * The random source only breaks ties; a restart with another one explores another part of the
 * tree, which cuts off the long tail of unlucky early choices (about 1 search in 20 needs one).
 */
final class MatchdayScheduler {

    enum Outcome { SCHEDULED, NO_SCHEDULE_EXISTS, BUDGET_EXHAUSTED }

    private static final int[] FILL_ORDER = {7, 6, 0, 1, 2, 3, 4, 5};

    /** {@link #nextChoice()}'s answers besides a choice. */
    private static final long SOLVED = -1;
    private static final long DEAD_END = -2;

    private static final int PLAYERS = Pots.PARTICIPANTS;
    private static final int MATCHES = OpponentGraph.MATCHES;

    /*
     * The whole search state sits in one array, so that saving and restoring a level is one
     * arraycopy: [0, M) open matchdays per match (bit d = matchday d + 1), [M, 2M) matchday per
     * match (-1 while open), [2M, 2M + P) matchdays each participant already plays,
     * [2M + P, 2M + 2P) open home/away sequences per participant.
     */
    private static final int DAY = MATCHES;
    private static final int BUSY = 2 * MATCHES;
    private static final int SEQUENCES = 2 * MATCHES + PLAYERS;
    private static final int STATE_SIZE = 2 * MATCHES + 2 * PLAYERS;

    private final int[] home;
    private final int[] away;
    private final int[][] matchesOf = new int[PLAYERS][MATCHDAYS];

    private final int[] state = new int[STATE_SIZE];
    private int[][] saved = new int[0][];

    private final int[] tied = new int[PLAYERS];
    private final int[] queue = new int[PLAYERS];
    private final boolean[] queued = new boolean[PLAYERS];
    private int queueHead;
    private int queueSize;

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

    /**
     * Searches for a schedule, visiting at most {@code stepBudget} search nodes.
     * On {@link Outcome#SCHEDULED}, {@link #matchdays()} holds it.
     */
    Outcome schedule(SplitMix64 random, long stepBudget) {
        this.random = random;
        this.budget = stepBudget;
        this.steps = 0;
        Arrays.fill(state, 0, DAY, ALL_DAYS);
        Arrays.fill(state, DAY, BUSY, -1);
        Arrays.fill(state, BUSY, SEQUENCES, 0);
        Arrays.fill(state, SEQUENCES, STATE_SIZE, HomeAwayPatterns.ALL);
        clearQueue();
        for (int player = 0; player < PLAYERS; player++) {
            enqueue(player);
        }
        if (propagate() && search(0)) {
            return Outcome.SCHEDULED;
        }
        return steps > budget ? Outcome.BUDGET_EXHAUSTED : Outcome.NO_SCHEDULE_EXISTS;
    }

    /** Matchday (0 to 7) of every match of the graph, after a successful {@link #schedule}. */
    int[] matchdays() {
        return Arrays.copyOfRange(state, DAY, BUSY);
    }

    long steps() {
        return steps;
    }

    private boolean search(int level) {
        if (++steps > budget) {
            return false;
        }
        long choice = nextChoice();
        if (choice == SOLVED) {
            return true;
        }
        if (choice == DEAD_END) {
            return false;
        }
        int match = (int) (choice >> 8);
        int day = (int) (choice & 0xFF);
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

    /**
     * The first matchday in {@link #FILL_ORDER} that someone has not played yet; on it, the
     * participant with the fewest candidate matches (ties at random); one of those candidates
     * at random. Encoded as {@code match << 8 | matchday}.
     */
    private long nextChoice() {
        for (int day : FILL_ORDER) {
            int bit = 1 << day;
            int fewest = Integer.MAX_VALUE;
            int ties = 0;
            for (int player = 0; player < PLAYERS; player++) {
                if ((state[BUSY + player] & bit) != 0) {
                    continue;
                }
                int candidates = countCandidates(player, bit);
                if (candidates < fewest) {
                    fewest = candidates;
                    ties = 0;
                }
                if (candidates == fewest) {
                    tied[ties++] = player;
                }
            }
            if (ties == 0) {
                continue;
            }
            if (fewest == 0) {
                return DEAD_END;
            }
            int chosen = tied[random.nextInt(ties)];
            int pick = random.nextInt(fewest);
            for (int match : matchesOf[chosen]) {
                if (isCandidate(match, bit) && pick-- == 0) {
                    return (long) match << 8 | day;
                }
            }
        }
        return SOLVED;
    }

    private int countCandidates(int player, int bit) {
        int candidates = 0;
        for (int match : matchesOf[player]) {
            if (isCandidate(match, bit)) {
                candidates++;
            }
        }
        return candidates;
    }

    private boolean isCandidate(int match, int bit) {
        return state[DAY + match] < 0 && (state[match] & bit) != 0;
    }

    private boolean place(int match, int day) {
        int bit = 1 << day;
        int host = home[match];
        int guest = away[match];
        if ((state[match] & bit) == 0 || (state[BUSY + host] & bit) != 0 || (state[BUSY + guest] & bit) != 0) {
            return false;
        }
        state[match] = bit;
        state[DAY + match] = day;
        state[BUSY + host] |= bit;
        state[BUSY + guest] |= bit;
        state[SEQUENCES + host] &= HomeAwayPatterns.HOME_ON[day];
        state[SEQUENCES + guest] &= HomeAwayPatterns.AWAY_ON[day];
        if (state[SEQUENCES + host] == 0 || state[SEQUENCES + guest] == 0) {
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

    /**
     * Narrows one participant's open matchdays and sequences; false on a contradiction. When it
     * places a match it returns at once: placing queues the participant again.
     */
    private boolean revise(int player) {
        int free = ~state[BUSY + player] & ALL_DAYS;
        int[] matches = matchesOf[player];
        while (true) {
            int sequences = state[SEQUENCES + player];
            int homeAllowed = HomeAwayPatterns.homeDaysOf(sequences) & free;
            int awayAllowed = HomeAwayPatterns.awayDaysOf(sequences) & free;
            int homeUnion = 0;
            int awayUnion = 0;
            int coveredTwice = 0;
            int fitting = sequences;
            for (int match : matches) {
                if (state[DAY + match] >= 0) {
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
                coveredTwice |= open & (homeUnion | awayUnion);
                if (atHome) {
                    homeUnion |= open;
                    fitting &= HomeAwayPatterns.HOME_ON_ANY[open];
                } else {
                    awayUnion |= open;
                    fitting &= HomeAwayPatterns.AWAY_ON_ANY[open];
                }
            }
            if ((free & ~(homeUnion | awayUnion)) != 0) {
                return false;
            }
            int coveredOnce = free & ~coveredTwice;
            if (coveredOnce != 0) {
                int day = Integer.numberOfTrailingZeros(coveredOnce);
                for (int match : matches) {
                    if (isCandidate(match, 1 << day)) {
                        return place(match, day);
                    }
                }
            }
            // A sequence stays open only if every open match fits one of its free days of the
            // right venue, and every such day can be filled by one of the open matches.
            fitting &= ~HomeAwayPatterns.HOME_ON_ANY[free & ~homeUnion];
            fitting &= ~HomeAwayPatterns.AWAY_ON_ANY[free & ~awayUnion];
            if (fitting == 0) {
                return false;
            }
            if (fitting == sequences) {
                return true;
            }
            state[SEQUENCES + player] = fitting;
        }
    }

    private void save(int level) {
        if (level >= saved.length) {
            saved = Arrays.copyOf(saved, Math.max(64, saved.length * 2));
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
}
