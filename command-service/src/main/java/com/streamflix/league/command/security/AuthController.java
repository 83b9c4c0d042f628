package com.streamflix.league.command.security;

import com.streamflix.league.command.twitch.TwitchLogin;
import com.streamflix.league.support.security.AdminAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Login entry points, logout, and who is signed in. */
@RestController
public class AuthController {
    private final SessionCookies sessions;
    private final AdminAccess admins;

    public AuthController(SessionCookies sessions, AdminAccess admins) {
        this.sessions = sessions;
        this.admins = admins;
    }

    public record Me(String userId, String login, List<String> roles) {
    }

    @GetMapping("/api/auth/me")
    public Me me(@AuthenticationPrincipal Jwt session) {
        String userId = session.getSubject();
        return new Me(userId, session.getClaimAsString("name"),
                admins.roles(userId));
    }

    /** Starts the viewer's Twitch login. */
    @GetMapping("/auth/login")
    public ResponseEntity<Void> login() {
        return redirect("/oauth2/authorization/" + TwitchLogin.VIEWER);
    }

    /** The broadcaster grants the scope the subscriber check needs (once; the token is then refreshed). */
    @GetMapping("/auth/broadcaster")
    public ResponseEntity<Void> connectBroadcaster() {
        return redirect("/oauth2/authorization/" + TwitchLogin.BROADCASTER);
    }

    @PostMapping("/auth/logout")
    public ResponseEntity<Void> logout() {
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, sessions.clear().toString()).build();
    }

    private static ResponseEntity<Void> redirect(String path) {
        return ResponseEntity.status(302).location(URI.create(path)).build();
    }
}
