package org.ibex.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.store.Json;
import org.ibex.watchlist.BatchQueries;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/screen/batch}: many travellers at once, such as a flight's passenger manifest, as the batch CSV
 * or a JSON array of the same six fields. Screening many people at once is targeting work: supervisors (their
 * post's lists and the national ones, as they screen at the desk) and analysts (all lists); an officer screens the
 * traveller in front of them. The body is bounded in bytes before it is read and in rows before anything is
 * screened, so a manifest too large is refused whole (413) rather than half answered; a body that is not a batch
 * is 422 naming the rule. The answer is a JSON array, or JSON lines when asked with
 * {@code Accept: application/x-ndjson}, written row by row as they are screened; a row that does not read is an
 * element with its line and error.
 */
final class BatchScreeningRoutes {
    static final int MAX_BYTES = 4 << 20;
    static final int MAX_ROWS = 5_000;
    static final int HITS_PER_ROW = 20;
    static final String NDJSON = "application/x-ndjson";
    private static final Set<Role> TARGETERS = Set.of(Role.SUPERVISOR, Role.ANALYST);
    private final Services services;
    private final ObjectMapper mapper;
    private final BodyBudget bodies;

    BatchScreeningRoutes(Services services, ObjectMapper mapper, BodyBudget bodies) {
        this.services = services;
        this.mapper = mapper;
        this.bodies = bodies;
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.of(HandlerType.POST, "/api/screen/batch", TARGETERS, this::screen));
    }

    private void screen(Context ctx) {
        boolean json = manifestIsJson(ctx.contentType());
        String source = source(ctx.queryParam("name"));
        boolean lines = ctx.header("Accept") != null && ctx.header("Accept").toLowerCase(Locale.ROOT).contains(NDJSON);
        List<BatchQueries.Row> rows;
        String digest;
        try (BodyBudget.Lease lease = bodies.lease()) {
            byte[] body = Requests.bytes(ctx, MAX_BYTES, lease, "Split the manifest: a request takes at most "
                    + MAX_ROWS + " travellers");
            if (body.length == 0) {
                throw unprocessable("the body is empty: send the batch CSV (header "
                        + String.join(",", BatchQueries.COLUMNS) + ") or a JSON array of travellers");
            }
            digest = sha256(body);
            rows = json ? manifest(body) : csv(body);
        }
        ctx.header("X-Batch-Rows", Integer.toString(rows.size()));
        ctx.header("X-Batch-Failed", Long.toString(rows.stream().filter(r -> !r.ok()).count()));
        ctx.status(200).contentType(lines ? NDJSON : "application/json");
        // Rows are written as they are screened: a manifest of thousands keeps the connection busy and never sits
        // whole in memory as answers. Everything that could refuse it was checked above, before the first byte.
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            boolean[] first = {true};
            out.write(lines ? "" : "[");
            services.watchlists().screenBatch(rows, source, digest, HITS_PER_ROW, Requests.actor(ctx), result -> {
                try {
                    out.write(lines ? "" : first[0] ? "" : ",");
                    out.write(Json.write(mapper, result.asJson()));
                    out.write(lines ? "\n" : "");
                    first[0] = false;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.write(lines ? "" : "]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a CSV body, all of them read and checked before one is screened. */
    private static List<BatchQueries.Row> csv(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw unprocessable("the body is not UTF-8 text; save the CSV as UTF-8");
        }
        List<BatchQueries.Row> rows = new ArrayList<>();
        try {
            BatchQueries.read(new StringReader(text), row -> {
                if (rows.size() == MAX_ROWS) {
                    throw tooManyRows("more than");
                }
                rows.add(row);
            });
        } catch (BatchQueries.BatchFileException e) {
            throw unprocessable(e.getMessage());
        } catch (IOException e) {
            throw unprocessable("the body could not be read as CSV");
        }
        return rows;
    }

    /** A JSON array of objects with the six fields, each a string or null; the same rules as a CSV row. */
    private List<BatchQueries.Row> manifest(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw unprocessable("malformed JSON" + (e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw unprocessable("the body could not be read as JSON");
        }
        if (root == null || !root.isArray()) {
            throw unprocessable("a JSON manifest is an array of travellers: [{\"id\":…,\"name\":…,\"dateOfBirth\":…,"
                    + "\"nationality\":…,\"sex\":…,\"documentNumber\":…}]");
        }
        if (root.size() > MAX_ROWS) {
            throw tooManyRows(root.size() + ", more than");
        }
        List<BatchQueries.Row> rows = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            rows.add(item(i + 1, root.get(i)));
        }
        return rows;
    }

    private static BatchQueries.Row item(int number, JsonNode node) {
        String where = "item " + number + ": ";
        if (!node.isObject()) {
            return new BatchQueries.Row(number, null, null, where + "each traveller is an object with the fields "
                    + String.join(", ", BatchQueries.COLUMNS));
        }
        String id = node.path("id").isValueNode() ? node.path("id").asText() : null;
        Map<String, String> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!BatchQueries.COLUMNS.contains(field.getKey())) {
                return new BatchQueries.Row(number, id, null, where + "unknown field '" + shown(field.getKey())
                        + "'; the fields are " + String.join(", ", BatchQueries.COLUMNS));
            }
            JsonNode value = field.getValue();
            if (!value.isNull() && !value.isTextual() && !(value.isNumber() && field.getKey().equals("id"))) {
                return new BatchQueries.Row(number, id, null, where + field.getKey() + " must be a string or null");
            }
            fields.put(field.getKey(), value.isNull() ? null : value.asText());
        }
        return BatchQueries.item(number, fields);
    }

    private static boolean manifestIsJson(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || type.equals("text/csv") || type.equals("text/plain")) {
            return false;
        }
        if (type.equals("application/json") || type.endsWith("+json")) {
            return true;
        }
        throw new ApiException(415, "unsupported-media-type", "Content-Type", "send the batch as 'Content-Type:"
                + " text/csv' or a JSON manifest as 'application/json' (got '" + shown(type) + "')");
    }

    private static String source(String name) {
        if (name == null || name.isBlank()) {
            return "api upload";
        }
        if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("name", "name (the manifest's file name, for the access log) is at most 200"
                    + " characters without control characters");
        }
        return name.strip();
    }

    private static ApiException tooManyRows(String how) {
        return new ApiException(413, "too-many-rows", "body", "the batch holds " + how + " " + MAX_ROWS
                + " travellers, the most one request takes; split it (nothing was screened)");
    }

    private static ApiException unprocessable(String message) {
        return new ApiException(422, "invalid-batch", "body", message);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String shown(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
