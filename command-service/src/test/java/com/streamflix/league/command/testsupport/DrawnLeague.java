package com.streamflix.league.command.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.api.draw.DrawnFixture;
import com.streamflix.league.api.tournament.ConfirmedParticipant;
import com.streamflix.league.draw.Fixture;
import com.streamflix.league.draw.LeagueDraw;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tournament in its league phase, drawn over HTTP with a known seed, so a test knows every fixture; with funded
 * viewers and their balances read from the ledger (the event store, not a projection).
 */
public final class DrawnLeague {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String tournament;
    public final List<Fixture> fixtures;
    private final Http http;
    private final JdbcTemplate jdbc;

    public DrawnLeague(CommandGateway commands, Http http, JdbcTemplate jdbc, String name, long seed) throws Exception {
        this.http = http;
        this.jdbc = jdbc;
        Rosters.Locked roster = Rosters.locked(commands, name);
        tournament = roster.id();
        assertThat(http.asAdmin("POST", "/api/admin/tournaments/" + tournament + "/run-league-draw",
                "{\"seed\": " + seed + "}").statusCode()).isEqualTo(200);
        fixtures = LeagueDraw.draw(roster.pots(), seed).fixtures();
    }

    public String matchId(int fixture) {
        Fixture f = fixtures.get(fixture);
        return DrawnFixture.matchIdOf(tournament, f.matchday(), home(fixture), away(fixture));
    }

    public String home(int fixture) {
        return ConfirmedParticipant.idOf(tournament, fixtures.get(fixture).home());
    }

    public String away(int fixture) {
        return ConfirmedParticipant.idOf(tournament, fixtures.get(fixture).away());
    }

    /** A new viewer granted {@code points} by an admin. */
    public String fundedViewer(long points) throws Exception {
        String user = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        var granted = http.send("POST", "/api/admin/users/" + user + "/points",
                Map.of("X-Admin-Key", CommandServiceTest.ADMIN_KEY, "Idempotency-Key", UUID.randomUUID().toString()),
                "{\"amount\":" + points + ",\"reason\":\"grant\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        return user;
    }

    /** The wallet's balance as its last points event recorded it (the ledger, not a projection). */
    public long balance(String user) {
        String json = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM eventstore.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%Points%Event' AND payload_type NOT LIKE '%WrittenOff%'
                ORDER BY sequence_number DESC LIMIT 1""", String.class, user);
        try {
            return JSON.readTree(json).path("balance").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
