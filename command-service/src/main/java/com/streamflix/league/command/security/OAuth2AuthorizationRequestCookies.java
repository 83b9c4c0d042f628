package com.streamflix.league.command.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.util.SerializationUtils;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * Keeps the pending OAuth authorization request (state, redirect) in a signed cookie instead of an HTTP session,
 * so the Twitch callback may land on any command-service instance. The HMAC key is derived from the JWT secret;
 * nothing is deserialised before the signature checks out.
 */
public class OAuth2AuthorizationRequestCookies implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {
    static final String COOKIE = "streamflix_oauth2";
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int MAC_LENGTH = 32;

    private final SecretKeySpec key;

    public OAuth2AuthorizationRequestCookies(String jwtSecret) {
        byte[] derived = hmac(new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "streamflix-oauth2-request".getBytes(StandardCharsets.UTF_8));
        this.key = new SecretKeySpec(derived, "HmacSHA256");
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
        byte[] body = SerializationUtils.serialize(authorizationRequest);
        byte[] signed = ByteBuffer.allocate(MAC_LENGTH + body.length).put(hmac(key, body)).put(body).array();
        write(response, Base64.getUrlEncoder().withoutPadding().encodeToString(signed), LIFETIME);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
                                                                 HttpServletResponse response) {
        OAuth2AuthorizationRequest pending = loadAuthorizationRequest(request);
        write(response, "", Duration.ZERO);
        return pending;
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
            @SuppressWarnings("deprecation") // the bytes are our own, authenticated by the HMAC above
            Object request = SerializationUtils.deserialize(body);
            return request instanceof OAuth2AuthorizationRequest authorizationRequest ? authorizationRequest : null;
        } catch (IllegalArgumentException unreadable) {
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
