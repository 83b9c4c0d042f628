package com.streamflix.league.query.security;

import com.streamflix.league.query.QueryServiceApplication;
import com.streamflix.league.support.testsupport.StartupRefusalTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #13: query-service refuses to start on each missing or weak secret, naming it (see the base class). */
class WeakSecretsRefusedTest extends StartupRefusalTest {

    @Override
    protected Class<?> application() {
        return QueryServiceApplication.class;
    }

    @Override
    protected Map<String, String> validSecrets() {
        return Map.of("streamflix.jwt.secret", "j".repeat(32), "streamflix.admin.key", "a".repeat(32),
                "streamflix.audit.key", "k".repeat(32));
    }

    @Test
    void withoutAnAuditKeyItStarts() {
        Map<String, String> settings = valid();
        settings.remove("streamflix.audit.key");
        try (var context = start(settings)) {
            assertThat(context.isActive()).isTrue();
        }
    }

    /**
     * '' leaves the key out; the other values are one below the minimum. The audit key is optional (unset: no key
     * is accepted), so only a short one is refused.
     */
    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource({
            "streamflix.jwt.secret, ''", "streamflix.jwt.secret, jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj",
            "streamflix.admin.key, ''", "streamflix.admin.key, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "streamflix.audit.key, kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"})
    void aMissingOrShortSecretIsRefusedByName(String key, String value) {
        assertRefused(key, value, 31);
    }
}
