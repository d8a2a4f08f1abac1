package org.ibex.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FingerSet;
import org.ibex.biometrics.FingerTemplate;
import org.ibex.biometrics.FvcSamples;
import org.ibex.biometrics.WantedCopy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code wanted-prints} items as headquarters writes them (real FVC2002 templates) read back as written; an item
 * that breaks a rule is refused naming the item and the field, before a template is decoded or a row written.
 */
class WantedItemsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final FingerTemplate INDEX = FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 1);
    private static final FingerTemplate THUMB = FvcSamples.template(FingerPosition.RIGHT_THUMB, 102, 1);

    @Test
    void itemsReadBackAsWritten() {
        WantedCopy copy = new WantedCopy("W42", "PETROVSKY, IVAN", "arrest warrant 2026/114", T0,
                FingerSet.of(INDEX, THUMB));
        List<WantedCopy> read = WantedItems.read(WantedItems.write(List.of(copy)));

        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.reference()).isEqualTo("W42");
            assertThat(r.name()).isEqualTo("PETROVSKY, IVAN");
            assertThat(r.reason()).isEqualTo("arrest warrant 2026/114");
            assertThat(r.flaggedAt()).isEqualTo(T0);
            assertThat(r.fingers().capturedPositions()).containsExactly(FingerPosition.RIGHT_THUMB,
                    FingerPosition.RIGHT_INDEX);
            assertThat(r.fingers().template(FingerPosition.RIGHT_INDEX).orElseThrow().toByteArray())
                    .isEqualTo(INDEX.toByteArray());
        });
    }

    @Test
    void theStampMovesWithWhatTheFlagsSayAndNotWithTheirOrderOfReading() {
        WantedCopy one = new WantedCopy("W1", "A", "warrant", T0, FingerSet.of(INDEX));
        String before = WantedItems.stamp(List.of(one));
        assertThat(WantedItems.stamp(List.of(one))).isEqualTo(before);
        assertThat(WantedItems.stamp(List.of(new WantedCopy("W1", "A", "another warrant", T0, FingerSet.of(INDEX)))))
                .isNotEqualTo(before);
        assertThat(WantedItems.stamp(List.of())).isNotEqualTo(before);
    }

    @Test
    void anItemThatBreaksARuleIsRefusedNamingItsIndexAndField() {
        refused(items -> items.removeAll().add("text"), "wanted-prints[0].item must be an object");
        refused(items -> item(items).remove("reference"), "wanted-prints[0].reference is required");
        refused(items -> item(items).put("name", "x".repeat(421)), "wanted-prints[0].name is required: text of at most 420");
        refused(items -> item(items).put("reason", ""), "wanted-prints[0].reason is required");
        refused(items -> item(items).put("flaggedAt", "yesterday"), "wanted-prints[0].flaggedAt must be an instant");
        refused(items -> item(items).putArray("fingers"), "wanted-prints[0].fingers must be an array of 1 to");
        refused(items -> finger(items).put("position", 11), "fingers[0].position must be an ISO finger position code");
        refused(items -> finger(items).put("position", "2"), "fingers[0].position must be an ISO finger position code");
        refused(items -> finger(items).put("template", "not base64!"), "fingers[0].template is not a fingerprint template");
        refused(items -> finger(items).put("template", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})),
                "fingers[0].template is not a fingerprint template");
        refused(items -> finger(items).put("template", "A".repeat(WantedItems.MAX_TEMPLATE_CHARS + 4)),
                "fingers[0].template is required: text of at most");
        refused(items -> ((ArrayNode) item(items).get("fingers")).add(finger(items).deepCopy()),
                "wanted-prints[0].fingers two templates for the");
        refused(items -> items.add(item(items).deepCopy()), "wanted-prints[1].reference W42 appears twice");
        assertThatThrownBy(() -> WantedItems.read(JsonNodeFactory.instance.objectNode()))
                .hasMessageContaining("items of wanted-prints must be an array");
    }

    @Test
    void moreItemsThanAnyListHoldsAreRefusedBeforeAnyIsRead() {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i <= WantedItems.MAX_ITEMS; i++) {
            items.addNull();
        }
        assertThatThrownBy(() -> WantedItems.read(items)).hasMessageContaining("holds at most 50000 persons");
    }

    private static void refused(Consumer<ArrayNode> breakIt, String message) {
        ArrayNode items = WantedItems.write(List.of(new WantedCopy("W42", "PETROVSKY, IVAN", "warrant", T0,
                FingerSet.of(INDEX))));
        breakIt.accept(items);
        assertThatThrownBy(() -> WantedItems.read(items)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    private static ObjectNode item(JsonNode items) {
        return (ObjectNode) items.get(0);
    }

    private static ObjectNode finger(JsonNode items) {
        return (ObjectNode) item(items).get("fingers").get(0);
    }
}
