package com.streamflix.league.command.testsupport;

import com.streamflix.league.support.eventstore.EventStoreTables;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import static org.assertj.core.api.Assertions.assertThat;

/** An aggregate written as a snapshot and read back must be the same aggregate, field by field. */
public final class SnapshotRoundTrip {
    private static final Serializer SNAPSHOTS = EventStoreTables.snapshotSerializer();

    private SnapshotRoundTrip() {
    }

    public static <T> void assertSurvives(T aggregate) {
        SerializedObject<byte[]> written = SNAPSHOTS.serialize(aggregate, byte[].class);
        Object read = SNAPSHOTS.deserialize(written);
        assertThat(read).isInstanceOf(aggregate.getClass());
        assertThat(read).usingRecursiveComparison().isEqualTo(aggregate);
    }
}
