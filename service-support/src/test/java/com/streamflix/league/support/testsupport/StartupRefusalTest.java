package com.streamflix.league.support.testsupport;

import com.streamflix.league.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #13: a service refuses to start with any secret it needs missing or too short, and names it. The whole
 * application is started (not a slice), so a check that vanished or no longer runs at start fails; the valid
 * settings starting proves each refusal is the secret's and not some other broken setting's. Each service's test
 * names its application, its valid settings, and the cases (through {@link #assertRefused}).
 */
public abstract class StartupRefusalTest {
    private static final TestDatabase.Db DB = TestDatabase.fresh();

    protected abstract Class<?> application();

    /** The service's own settings on top of a fresh database and a random port: every secret valid. */
    protected abstract Map<String, String> validSecrets();

    protected Map<String, String> valid() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", DB.url());
        settings.put("spring.datasource.username", DB.username());
        settings.put("spring.datasource.password", DB.password() == null ? "" : DB.password());
        settings.put("server.port", "0");
        settings.putAll(validSecrets());
        return settings;
    }

    protected ConfigurableApplicationContext start(Map<String, String> settings) {
        // as command-line arguments: they outrank application.yml, as a deployment's environment does
        return new SpringApplicationBuilder(application())
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    @Test
    void theValidSecretsStart() {
        try (var context = start(valid())) {
            assertThat(context.isActive()).isTrue();
        }
    }

    /** {@code value} empty leaves {@code key} out; otherwise it must be {@code length} long (one below the minimum). */
    protected void assertRefused(String key, String value, int length) {
        Map<String, String> settings = valid();
        if (value.isEmpty()) {
            settings.remove(key);
        } else {
            assertThat(value).hasSize(length);
            settings.put(key, value);
        }
        assertThatThrownBy(() -> start(settings).close()).hasStackTraceContaining(key);
    }
}
