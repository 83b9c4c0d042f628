package com.streamflix.league.api.wallet;

/** A banned user tried something a ban forbids (RULES R1, V2, P1): answered 403. */
public class UserBannedException extends RuntimeException {
    public UserBannedException(String userId) {
        super("User " + userId + " is banned");
    }
}
