package com.streamflix.league.command.security;

import com.streamflix.league.api.wallet.RecordLoginCommand;
import com.streamflix.league.command.twitch.BroadcasterTokens;
import com.streamflix.league.command.twitch.TwitchLogin;
import com.streamflix.league.command.twitch.TwitchProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;

/**
 * What happens when Twitch sends a user back. A viewer: the user is recorded (created, or the login name followed),
 * a session cookie is set, and the browser goes to {@code streamflix.auth.success-url}. The broadcaster's grant:
 * the token is kept (encrypted) for subscriber checks, and only if the account really is the configured
 * broadcaster. Viewers' Twitch tokens are thrown away: the session is ours, so there is no Twitch token of theirs
 * to keep valid.
 */
@Component
public class TwitchLoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler,
        OAuth2AuthorizedClientRepository {
    private static final Logger log = LoggerFactory.getLogger(TwitchLoginHandlers.class);

    private final CommandGateway commands;
    private final SessionCookies sessions;
    private final BroadcasterTokens broadcasterTokens;
    private final TwitchProperties twitch;
    private final AuthProperties auth;

    public TwitchLoginHandlers(CommandGateway commands, SessionCookies sessions, BroadcasterTokens broadcasterTokens,
                               TwitchProperties twitch, AuthProperties auth) {
        this.commands = commands;
        this.sessions = sessions;
        this.broadcasterTokens = broadcasterTokens;
        this.twitch = twitch;
        this.auth = auth;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        OAuth2User user = token.getPrincipal();
        String userId = user.getName();
        String login = user.getAttribute("login");
        commands.sendAndWait(new RecordLoginCommand(userId, login));
        response.addHeader(HttpHeaders.SET_COOKIE, sessions.issue(userId, login).toString());
        String target = auth.successUrl();
        if (TwitchLogin.BROADCASTER.equals(token.getAuthorizedClientRegistrationId())) {
            target += (target.contains("?") ? "&" : "?") + "broadcaster="
                    + (userId.equals(twitch.broadcasterId()) ? "connected" : "refused");
        }
        response.sendRedirect(target);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        org.springframework.security.core.AuthenticationException exception)
            throws IOException {
        log.warn("Twitch login failed: {}", exception.getMessage());
        String target = auth.successUrl();
        response.sendRedirect(target + (target.contains("?") ? "&" : "?") + "login=failed");
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                     HttpServletRequest request, HttpServletResponse response) {
        if (!TwitchLogin.BROADCASTER.equals(client.getClientRegistration().getRegistrationId())) {
            return;
        }
        if (!principal.getName().equals(twitch.broadcasterId())) {
            log.warn("User {} tried to connect as the broadcaster ({}); token discarded", principal.getName(),
                    twitch.broadcasterId());
            return;
        }
        var access = client.getAccessToken();
        broadcasterTokens.store(principal.getName(), access.getTokenValue(),
                client.getRefreshToken() == null ? null : client.getRefreshToken().getTokenValue(),
                access.getExpiresAt() == null ? Instant.now().plusSeconds(3600) : access.getExpiresAt(),
                String.join(" ", access.getScopes()));
    }

    @Override
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
                                                                     Authentication principal,
                                                                     HttpServletRequest request) {
        return null; // we never call Twitch on a viewer's behalf
    }

    @Override
    public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
                                       HttpServletRequest request, HttpServletResponse response) {
        // nothing kept
    }
}
