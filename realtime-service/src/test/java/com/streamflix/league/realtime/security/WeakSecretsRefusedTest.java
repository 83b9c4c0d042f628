package com.streamflix.league.realtime.security;

import com.streamflix.league.realtime.RealtimeServiceApplication;
import com.streamflix.league.support.testsupport.StartupRefusalTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

/** Issue #13: realtime-service refuses to start without a strong session secret, naming it (see the base class). */
class WeakSecretsRefusedTest extends StartupRefusalTest {

    @Override
    protected Class<?> application() {
        return RealtimeServiceApplication.class;
    }

    @Override
    protected Map<String, String> validSecrets() {
        return Map.of("streamflix.allowed-origins", "https://league.example", "streamflix.jwt.secret", "j".repeat(32));
    }

    /** The session secret is the one secret this service needs; '' leaves it out, the other is one below 32. */
    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource({"streamflix.jwt.secret, ''", "streamflix.jwt.secret, jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj"})
    void aMissingOrShortSecretIsRefusedByName(String key, String value) {
        assertRefused(key, value, 31);
    }
}
