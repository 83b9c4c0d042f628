package com.streamflix.league.realtime.match;

import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.vote.VoteStartedEvent;
import com.streamflix.league.api.vote.VoteStatus;
import com.streamflix.league.api.vote.VotesCastEvent;
import com.streamflix.league.realtime.match.MatchLiveMessages.Vote;
import com.streamflix.league.realtime.socket.Push;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Every live vote (RULES V1-V5) as the match's {@code SNAPSHOT} shows it and as its tallies are pushed
 * ({@link VoteTallies}), in {@code vote_snapshot}: kept by a tracking processor shared by the realtime instances
 * (token stored), so an instance started in the middle of a vote, like every other, shows and pushes the tallies
 * counted from its start.
 * <p>
 * Its own processor, not {@link MatchSnapshots}'s: a burst of casts (thousands a second) must not hold up the match's
 * stored snapshot, which a new viewer's socket waits for. Each cast is one statement: the voter's row in
 * {@code vote_voter} is written only over an older version of their wallet's stream, and the tally moves only when
 * it was (so a redelivered cast changes nothing), counting a voter on their first cast; a cast on a vote that is not
 * open here changes nothing at all. A cast follows its vote's start in the stream (it is only taken once the start is
 * committed) and precedes its end (the close waits for every cast in flight), so its vote is there and open.
 */
@Component
@ProcessingGroup(VoteSnapshots.PROCESSING_GROUP)
public class VoteSnapshots {
    static final String PROCESSING_GROUP = "realtime-votes";

    /** The vote's columns, named apart from the match's (see {@link MatchSnapshots#current}), read by {@link #vote}. */
    static final String COLUMNS = """
            vote_event_id, status AS vote_status, points_award AS vote_points_award,
            cost_per_vote AS vote_cost_per_vote, participant_a_id AS vote_participant_a_id,
            participant_b_id AS vote_participant_b_id, started_at AS vote_started_at, ends_at AS vote_ends_at,
            votes_a AS vote_votes_a, votes_b AS vote_votes_b, voters AS vote_voters,
            winner_participant_id AS vote_winner_participant_id""";

    private final JdbcTemplate jdbc;

    public VoteSnapshots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** V1: open, nothing counted yet. */
    @EventHandler
    void on(VoteStartedEvent event) {
        jdbc.update("""
                        INSERT INTO vote_snapshot (vote_event_id, match_id, status, participant_a_id, participant_b_id,
                            points_award, cost_per_vote, started_at, ends_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (vote_event_id) DO NOTHING""",
                event.voteEventId(), event.matchId(), VoteStatus.OPEN.name(), event.participantAId(),
                event.participantBId(), event.pointsAward(), event.costPerVote(), timestamp(event.startedAt()),
                timestamp(event.endsAt()));
    }

    /** V2, V4: the cast's votes on its side; the voter counted on their first cast. */
    @EventHandler
    void on(VotesCastEvent event, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                        WITH counted AS (
                            INSERT INTO vote_voter (vote_event_id, user_id, wallet_version)
                            SELECT vote_event_id, ?, ? FROM vote_snapshot WHERE vote_event_id = ? AND status = ?
                            ON CONFLICT (vote_event_id, user_id) DO UPDATE SET wallet_version = excluded.wallet_version
                            WHERE vote_voter.wallet_version < excluded.wallet_version
                            RETURNING xmax = 0 AS first_cast)
                        UPDATE vote_snapshot
                        SET votes_a = votes_a + CASE WHEN participant_a_id = ? THEN ? ELSE 0 END,
                            votes_b = votes_b + CASE WHEN participant_b_id = ? THEN ? ELSE 0 END,
                            voters = voters + CASE WHEN (SELECT first_cast FROM counted) THEN 1 ELSE 0 END,
                            updated_at = now()
                        WHERE vote_event_id = ? AND EXISTS (SELECT 1 FROM counted)""",
                event.userId(), Push.versionAfter(sequenceNumber), event.voteEventId(), VoteStatus.OPEN.name(),
                event.participantId(), event.votes(), event.participantId(), event.votes(), event.voteEventId());
    }

    /**
     * V4, V5: closed with the final tallies the close counted (they replace the running ones) and the winner, null on
     * a tie. Who voted is no longer needed.
     */
    @EventHandler
    void on(VoteEndedEvent event) {
        jdbc.update("""
                        INSERT INTO vote_snapshot (vote_event_id, match_id, status, participant_a_id, participant_b_id,
                            points_award, votes_a, votes_b, voters, winner_participant_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (vote_event_id) DO UPDATE SET status = excluded.status,
                            votes_a = excluded.votes_a, votes_b = excluded.votes_b, voters = excluded.voters,
                            winner_participant_id = excluded.winner_participant_id, updated_at = now()
                        WHERE vote_snapshot.status <> excluded.status""",
                event.voteEventId(), event.matchId(), VoteStatus.CLOSED.name(), event.participantAId(),
                event.participantBId(), event.pointsAward(), event.votesA(), event.votesB(), event.voters(),
                event.winnerParticipantId());
        jdbc.update("DELETE FROM vote_voter WHERE vote_event_id = ?", event.voteEventId());
    }

    /** The vote as last stored; empty for a vote not seen yet. */
    public Optional<Vote> find(String voteEventId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM vote_snapshot WHERE vote_event_id = ?",
                (row, rowNumber) -> vote(row), voteEventId).stream().findFirst();
    }

    /** The vote of a row selected with {@link #COLUMNS}; null when the row has none (a match without votes). */
    static Vote vote(ResultSet row) throws SQLException {
        String voteEventId = row.getString("vote_event_id");
        if (voteEventId == null) {
            return null;
        }
        return new Vote(voteEventId, row.getString("vote_status"), row.getInt("vote_points_award"),
                row.getLong("vote_cost_per_vote"), row.getString("vote_participant_a_id"),
                row.getString("vote_participant_b_id"), instant(row.getTimestamp("vote_started_at")),
                instant(row.getTimestamp("vote_ends_at")), row.getLong("vote_votes_a"), row.getLong("vote_votes_b"),
                row.getInt("vote_voters"), row.getString("vote_winner_participant_id"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
