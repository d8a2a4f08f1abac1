package org.ibex.reference;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.input.GzipJson;
import org.ibex.store.Json;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One dataset as headquarters sends it to a post, gzipped JSON: a snapshot ({@code items} is the whole content) or a
 * delta from {@code baseVersion} ({@code items} upserted, {@code removed} entry keys taken out). A delta whose base
 * equals its version and carries nothing renews the copy's dates. {@code meta} describes the dataset (a list's
 * name, owner and thresholds). The copy may be trusted until {@code expiresAt}.
 */
public record ReferencePayload(String dataset, String kind, long version, Long baseVersion, Instant issuedAt,
                               Instant expiresAt, long count, JsonNode meta, JsonNode items, List<String> removed) {
    public static final String SNAPSHOT = "reference.snapshot";
    public static final String DELTA = "reference.delta";
    public static final String CONTENT_TYPE = "application/vnd.ibex.reference+json+gzip";
    /** The stream of reference messages from headquarters to a post: the post applies them in order. */
    public static final String STREAM = "reference";
    public static final String WATCHLIST = "watchlist";
    public static final String STAY_RULES = "stay-rules";
    /** The accounts headquarters manages for the receiving post, whole each time. */
    public static final String USERS = "users";
    /** Fingerprints of the persons headquarters flags as wanted, whole each time; sent only where configured. */
    public static final String WANTED_PRINTS = "wanted-prints";
    static final Set<String> KINDS = Set.of(WATCHLIST, STAY_RULES, USERS, WANTED_PRINTS);
    /** Bounds the unpacked payload, so a small envelope cannot unpack into a memory bomb. */
    static final int MAX_UNPACKED_BYTES = 256 << 20;
    private static final ObjectMapper JSON = Json.mapper();

    public ReferencePayload {
        removed = removed == null ? List.of() : List.copyOf(removed);
    }

    @JsonIgnore
    public boolean isDelta() {
        return baseVersion != null;
    }

    /** A delta that changes nothing and only carries new dates. */
    @JsonIgnore
    public boolean isRenewal() {
        return isDelta() && baseVersion == version && removed.isEmpty() && (items == null || items.isNull()
                || items.isEmpty());
    }

    public byte[] encode() {
        return GzipJson.write(JSON, this);
    }

    /**
     * Reads a payload of envelope type {@code type}, refusing one that unpacks beyond {@link #MAX_UNPACKED_BYTES} or
     * breaks a rule, with an IllegalArgumentException naming the field.
     */
    public static ReferencePayload decode(String type, byte[] payload) {
        ReferencePayload read;
        try {
            read = GzipJson.read(JSON, payload, ReferencePayload.class, MAX_UNPACKED_BYTES);
        } catch (IOException e) {
            throw new IllegalArgumentException("reference payload unreadable: " + e.getMessage(), e);
        }
        if (read == null) {
            throw new IllegalArgumentException("reference payload is empty");
        }
        read.check(type);
        return read;
    }

    private void check(String type) {
        require(dataset != null && !dataset.isBlank() && dataset.length() <= 200, "dataset",
                "is required, at most 200 characters");
        require(kind != null && KINDS.contains(kind), "kind", "must be one of " + KINDS + " (got " + kind + ")");
        require(dataset.equals(kind) || dataset.startsWith(kind + "/") && dataset.length() > kind.length() + 1,
                "dataset", "must be " + kind + " or " + kind + "/ID (got " + dataset + ")");
        require(version >= 0, "version", "must not be negative");
        require(issuedAt != null, "issuedAt", "is required");
        require(expiresAt != null && expiresAt.isAfter(issuedAt), "expiresAt", "is required and after issuedAt");
        require(SNAPSHOT.equals(type) == !isDelta(), "baseVersion", SNAPSHOT.equals(type)
                ? "is for deltas, not snapshots" : "is required in a delta");
        require(!isDelta() || baseVersion >= 0 && baseVersion <= version, "baseVersion",
                "must lie between 0 and version " + version);
        require(isRenewal() || items != null && !items.isNull(), "items", "are required");
        require(removed.stream().allMatch(key -> key != null && key.length() <= 220), "removed",
                "holds entry keys of at most 220 characters");
    }

    private static void require(boolean holds, String field, String rule) {
        if (!holds) {
            throw new IllegalArgumentException("reference payload: " + field + " " + rule);
        }
    }
}
