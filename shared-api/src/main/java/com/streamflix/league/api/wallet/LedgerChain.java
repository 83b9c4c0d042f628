package com.streamflix.league.api.wallet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The wallet's hash chain (tamper evidence for W3): each ledger entry's hash is SHA-256 of the previous entry's hash
 * and the entry's own content; a wallet's chain starts from a hash of its user id, so an entry moved to another
 * wallet breaks too. Fields are length-prefixed, so no two different entries encode alike. The encoding is fixed
 * (it is what stored hashes were computed from): change it only with a new version prefix.
 */
public final class LedgerChain {
    private static final String VERSION = "streamflix-ledger-v1";

    private LedgerChain() {
    }

    /** The "previous hash" of a wallet's first entry. */
    public static String start(String userId) {
        Encoder encoder = new Encoder();
        encoder.text(VERSION).text(userId);
        return encoder.hash();
    }

    /** The hash {@code entry} must carry when it follows an entry whose hash is {@code previous}. */
    public static String hash(String previous, LedgerEntry entry) {
        Encoder encoder = new Encoder();
        encoder.text(VERSION).text(previous).text(kind(entry)).text(entry.userId())
                .text(entry.type() == null ? null : entry.type().name())
                .number(entry.amount()).number(entry.balanceAfter() == null ? Long.MIN_VALUE : entry.balanceAfter())
                .text(entry.reason()).text(entry.relatedEntityId()).text(entry.idempotencyKey());
        return encoder.hash();
    }

    private static String kind(LedgerEntry entry) {
        if (entry instanceof PointsCreditedEvent) {
            return "credit";
        }
        return entry instanceof PointsDebitedEvent ? "debit" : "write-off";
    }

    private static final class Encoder {
        private final MessageDigest digest;

        Encoder() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        Encoder text(String value) {
            if (value == null) {
                return number(-1);
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            number(bytes.length);
            digest.update(bytes);
            return this;
        }

        Encoder number(long value) {
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
            return this;
        }

        String hash() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
