package com.streamflix.league.command.security;

import com.streamflix.league.command.CommandServiceApplication;
import com.streamflix.league.support.testsupport.StartupRefusalTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

/** Issue #13: command-service refuses to start on each missing or weak secret, naming it (see the base class). */
class WeakSecretsRefusedTest extends StartupRefusalTest {

    @Override
    protected Class<?> application() {
        return CommandServiceApplication.class;
    }

    @Override
    protected Map<String, String> validSecrets() {
        return Map.of("streamflix.twitch.broadcaster-id", "1337",
                "streamflix.twitch.client-id", "client",
                "streamflix.twitch.client-secret", "client-secret",
                "streamflix.twitch.webhook-secret", "w".repeat(10),
                "streamflix.twitch.token-encryption-key", "t".repeat(32),
                "streamflix.jwt.secret", "j".repeat(32),
                "streamflix.admin.key", "a".repeat(32));
    }

    /** '' leaves the key out; the other values are one below each minimum (Twitch's 10 for the webhook secret). */
    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource({
            "streamflix.jwt.secret, ''", "streamflix.jwt.secret, jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj",
            "streamflix.admin.key, ''", "streamflix.admin.key, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "streamflix.twitch.webhook-secret, ''", "streamflix.twitch.webhook-secret, wwwwwwwww",
            "streamflix.twitch.token-encryption-key, ''",
            "streamflix.twitch.token-encryption-key, ttttttttttttttttttttttttttttttt"})
    void aMissingOrShortSecretIsRefusedByName(String key, String value) {
        assertRefused(key, value, key.contains("webhook") ? 9 : 31);
    }
}
