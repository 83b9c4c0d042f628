package com.streamflix.league.command.twitch;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Twitch as an OAuth 2.0 provider for Spring Security's oauth2-client (twitch.md §4.2). Two registrations:
 * {@code twitch} (viewer login, no scope: we only need the identity) and {@code twitch-broadcaster} (the
 * broadcaster's one-time grant of the scope the subscriber check needs). Base URLs come from configuration.
 * Twitch's quirks are handled here: client_secret_post only, {@code scope} answered as a JSON array, and the
 * identity read from Helix {@code /users} (which needs a Client-Id header and wraps the user in {@code data}).
 */
public final class TwitchLogin {
    public static final String VIEWER = "twitch";
    public static final String BROADCASTER = "twitch-broadcaster";
    public static final List<String> BROADCASTER_SCOPES = List.of("channel:read:subscriptions", "channel:read:redemptions");

    private TwitchLogin() {
    }

    public static ClientRegistrationRepository registrations(TwitchProperties twitch) {
        return new InMemoryClientRegistrationRepository(
                registration(VIEWER, twitch, List.of()),
                registration(BROADCASTER, twitch, BROADCASTER_SCOPES));
    }

    private static ClientRegistration registration(String id, TwitchProperties twitch, List<String> scopes) {
        return ClientRegistration.withRegistrationId(id)
                .clientId(twitch.clientId() == null ? "unconfigured" : twitch.clientId())
                .clientSecret(twitch.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(scopes)
                .authorizationUri(twitch.authBaseUrl() + "/authorize")
                .tokenUri(twitch.authBaseUrl() + "/token")
                .userInfoUri(twitch.apiBaseUrl() + "/users")
                .userNameAttributeName("id")
                .clientName("Twitch")
                .build();
    }

    /** Spring splits {@code scope} on spaces after toString(); Twitch sends an array, so join it first. */
    public static OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenResponseClient() {
        var delegate = new DefaultMapOAuth2AccessTokenResponseConverter();
        var tokenConverter = new OAuth2AccessTokenResponseHttpMessageConverter();
        tokenConverter.setAccessTokenResponseConverter(parameters -> {
            Map<String, Object> fixed = new HashMap<>(parameters);
            if (fixed.get("scope") instanceof List<?> scopes) {
                fixed.put("scope", String.join(" ", scopes.stream().map(String::valueOf).toList()));
            }
            return delegate.convert(fixed);
        });
        var client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(RestClient.builder()
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(tokenConverter);
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return client;
    }

    /** The signed-in Twitch user, from Helix Get Users with the user's own token. */
    public static OAuth2UserService<OAuth2UserRequest, OAuth2User> userService(RestClient http) {
        return request -> {
            JsonNode answer;
            try {
                answer = http.get().uri(request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri())
                        .header("Authorization", "Bearer " + request.getAccessToken().getTokenValue())
                        .header("Client-Id", request.getClientRegistration().getClientId())
                        .retrieve().body(JsonNode.class);
            } catch (RuntimeException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("twitch_user_unavailable"),
                        "Twitch did not tell who signed in", e);
            }
            JsonNode user = answer == null ? null : answer.path("data").path(0);
            if (user == null || !user.hasNonNull("id") || !user.hasNonNull("login")) {
                throw new OAuth2AuthenticationException(new OAuth2Error("twitch_user_unavailable"),
                        "Twitch did not tell who signed in");
            }
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("id", user.path("id").asText());
            attributes.put("login", user.path("login").asText());
            attributes.put("display_name", user.path("display_name").asText(user.path("login").asText()));
            attributes.put("scopes", new ArrayList<>(request.getAccessToken().getScopes()));
            return new DefaultOAuth2User(AuthorityUtils.createAuthorityList("ROLE_USER"), attributes, "id");
        };
    }
}
