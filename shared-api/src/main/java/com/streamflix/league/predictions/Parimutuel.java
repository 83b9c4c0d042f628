package com.streamflix.league.predictions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The parimutuel settlement of a match's prediction book (RULES P2, P3). One implementation, used by the command side
 * to settle (and to re-settle a corrected result, P4) and by anyone auditing a settlement, so the two can never
 * disagree by a point. Exact integer arithmetic throughout: points are money, a float would lose some.
 */
public final class Parimutuel {

    /** Book order: place in the book; the prediction id only separates two wagers a caller gave the same place. */
    private static final Comparator<Wager> BOOK_ORDER = Comparator.comparingInt(Wager::order)
            .thenComparing(Wager::predictionId);

    /** Who gets the points left by rounding (P2): the largest wagers, earlier prediction first on equal wagers. */
    private static final Comparator<Wager> REMAINDER_ORDER = Comparator.comparingLong(Wager::amount).reversed()
            .thenComparing(BOOK_ORDER);

    private Parimutuel() {
    }

    /**
     * P2/P3. sides: the two participant ids of the match (A, B). winnerSide: one of them, or null for a drawn match.
     * cancelled: the match was cancelled (P3). Every wager gets exactly one Payout entry, in book order.
     * P2: the whole pool (all wagers of both sides) goes to those who picked the winner, pro rata to their wager,
     * rounded down; the points left by rounding go one each to the largest wagers (earlier prediction first on equal
     * wagers); losers get 0. Payouts sum to the pool exactly. P3: a draw, a book where nobody picked the winner, or a
     * cancelled match refunds every wager in full. An empty book settles with pool 0 and no payouts (outcome PAID if
     * there is a winner, else REFUNDED_DRAW; REFUNDED_CANCELLED if cancelled).
     * Book order is {@link Wager#order()}, then prediction id, so the result never depends on the list's order.
     *
     * @throws IllegalArgumentException for a wager with a non-positive amount, a missing id or a side that is neither
     *         A nor B, duplicate prediction ids, sides that are missing or equal, a winnerSide that is not A, B or
     *         null, or a pool beyond {@code Long.MAX_VALUE}
     */
    public static Settlement settle(List<Wager> wagers, String sideA, String sideB, String winnerSide,
            boolean cancelled) {
        Objects.requireNonNull(wagers, "wagers");
        if (sideA == null || sideB == null || sideA.equals(sideB)) {
            throw new IllegalArgumentException("a match needs two different sides, got " + sideA + " and " + sideB);
        }
        if (winnerSide != null && !winnerSide.equals(sideA) && !winnerSide.equals(sideB)) {
            throw new IllegalArgumentException("winner " + winnerSide + " is neither " + sideA + " nor " + sideB);
        }
        List<Wager> book = inBookOrder(wagers, sideA, sideB);
        long pool = pool(book);

        Outcome outcome;
        if (cancelled) {
            outcome = Outcome.REFUNDED_CANCELLED;
        } else if (winnerSide == null) {
            outcome = Outcome.REFUNDED_DRAW;
        } else if (!book.isEmpty() && book.stream().noneMatch(wager -> wager.side().equals(winnerSide))) {
            outcome = Outcome.REFUNDED_NO_WINNER;
        } else {
            outcome = Outcome.PAID;
        }
        List<Payout> payouts = outcome == Outcome.PAID ? pay(book, winnerSide, pool) : refund(book);
        return new Settlement(outcome, winnerSide, pool, payouts);
    }

    /**
     * Implied decimal odds for a side: pool / side's pool (e.g. 2.5), null when the side has no wager. For display
     * only: what a point on that side would return if the book closed now, before rounding (P2).
     *
     * @throws IllegalArgumentException for a negative pool
     */
    public static Double impliedOdds(long poolA, long poolB, boolean forA) {
        if (poolA < 0 || poolB < 0) {
            throw new IllegalArgumentException("pools cannot be negative: " + poolA + ", " + poolB);
        }
        long side = forA ? poolA : poolB;
        return side == 0 ? null : ((double) poolA + (double) poolB) / side;
    }

    private static List<Wager> inBookOrder(List<Wager> wagers, String sideA, String sideB) {
        Set<String> predictionIds = new HashSet<>();
        for (Wager wager : wagers) {
            if (wager == null || wager.predictionId() == null || wager.userId() == null) {
                throw new IllegalArgumentException("a wager needs a prediction id and a user id: " + wager);
            }
            if (wager.amount() <= 0) {
                throw new IllegalArgumentException("a wager must be positive: " + wager);
            }
            if (!sideA.equals(wager.side()) && !sideB.equals(wager.side())) {
                throw new IllegalArgumentException("wager on " + wager.side() + ", which is neither " + sideA
                        + " nor " + sideB + ": " + wager);
            }
            if (!predictionIds.add(wager.predictionId())) {
                throw new IllegalArgumentException("prediction " + wager.predictionId() + " is twice in the book");
            }
        }
        List<Wager> book = new ArrayList<>(wagers);
        book.sort(BOOK_ORDER);
        return book;
    }

    private static long pool(List<Wager> book) {
        long pool = 0;
        for (Wager wager : book) {
            try {
                pool = Math.addExact(pool, wager.amount());
            } catch (ArithmeticException overflow) {
                throw new IllegalArgumentException("the pool exceeds " + Long.MAX_VALUE + " points", overflow);
            }
        }
        return pool;
    }

    private static List<Payout> refund(List<Wager> book) {
        return book.stream().map(wager -> new Payout(wager.predictionId(), wager.userId(), wager.amount())).toList();
    }

    private static List<Payout> pay(List<Wager> book, String winnerSide, long pool) {
        long winnersStake = book.stream().filter(wager -> wager.side().equals(winnerSide))
                .mapToLong(Wager::amount).sum(); // at most the pool, so no overflow
        long[] amounts = new long[book.size()];
        List<Integer> winners = new ArrayList<>();
        long remainder = pool;
        for (int i = 0; i < book.size(); i++) {
            if (book.get(i).side().equals(winnerSide)) {
                amounts[i] = proRata(pool, book.get(i).amount(), winnersStake);
                remainder -= amounts[i];
                winners.add(i);
            }
        }
        // Each floor drops less than one point, so fewer points are left than there are winners.
        winners.stream().sorted(Comparator.comparing(book::get, REMAINDER_ORDER)).limit(remainder)
                .forEach(i -> amounts[i]++);
        return IntStream.range(0, book.size())
                .mapToObj(i -> new Payout(book.get(i).predictionId(), book.get(i).userId(), amounts[i])).toList();
    }

    /** floor(pool * wager / stake), exact even where pool * wager passes 2^63. */
    private static long proRata(long pool, long wager, long stake) {
        long low = pool * wager;
        if (Math.multiplyHigh(pool, wager) == 0 && low >= 0) {
            return low / stake;
        }
        return BigInteger.valueOf(pool).multiply(BigInteger.valueOf(wager)).divide(BigInteger.valueOf(stake))
                .longValueExact();
    }
}
