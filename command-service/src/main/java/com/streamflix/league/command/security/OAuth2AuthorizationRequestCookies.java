package com.streamflix.league.command.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the pending OAuth authorization request (state, redirect) in a signed cookie instead of an HTTP session,
 * so the Twitch callback may land on any command-service instance. The payload is the request's string fields as JSON,
 * never Java serialization: a leaked secret must not become code execution (issue #13). The HMAC key is derived from
 * the JWT secret; a cookie that does not verify or does not parse as that JSON is treated as absent.
 */
public class OAuth2AuthorizationRequestCookies implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {
    static final String COOKIE = "streamflix_oauth2";
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int MAC_LENGTH = 32;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final SecretKeySpec key;

    public OAuth2AuthorizationRequestCookies(String jwtSecret) {
        byte[] derived = hmac(new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "streamflix-oauth2-request".getBytes(StandardCharsets.UTF_8));
        this.key = new SecretKeySpec(derived, "HmacSHA256");
    }

    /**
     * What the callback needs of the request. Only string values of the additional parameters and attributes are kept:
     * Spring's own are strings ({@code registration_id}, {@code nonce}, PKCE's {@code code_verifier}).
     */
    record Pending(String authorizationUri, String clientId, String redirectUri, Set<String> scopes, String state,
                   Map<String, String> additionalParameters, Map<String, String> attributes,
                   String authorizationRequestUri) {

        Pending {
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
            additionalParameters = strings(additionalParameters);
            attributes = strings(attributes);
        }

        static Pending of(OAuth2AuthorizationRequest request) {
            return new Pending(request.getAuthorizationUri(), request.getClientId(), request.getRedirectUri(),
                    request.getScopes(), request.getState(), strings(request.getAdditionalParameters()),
                    strings(request.getAttributes()), request.getAuthorizationRequestUri());
        }

        OAuth2AuthorizationRequest toRequest() {
            return OAuth2AuthorizationRequest.authorizationCode()
                    .authorizationUri(authorizationUri)
                    .clientId(clientId)
                    .redirectUri(redirectUri)
                    .scopes(scopes)
                    .state(state)
                    .additionalParameters(Map.copyOf(additionalParameters))
                    .attributes(Map.copyOf(attributes))
                    .authorizationRequestUri(authorizationRequestUri)
                    .build();
        }

        private static Map<String, String> strings(Map<String, ?> values) {
            Map<String, String> strings = new LinkedHashMap<>();
            (values == null ? Map.<String, Object>of() : values).forEach((name, value) -> {
                if (value instanceof String text) {
                    strings.put(name, text);
                }
            });
            return strings;
        }
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return decode(cookie.getValue());
            }
        }
        return null;
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorizationRequest == null) {
            write(response, "", Duration.ZERO);
            return;
        }
        try {
            write(response, sign(JSON.writeValueAsBytes(Pending.of(authorizationRequest))), LIFETIME);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the authorization request", e);
        }
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
                                                                 HttpServletResponse response) {
        OAuth2AuthorizationRequest pending = loadAuthorizationRequest(request);
        write(response, "", Duration.ZERO);
        return pending;
    }

    /** The cookie value for {@code body}: base64url of the HMAC followed by the body. */
    String sign(byte[] body) {
        byte[] signed = ByteBuffer.allocate(MAC_LENGTH + body.length).put(hmac(key, body)).put(body).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    private OAuth2AuthorizationRequest decode(String value) {
        try {
            byte[] signed = Base64.getUrlDecoder().decode(value);
            if (signed.length <= MAC_LENGTH) {
                return null;
            }
            byte[] body = Arrays.copyOfRange(signed, MAC_LENGTH, signed.length);
            if (!MessageDigest.isEqual(Arrays.copyOf(signed, MAC_LENGTH), hmac(key, body))) {
                return null;
            }
            return JSON.readValue(body, Pending.class).toRequest();
        } catch (IOException | IllegalArgumentException unreadable) {
            // not base64, not our JSON, or fields the builder refuses (a missing client id or URI)
            return null;
        }
    }

    private static void write(HttpServletResponse response, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value).httpOnly(true).secure(true).sameSite("Lax")
                .path("/").maxAge(maxAge).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
