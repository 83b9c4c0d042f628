package com.streamflix.league.command.twitch;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Twitch EventSub webhook signatures (twitch.md §1.4): {@code sha256=} + hex(HMAC-SHA256(secret,
 * messageId ‖ timestamp ‖ rawBody)), the timestamp exactly as the header carried it. Compared in constant time.
 */
public final class EventSubSignatureVerifier {
    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    private final SecretKeySpec key;

    public EventSubSignatureVerifier(String secret) {
        if (secret == null || secret.length() < 10 || secret.length() > 100) {
            // Twitch itself refuses subscription secrets outside 10–100 ASCII characters.
            throw new IllegalArgumentException("streamflix.twitch.webhook-secret must be 10 to 100 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public boolean isValid(String messageId, String timestamp, byte[] rawBody, String signatureHeader) {
        if (messageId == null || timestamp == null || rawBody == null || signatureHeader == null) {
            return false;
        }
        byte[] presented = decode(signatureHeader);
        return presented != null && MessageDigest.isEqual(presented, hmac(messageId, timestamp, rawBody));
    }

    public String sign(String messageId, String timestamp, byte[] rawBody) {
        return PREFIX + HexFormat.of().formatHex(hmac(messageId, timestamp, rawBody));
    }

    private byte[] hmac(String messageId, String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(messageId.getBytes(StandardCharsets.UTF_8));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] decode(String header) {
        if (header.length() != PREFIX.length() + HEX_LENGTH
                || !header.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }
}
