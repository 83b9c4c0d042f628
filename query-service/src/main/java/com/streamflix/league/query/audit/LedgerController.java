package com.streamflix.league.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.streamflix.league.support.web.ApiProblem;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /api/audit/users/{userId}/ledger} (W3): a user's wallet replayed from the event store, oldest first,
 * with the replayed running balance, every check's findings and the final balance. Streamed from a cursor, so a
 * wallet of 100,000 events is never held in memory; {@code Accept: text/csv} gives the same lines as CSV, the final
 * balance as a last line of entry {@code FINAL_BALANCE}.
 */
@RestController
public class LedgerController {
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final WalletEvents events;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final CsvMapper csv = new CsvMapper();
    private final CsvSchema csvSchema = csv.schemaFor(CsvLine.class).withHeader();

    public LedgerController(WalletEvents events, JdbcTemplate jdbc, ObjectMapper json) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping(value = "/api/audit/users/{userId}/ledger", produces = {"application/json", "text/csv"})
    public ResponseEntity<StreamingResponseBody> ledger(@PathVariable @Size(max = 64) String userId,
                                                        @org.springframework.web.bind.annotation.RequestHeader(
                                                                value = "Accept", required = false) String accept) {
        requireWallet(userId);
        boolean asCsv = accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(CSV) && !type.isWildcardType());
        if (asCsv) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("ledger-" + userId + ".csv", StandardCharsets.UTF_8).build().toString())
                    .body(out -> writeCsv(userId, out));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> writeJson(userId, out));
    }

    private void requireWallet(String userId) {
        Boolean exists = jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM eventstore.domain_event_entry
                                       WHERE aggregate_identifier = ? AND type = ?)""",
                Boolean.class, userId, WalletEvents.AGGREGATE_TYPE);
        if (!Boolean.TRUE.equals(exists)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "No wallet for user " + userId)
                    .with("field", "userId");
        }
    }

    private void writeJson(String userId, OutputStream out) throws IOException {
        // one flush at the end, not one per line (the response is buffered in chunks anyway)
        ObjectWriter lines = json.writerFor(WalletReplay.Line.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("userId", userId);
            generator.writeArrayFieldStart("entries");
            WalletReplay replay = replay(userId, line -> write(lines, generator, line));
            generator.writeEndArray();
            generator.writeNumberField("eventsReplayed", replay.events());
            generator.writeNumberField("finalBalance", replay.balance());
            generator.writeNumberField("recordedBalance", replay.recordedBalance());
            generator.writeNumberField("unchainedEntries", replay.unchained());
            generator.writeFieldName("problems");
            json.writeValue(generator, replay.problems());
            generator.writeEndObject();
        }
    }

    private void writeCsv(String userId, OutputStream out) throws IOException {
        ObjectWriter lines = csv.writerFor(CsvLine.class).with(csvSchema)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (CsvGenerator generator = csv.getFactory().createGenerator(out)) {
            generator.setSchema(csvSchema);
            WalletReplay replay = replay(userId, line -> write(lines, generator, CsvLine.of(line)));
            write(lines, generator, new CsvLine(null, null, "FINAL_BALANCE", null, null, null, replay.balance(),
                    replay.recordedBalance(), null, null, null, null, null, problems(replay.problems())));
        }
    }

    private WalletReplay replay(String userId, java.util.function.Consumer<WalletReplay.Line> each) {
        WalletReplay replay = new WalletReplay(userId);
        events.ofUser(userId, WalletReplay.LEDGER, event -> {
            WalletReplay.Line line = replay.accept(event);
            if (line != null) {
                each.accept(line);
            }
        });
        return replay;
    }

    private static void write(ObjectWriter writer, JsonGenerator generator, Object value) {
        try {
            writer.writeValue(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the client went away
        }
    }

    private static String problems(List<WalletReplay.Problem> problems) {
        return problems.stream().map(p -> "#" + p.sequenceNumber() + ": " + p.problem())
                .reduce((a, b) -> a + "; " + b).orElse(null);
    }

    /**
     * A CSV row. Text a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first) is quoted
     * with a leading apostrophe.
     */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"sequenceNumber", "eventId", "entry", "type", "amount",
            "writtenOff", "balance", "recordedBalance", "reason", "relatedEntityId", "idempotencyKey", "time",
            "chainHash", "problems"})
    record CsvLine(Long sequenceNumber, String eventId, String entry, String type, Long amount, Long writtenOff,
                   Long balance, Long recordedBalance, String reason, String relatedEntityId, String idempotencyKey,
                   String time, String chainHash, String problems) {
        static CsvLine of(WalletReplay.Line line) {
            return new CsvLine(line.sequenceNumber(), line.eventId(), line.entry(),
                    line.type() == null ? null : line.type().name(), line.amount(), line.writtenOff(),
                    line.balance(), line.recordedBalance(), text(line.reason()), text(line.relatedEntityId()),
                    text(line.idempotencyKey()), line.time(), line.chainHash(),
                    line.problems().isEmpty() ? null : String.join("; ", line.problems()));
        }

        private static String text(String value) {
            return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        }
    }
}
