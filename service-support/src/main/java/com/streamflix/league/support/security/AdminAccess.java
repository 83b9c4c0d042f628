package com.streamflix.league.support.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;

/** Who is an admin: the broadcaster and the users listed in {@code streamflix.admin.users}, decided per request. */
@Component
public class AdminAccess {
    private final String broadcasterId;
    private final AdminProperties admin;

    public AdminAccess(@Value("${streamflix.twitch.broadcaster-id:}") String broadcasterId, AdminProperties admin) {
        this.broadcasterId = broadcasterId;
        this.admin = admin;
    }

    /** The roles of a session's user: the session cookie's {@code roles} claim and the granted authorities. */
    public List<String> roles(String userId) {
        return isAdmin(userId) ? List.of("USER", "ADMIN") : List.of("USER");
    }

    public boolean isAdmin(String userId) {
        return userId != null && !userId.isBlank()
                && (userId.equals(broadcasterId) || admin.users().contains(userId));
    }
}
