package org.ibex.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inbox's answer to a batch: one result per envelope, in the order sent, and one signed receipt covering every
 * envelope stored now or before (absent when none was). On the wire: two frames, the results as JSON and the
 * receipt.
 */
public record BatchReply(List<Item> items, byte[] receipt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What became of one envelope. */
    public enum Status {
        /** Verified and stored for the first time. */
        STORED,
        /** Stored before with the same bytes: acknowledged again, not stored twice. */
        DUPLICATE,
        /** Refused for good; {@code code} says why. */
        REJECTED
    }

    /** One envelope's result; {@code id} is null when the envelope could not be read far enough to know it. */
    public record Item(String id, Status status, String code, String message) {
        boolean acknowledged() {
            return status != Status.REJECTED;
        }
    }

    public BatchReply {
        items = List.copyOf(items);
        receipt = receipt == null ? null : receipt.clone();
    }

    public Optional<byte[]> receiptWire() {
        return Optional.ofNullable(receipt).map(byte[]::clone);
    }

    @Override
    public byte[] receipt() {
        return receipt == null ? null : receipt.clone();
    }

    public byte[] toWire() {
        ArrayNode array = JSON.createArrayNode();
        for (Item item : items) {
            ObjectNode node = array.addObject();
            node.put("id", item.id());
            node.put("status", item.status().name());
            if (item.code() != null) {
                node.put("code", item.code());
                node.put("message", item.message());
            }
        }
        try {
            byte[] results = JSON.writeValueAsBytes(array);
            return Frames.encode(receipt == null ? List.of(results) : List.of(results, receipt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /** Reads a reply; a malformed one is an {@link IllegalArgumentException} naming what is wrong. */
    public static BatchReply parse(byte[] wire) {
        List<byte[]> frames = Frames.decode(wire);
        if (frames.size() > 2) {
            throw new IllegalArgumentException("batch reply: expected results and at most one receipt, got "
                    + frames.size() + " frames");
        }
        try {
            JsonNode array = JSON.readTree(frames.get(0));
            if (array == null || !array.isArray()) {
                throw new IllegalArgumentException("batch reply: results must be a JSON array");
            }
            List<Item> items = new ArrayList<>();
            for (JsonNode node : array) {
                String status = node.path("status").asText("");
                try {
                    items.add(new Item(node.path("id").textValue(), Status.valueOf(status),
                            node.path("code").textValue(), node.path("message").textValue()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("batch reply: result " + items.size() + " has unknown status '"
                            + status + "'");
                }
            }
            return new BatchReply(items, frames.size() == 2 ? frames.get(1) : null);
        } catch (IOException e) {
            throw new IllegalArgumentException("batch reply: results are not JSON: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "BatchReply[" + items.size() + " items, receipt " + (receipt == null ? "none" : receipt.length + " bytes")
                + "]";
    }
}
