package org.ibex.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FingerSet;
import org.ibex.biometrics.FingerTemplate;
import org.ibex.biometrics.WantedCopy;
import org.ibex.store.Json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code wanted-prints} dataset's items: one wanted person each, with the reference headquarters knows the flag
 * by, the name and reason an officer reads, when it was flagged, and each finger's template (base64). Reading bounds
 * every part before decoding it and names the item and field that break.
 */
final class WantedItems {
    /** Far more persons than any national list of wanted prints holds; a larger set is refused before it is read. */
    static final int MAX_ITEMS = 50_000;
    /** A SourceAFIS template is a few kilobytes; base64 of a far larger one is refused before it is decoded. */
    static final int MAX_TEMPLATE_CHARS = 256 << 10;
    private static final ObjectMapper JSON = Json.mapper();

    private WantedItems() {
    }

    static ArrayNode write(List<WantedCopy> copies) {
        ArrayNode items = JSON.createArrayNode();
        for (WantedCopy copy : copies) {
            ObjectNode item = items.addObject();
            item.put("reference", copy.reference());
            item.put("name", copy.name());
            item.put("reason", copy.reason());
            item.put("flaggedAt", copy.flaggedAt().toString());
            ArrayNode fingers = item.putArray("fingers");
            for (FingerPosition position : copy.fingers().capturedPositions()) {
                ObjectNode finger = fingers.addObject();
                finger.put("position", position.code());
                finger.put("template", Base64.getEncoder().encodeToString(
                        copy.fingers().template(position).orElseThrow().toByteArray()));
            }
        }
        return items;
    }

    /** What the dataset's version follows: every flag's reference, name, reason, date and fingers; not the bytes. */
    static String stamp(List<WantedCopy> copies) {
        StringBuilder stamp = new StringBuilder();
        for (WantedCopy copy : copies) {
            stamp.append(copy.reference()).append('\u001f').append(copy.name()).append('\u001f').append(copy.reason())
                    .append('\u001f').append(copy.flaggedAt()).append('\u001f')
                    .append(copy.fingers().capturedPositions()).append('\u001e');
        }
        return stamp.toString();
    }

    static List<WantedCopy> read(JsonNode items) {
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("reference payload: items of wanted-prints must be an array");
        }
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("reference payload: wanted-prints holds at most " + MAX_ITEMS
                    + " persons");
        }
        List<WantedCopy> copies = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                WantedCopy copy = copy(items.get(i));
                if (!references.add(copy.reference())) {
                    throw new IllegalArgumentException("reference " + copy.reference() + " appears twice");
                }
                copies.add(copy);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reference payload: wanted-prints[" + i + "]." + e.getMessage(), e);
            }
        }
        return copies;
    }

    private static WantedCopy copy(JsonNode item) {
        if (!item.isObject()) {
            throw new IllegalArgumentException("item must be an object");
        }
        String reference = text(item, "reference", WantedCopy.MAX_REFERENCE);
        String name = text(item, "name", WantedCopy.MAX_NAME);
        String reason = text(item, "reason", WantedCopy.MAX_REASON);
        Instant flaggedAt;
        try {
            flaggedAt = Instant.parse(text(item, "flaggedAt", 40));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("flaggedAt must be an instant such as 2026-01-01T00:00:00Z");
        }
        return new WantedCopy(reference, name, reason, flaggedAt, fingers(item.path("fingers")));
    }

    private static FingerSet fingers(JsonNode fingers) {
        if (!fingers.isArray() || fingers.isEmpty() || fingers.size() > FingerPosition.values().length) {
            throw new IllegalArgumentException("fingers must be an array of 1 to " + FingerPosition.values().length
                    + " templates");
        }
        List<FingerTemplate> templates = new ArrayList<>();
        for (int f = 0; f < fingers.size(); f++) {
            JsonNode finger = fingers.get(f);
            String at = "fingers[" + f + "].";
            JsonNode code = finger.path("position");
            FingerPosition position;
            try {
                if (!code.isInt()) {
                    throw new IllegalArgumentException("must be a whole number");
                }
                position = FingerPosition.ofCode(code.asInt());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "position must be an ISO finger position code 0..10");
            }
            String template;
            try {
                template = text(finger, "template", MAX_TEMPLATE_CHARS);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + e.getMessage());
            }
            try {
                templates.add(FingerTemplate.fromBytes(position, Base64.getDecoder().decode(template)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(at + "template is not a fingerprint template (base64 of a"
                        + " SourceAFIS template)");
            }
        }
        try {
            return FingerSet.of(templates, List.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fingers " + e.getMessage());
        }
    }

    private static String text(JsonNode item, String field, int max) {
        JsonNode value = item.path(field);
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
            throw new IllegalArgumentException(field + " is required: text of at most " + max + " characters");
        }
        return value.asText();
    }
}
