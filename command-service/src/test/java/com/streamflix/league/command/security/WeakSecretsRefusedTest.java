package com.streamflix.league.command.security;

import com.streamflix.league.command.CommandServiceApplication;
import com.streamflix.league.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #13: the service refuses to start with any secret it needs missing or one character short, and names it.
 * The whole application is started (not a slice), so a check that vanished or no longer runs at start fails here;
 * the valid settings starting proves each refusal is the secret's and not some other broken setting's.
 */
class WeakSecretsRefusedTest {
    private static final TestDatabase.Db DB = TestDatabase.fresh();

    private static Map<String, String> valid() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", DB.url());
        settings.put("spring.datasource.username", DB.username());
        settings.put("spring.datasource.password", DB.password() == null ? "" : DB.password());
        settings.put("server.port", "0");
        settings.put("streamflix.twitch.broadcaster-id", "1337");
        settings.put("streamflix.twitch.client-id", "client");
        settings.put("streamflix.twitch.client-secret", "client-secret");
        settings.put("streamflix.twitch.webhook-secret", "w".repeat(10));
        settings.put("streamflix.twitch.token-encryption-key", "t".repeat(32));
        settings.put("streamflix.jwt.secret", "j".repeat(32));
        settings.put("streamflix.admin.key", "a".repeat(32));
        return settings;
    }

    private static ConfigurableApplicationContext start(Map<String, String> settings) {
        // as command-line arguments: they outrank application.yml, as a deployment's environment does
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    @Test
    void theValidSecretsStart() {
        try (var context = start(valid())) {
            assertThat(context.isActive()).isTrue();
        }
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
        Map<String, String> settings = valid();
        if (value.isEmpty()) {
            settings.remove(key);
        } else {
            assertThat(value).hasSize(key.contains("webhook") ? 9 : 31);
            settings.put(key, value);
        }
        assertThatThrownBy(() -> start(settings).close()).hasStackTraceContaining(key);
    }
}
