package com.streamflix.league.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.util.SerializationUtils;

import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The OAuth state cookie (issue #13): JSON under an HMAC, never Java serialization. */
class OAuth2AuthorizationRequestCookiesTest {
    private static final String SECRET = "unit-test-jwt-secret-0123456789abcdef";

    private final OAuth2AuthorizationRequestCookies cookies = new OAuth2AuthorizationRequestCookies(SECRET);

    @Test
    void theRequestIsStoredAsJsonAndReadBackWhole() throws Exception {
        OAuth2AuthorizationRequest original = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("https://id.twitch.example/oauth2/authorize")
                .clientId("client-1")
                .redirectUri("https://league.example/login/oauth2/code/twitch")
                .scopes(Set.of("user:read:email", "openid"))
                .state("state-123")
                .additionalParameters(Map.of("nonce", "hashed-nonce"))
                .attributes(Map.of("registration_id", "twitch", "nonce", "raw-nonce"))
                .build();

        String value = save(original);

        byte[] signed = Base64.getUrlDecoder().decode(value);
        var body = new ObjectMapper().readTree(Arrays.copyOfRange(signed, 32, signed.length));
        assertThat(body.path("state").asText()).isEqualTo("state-123");
        assertThat(body.path("attributes").path("registration_id").asText()).isEqualTo("twitch");

        OAuth2AuthorizationRequest loaded = cookies.loadAuthorizationRequest(withCookie(value));
        assertThat(loaded).isNotNull();
        assertThat(loaded.getAuthorizationUri()).isEqualTo(original.getAuthorizationUri());
        assertThat(loaded.getClientId()).isEqualTo("client-1");
        assertThat(loaded.getRedirectUri()).isEqualTo(original.getRedirectUri());
        assertThat(loaded.getScopes()).containsExactlyInAnyOrderElementsOf(original.getScopes());
        assertThat(loaded.getState()).isEqualTo("state-123");
        assertThat(loaded.getAdditionalParameters()).isEqualTo(original.getAdditionalParameters());
        assertThat(loaded.getAttributes()).isEqualTo(original.getAttributes());
        assertThat(loaded.getAuthorizationRequestUri()).isEqualTo(original.getAuthorizationRequestUri());
    }

    /** Even signed with the right key, Java-serialized bytes are never deserialized: a leaked key is not code execution. */
    @Test
    void aJavaSerializedPayloadWithAValidHmacIsNotDeserialized() {
        Tripwire.read = false;
        String gadget = cookies.sign(SerializationUtils.serialize(new Tripwire()));

        assertThat(cookies.loadAuthorizationRequest(withCookie(gadget))).isNull();
        assertThat(Tripwire.read).as("readObject ran").isFalse();
    }

    @Test
    void aCookieThatDoesNotVerifyOrParseIsAbsent() {
        String valid = save(OAuth2AuthorizationRequest.authorizationCode().authorizationUri("https://a.example/authorize")
                .clientId("c").redirectUri("https://league.example/cb").state("s").build());
        int inTheBody = 50; // past the 43 characters of the HMAC
        String tampered = valid.substring(0, inTheBody) + (valid.charAt(inTheBody) == 'A' ? 'B' : 'A')
                + valid.substring(inTheBody + 1);

        assertThat(cookies.loadAuthorizationRequest(withCookie(valid))).isNotNull();
        assertThat(cookies.loadAuthorizationRequest(withCookie(tampered))).isNull();
        assertThat(cookies.loadAuthorizationRequest(withCookie("not base64!"))).isNull();
        assertThat(cookies.loadAuthorizationRequest(withCookie(cookies.sign("{\"state\":\"s\"}".getBytes())))).isNull();
        assertThat(cookies.loadAuthorizationRequest(withCookie(cookies.sign("[1,2]".getBytes())))).isNull();
        assertThat(new OAuth2AuthorizationRequestCookies("another-jwt-secret-0123456789abcdef")
                .loadAuthorizationRequest(withCookie(valid))).as("signed with another secret").isNull();
    }

    private String save(OAuth2AuthorizationRequest request) {
        var response = new MockHttpServletResponse();
        cookies.saveAuthorizationRequest(request, new MockHttpServletRequest(), response);
        return response.getCookie(OAuth2AuthorizationRequestCookies.COOKIE).getValue();
    }

    private static MockHttpServletRequest withCookie(String value) {
        var request = new MockHttpServletRequest();
        request.setCookies(new Cookie(OAuth2AuthorizationRequestCookies.COOKIE, value));
        return request;
    }

    /** Stands for a deserialization gadget: records whether Java deserialization ever reached it. */
    static final class Tripwire implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        static volatile boolean read;

        @Serial
        private void readObject(ObjectInputStream in) {
            read = true;
        }
    }
}
