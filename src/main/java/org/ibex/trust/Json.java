package org.ibex.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON forms of PKI files and the directory; written by hand so the wire format does not follow renames. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String describeNode(NodeIdentity node, URI endpoint) {
        ObjectNode json = MAPPER.createObjectNode().put("node", node.toString()).put("endpoint", endpoint.toString());
        return pretty(json);
    }

    /** A node description; the certificate fields are placeholders filled by the caller. */
    static DirectoryEntry readNode(String text) throws JsonProcessingException {
        JsonNode json = MAPPER.readTree(text);
        return new DirectoryEntry(NodeIdentity.parse(text(json, "node")), URI.create(text(json, "endpoint")), "",
                Instant.EPOCH);
    }

    static ArrayNode revocations(List<Revocation> revocations) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Revocation r : revocations) {
            array.addObject().put("serial", r.serialHex()).put("reason", r.reason().code())
                    .put("revokedAt", r.revokedAt().toString());
        }
        return array;
    }

    static List<Revocation> readRevocations(JsonNode array) {
        List<Revocation> revocations = new ArrayList<>();
        for (JsonNode r : array(array, "revocations")) {
            revocations.add(new Revocation(new BigInteger(text(r, "serial"), 16),
                    RevocationReason.parse(text(r, "reason")), Instant.parse(text(r, "revokedAt"))));
        }
        return revocations;
    }

    static ArrayNode entries(List<DirectoryEntry> entries) {
        ArrayNode array = MAPPER.createArrayNode();
        for (DirectoryEntry e : entries) {
            array.addObject().put("node", e.node().toString()).put("endpoint", e.endpoint().toString())
                    .put("certificate", e.certificatePem()).put("notAfter", e.notAfter().toString());
        }
        return array;
    }

    static List<DirectoryEntry> readEntries(JsonNode array) {
        List<DirectoryEntry> entries = new ArrayList<>();
        for (JsonNode e : array(array, "nodes")) {
            entries.add(new DirectoryEntry(NodeIdentity.parse(text(e, "node")), URI.create(text(e, "endpoint")),
                    text(e, "certificate"), Instant.parse(text(e, "notAfter"))));
        }
        return entries;
    }

    static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    static JsonNode array(JsonNode array, String field) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not an array");
        }
        return array;
    }

    static String pretty(JsonNode json) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * Compact JSON with object keys sorted, so signer and verifier hash the same bytes whatever the
     * file's whitespace or key order. Our documents hold only strings, integers, arrays and objects.
     */
    static byte[] canonical(JsonNode json) {
        try {
            return MAPPER.writeValueAsString(sorted(json)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static JsonNode sorted(JsonNode json) {
        if (json.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode copy = MAPPER.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (json.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            json.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        if (json.isNumber() && !json.isIntegralNumber()) {
            throw new IllegalArgumentException("directory JSON holds a fractional number, which it never should");
        }
        return json;
    }
}
