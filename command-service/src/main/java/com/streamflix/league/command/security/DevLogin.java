package com.streamflix.league.command.security;

import com.streamflix.league.api.wallet.RecordLoginCommand;
import com.streamflix.league.command.dev.DevTwitchGuard;
import com.streamflix.league.command.twitch.TwitchProperties;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Locale;

/**
 * The dev profile's stand-in for Twitch login: a session for any name (user id {@code dev-<name>}). Nothing else
 * is relaxed. It refuses to exist next to real Twitch credentials (a client secret with Twitch base URLs that are not
 * a local stand-in), so it can never reach production by accident.
 */
@RestController
@Profile("dev")
public class DevLogin {
    private final CommandGateway commands;
    private final SessionCookies sessions;
    private final AuthProperties auth;

    public DevLogin(CommandGateway commands, SessionCookies sessions, AuthProperties auth, TwitchProperties twitch) {
        DevTwitchGuard.refuseRealTwitch(twitch);
        this.commands = commands;
        this.sessions = sessions;
        this.auth = auth;
    }

    @GetMapping(path = "/auth/dev-login", produces = MediaType.TEXT_HTML_VALUE)
    public String form() {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>STREAMFLIX dev login</title></head>
                <body><h1>Dev login</h1><p>Development only: signs you in under any name, without Twitch.</p>
                <form method="post" action="/auth/dev-login"><label>Name <input name="name" pattern="[A-Za-z0-9_]{1,25}"
                required autofocus></label> <button>Sign in</button></form></body></html>""";
    }

    @PostMapping(path = "/auth/dev-login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Void> login(@RequestParam @Pattern(regexp = "[A-Za-z0-9_]{1,25}",
            message = "1 to 25 letters, digits or _") String name) {
        String login = name.toLowerCase(Locale.ROOT);
        String userId = "dev-" + login;
        commands.sendAndWait(new RecordLoginCommand(userId, login));
        return ResponseEntity.status(303).location(URI.create(auth.successUrl()))
                .header(HttpHeaders.SET_COOKIE, sessions.issue(userId, login).toString()).build();
    }
}
