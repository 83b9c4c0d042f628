package com.streamflix.league.query.deadletter;

import com.streamflix.league.support.eventstore.DeadLetters;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #13: what the dead-letter policy retries (the batch) instead of parking (the event). */
class TransientFaultsTest {

    private static SQLException state(String sqlState) {
        return new SQLException("fault " + sqlState, sqlState);
    }

    @Test
    void databaseAvailabilityAndConcurrencyFaultsAreRetried() {
        assertThat(DeadLetters.isTransient(new CannotGetJdbcConnectionException("pool", state("08001")))).isTrue();
        assertThat(DeadLetters.isTransient(new IllegalStateException("wrapped", state("08006")))).isTrue();
        assertThat(DeadLetters.isTransient(state("40P01"))).as("deadlock").isTrue();
        assertThat(DeadLetters.isTransient(state("40001"))).as("serialization").isTrue();
        assertThat(DeadLetters.isTransient(state("55P03"))).as("lock not available").isTrue();
        assertThat(DeadLetters.isTransient(state("57P01"))).as("admin shutdown").isTrue();
        assertThat(DeadLetters.isTransient(new QueryTimeoutException("slow"))).isTrue();
    }

    @Test
    void faultsOfTheEventItselfAreParked() {
        assertThat(DeadLetters.isTransient(new DataIntegrityViolationException("too long", state("22001")))).isFalse();
        assertThat(DeadLetters.isTransient(state("23505"))).as("unique").isFalse();
        assertThat(DeadLetters.isTransient(state("22021"))).as("NUL in text").isFalse();
        assertThat(DeadLetters.isTransient(new IllegalArgumentException("bad event"))).isFalse();
    }
}
