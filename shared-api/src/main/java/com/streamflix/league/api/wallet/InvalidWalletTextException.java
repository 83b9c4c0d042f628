package com.streamflix.league.api.wallet;

import com.streamflix.league.api.FieldRefusedException;

/**
 * A login, reason or key the ledger cannot keep (control characters, over-long): refused before it becomes an event,
 * because the read model could not store it and its projection would stop for every user (RULES W3).
 */
public class InvalidWalletTextException extends FieldRefusedException {
    public InvalidWalletTextException(String field, String message) {
        super(field, message);
    }

    @Override
    public String problemType() {
        return "invalid-text";
    }
}
