package com.streamflix.league.support.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who is an admin (the broadcaster and the users listed in {@code streamflix.admin.users}) and who an auditor
 * ({@code streamflix.audit.users}), decided per request.
 */
@Component
public class AdminAccess {
    private final String broadcasterId;
    private final AdminProperties admin;
    private final AuditProperties audit;

    public AdminAccess(@Value("${streamflix.twitch.broadcaster-id:}") String broadcasterId, AdminProperties admin,
                       AuditProperties audit) {
        this.broadcasterId = broadcasterId;
        this.admin = admin;
        this.audit = audit;
    }

    /** The roles of a session's user: the session cookie's {@code roles} claim and the granted authorities. */
    public List<String> roles(String userId) {
        List<String> roles = new java.util.ArrayList<>(List.of("USER"));
        if (isAdmin(userId)) {
            roles.add("ADMIN");
        }
        if (userId != null && audit.users().contains(userId)) {
            roles.add("AUDITOR");
        }
        return List.copyOf(roles);
    }

    public boolean isAdmin(String userId) {
        return userId != null && !userId.isBlank()
                && (userId.equals(broadcasterId) || admin.users().contains(userId));
    }
}
