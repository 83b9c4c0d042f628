package com.streamflix.league.command.security;

import com.streamflix.league.command.twitch.TwitchProperties;
import org.springframework.stereotype.Component;

/** Who is an admin: the broadcaster and the users listed in {@code streamflix.admin.users}, decided per request. */
@Component
public class AdminAccess {
    private final TwitchProperties twitch;
    private final AdminProperties admin;

    public AdminAccess(TwitchProperties twitch, AdminProperties admin) {
        this.twitch = twitch;
        this.admin = admin;
    }

    public boolean isAdmin(String userId) {
        return userId != null && (userId.equals(twitch.broadcasterId()) || admin.users().contains(userId));
    }
}
