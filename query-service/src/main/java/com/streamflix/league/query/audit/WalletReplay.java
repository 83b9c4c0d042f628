package com.streamflix.league.query.audit;

import com.streamflix.league.api.wallet.LedgerChain;
import com.streamflix.league.api.wallet.LedgerEntry;
import com.streamflix.league.api.wallet.PointsCreditedEvent;
import com.streamflix.league.api.wallet.PointsDebitedEvent;
import com.streamflix.league.api.wallet.PointsWrittenOffEvent;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.api.wallet.WalletTransaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One wallet's ledger replayed from its stored events (RULES W3), with the auditor's checks on every event:
 * <ul>
 * <li>sequence numbers without holes (an event removed);</li>
 * <li>each entry's chain hash recomputed from its content and the previous entry's stored hash (an entry changed,
 * removed or inserted); judged against the <em>stored</em> previous hash, so one changed entry names that entry
 * alone, not every one after it;</li>
 * <li>each recorded balance equal to the previous one plus the amount, never below zero (W2).</li>
 * </ul>
 * The replayed balance is the sum of the amounts, not what the events say it is. The balance after every credit and
 * debit is kept (16 bytes each), so a projection that lags can be compared at the version it has reached.
 */
final class WalletReplay {
    /** The payloads a replay reads; the wallet's other events only count for their position. */
    static final Set<Class<?>> LEDGER = Set.of(PointsCreditedEvent.class, PointsDebitedEvent.class,
            PointsWrittenOffEvent.class);

    /** One ledger entry as an auditor reads it. {@code balance} is the replayed one. */
    record Line(long sequenceNumber, String eventId, String entry, TransactionType type, long amount, long writtenOff,
                long balance, Long recordedBalance, String reason, String relatedEntityId, String idempotencyKey,
                String time, String chainHash, List<String> problems) {
    }

    /** What an event's checks found (one or more findings, separated by "; "), naming the event. */
    record Problem(String userId, long sequenceNumber, String eventId, String problem) {
    }

    static final String FIELD_SEPARATOR = "\u001f";
    private static final byte[] ROW_SEPARATOR = {0x1e};

    private final String userId;
    /** Events up to this global index have been handled by the ledger's live processor (see LedgerVerification). */
    private final long processedUpTo;
    private String previousHash;
    private boolean chained;
    private long lastSequence = -1;
    private long balance;
    private long lastRecordedBalance;
    private long events;
    private long unchained;
    private final List<Problem> problems = new ArrayList<>();
    /** Sequence number and replayed balance after each credit and debit (the projection's rows). */
    private long[] transactionVersions = new long[4];
    private long[] balancesAfter = new long[4];
    private int transactions;
    private long requiredVersion = -1;
    /** Of the projection's rows, in version order (see {@link #rowsDigest()}). */
    private final MessageDigest rows = md5();

    WalletReplay(String userId) {
        this(userId, -1);
    }

    WalletReplay(String userId, long processedUpTo) {
        this.userId = userId;
        this.processedUpTo = processedUpTo;
        this.previousHash = LedgerChain.start(userId);
    }

    /** Takes the wallet's next stored event; returns its line if it is a ledger entry, else null. */
    Line accept(WalletEvents.Stored event) {
        events++;
        List<String> found = new ArrayList<>(0);
        if (event.sequenceNumber() != lastSequence + 1) {
            found.add(event.sequenceNumber() <= lastSequence
                    ? "sequence number " + event.sequenceNumber() + " out of order"
                    : "sequence number(s) " + (lastSequence + 1) + (event.sequenceNumber() - 1 > lastSequence + 1
                    ? "–" + (event.sequenceNumber() - 1) : "") + " missing before it: event(s) removed");
        }
        lastSequence = Math.max(lastSequence, event.sequenceNumber());
        Line line = event.payload() instanceof LedgerEntry entry ? replay(event, entry, found) : null;
        if (!found.isEmpty()) {
            problems.add(new Problem(userId, event.sequenceNumber(), event.eventId(), String.join("; ", found)));
        }
        return line;
    }

    private Line replay(WalletEvents.Stored event, LedgerEntry entry, List<String> found) {
        checkChain(entry, found);
        boolean wasNegative = balance < 0;
        balance += entry.balanceChange();
        Long recorded = entry.balanceAfter();
        if (recorded != null) {
            if (recorded != lastRecordedBalance + entry.balanceChange()) {
                found.add("recorded balance " + recorded + " is not the previous " + lastRecordedBalance + " "
                        + (entry.balanceChange() < 0 ? "− " + -entry.balanceChange() : "+ " + entry.balanceChange()));
            }
            lastRecordedBalance = recorded;
        }
        if (balance < 0 && !wasNegative) {
            found.add("the replayed balance falls below zero (W2): " + balance);
        }
        if (entry instanceof WalletTransaction transaction) {
            remember(event, transaction);
        }
        boolean writeOff = entry instanceof PointsWrittenOffEvent;
        return new Line(event.sequenceNumber(), event.eventId(), writeOff ? "WRITE_OFF"
                : entry.balanceChange() >= 0 ? "CREDIT" : "DEBIT", entry.type(), entry.balanceChange(),
                writeOff ? entry.amount() : 0, balance, recorded, entry.reason(), entry.relatedEntityId(),
                entry.idempotencyKey(), event.timestamp(), entry.chainHash(), List.copyOf(found));
    }

    private void checkChain(LedgerEntry entry, List<String> found) {
        if (entry.chainHash() == null) {
            if (chained) {
                found.add("no chain hash after chained entries: inserted or altered");
            } else {
                unchained++; // recorded before the chain existed
            }
            return;
        }
        if (!LedgerChain.hash(previousHash, entry).equals(entry.chainHash())) {
            found.add("chain hash does not match: its content was changed, or it is not the entry that followed "
                    + "the one before it (an entry removed or inserted)");
        }
        previousHash = entry.chainHash();
        chained = true;
    }

    private void remember(WalletEvents.Stored event, WalletTransaction entry) {
        long sequenceNumber = event.sequenceNumber();
        if (event.globalIndex() <= processedUpTo) {
            requiredVersion = sequenceNumber;
        }
        if (transactions > 0) {
            rows.update(ROW_SEPARATOR);
        }
        rows.update(String.join(FIELD_SEPARATOR, event.eventId(), entry.type().name(), Long.toString(entry.amount()),
                Long.toString(entry.balance()), entry.relatedEntityId() == null ? "" : entry.relatedEntityId(),
                String.valueOf(entry.reason())).getBytes(StandardCharsets.UTF_8));
        if (transactions == transactionVersions.length) {
            transactionVersions = Arrays.copyOf(transactionVersions, transactions * 2);
            balancesAfter = Arrays.copyOf(balancesAfter, transactions * 2);
        }
        transactionVersions[transactions] = sequenceNumber;
        balancesAfter[transactions] = balance;
        transactions++;
    }

    String userId() {
        return userId;
    }

    long balance() {
        return balance;
    }

    /** The balance the events record last (equal to {@link #balance()} unless something was changed). */
    long recordedBalance() {
        return lastRecordedBalance;
    }

    long events() {
        return events;
    }

    long unchained() {
        return unchained;
    }

    List<Problem> problems() {
        return problems;
    }

    int transactions() {
        return transactions;
    }

    /**
     * The version the projection must have reached at least: the last credit or debit its processor has already
     * handled. Below it, rows were lost or rolled back; between it and the last, the projection only lags.
     */
    long requiredVersion() {
        return requiredVersion;
    }

    /**
     * MD5 (hex) of the projection's rows as they must be, in version order: each row's id, type, amount, balance
     * after, related entity (empty when none) and description, joined by unit separators, rows by record separators.
     * The verification asks PostgreSQL for the same digest of the projected rows.
     */
    String rowsDigest() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) rows.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("MD5 digests can be cloned", e);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5"); // a checksum to compare rows with, not a security measure
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** The sequence number of the last credit or debit: what a caught-up projection's wallet version is. */
    long lastTransactionVersion() {
        return transactions == 0 ? -1 : transactionVersions[transactions - 1];
    }

    /** How many credits and debits, and the balance after them, up to a projection's version; null if no entry has it. */
    State at(long version) {
        if (version < 0) {
            return new State(0, 0);
        }
        int index = Arrays.binarySearch(transactionVersions, 0, transactions, version);
        return index < 0 ? null : new State(index + 1, balancesAfter[index]);
    }

    record State(int transactions, long balance) {
    }
}
