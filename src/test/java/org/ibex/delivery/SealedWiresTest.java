package org.ibex.delivery;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is stored of a sealed message's content: its header in the clear, its payload readable only while this process
 * holds its key, and noise once the key is dropped; other messages are stored as they came.
 */
class SealedWiresTest {
    private static final String ID = "0b6f0c1e-4a53-4c5e-9d1f-3f1f8c1f2a10";
    private static final byte[] WIRE = ("{\"id\":\"" + ID + "\",\"type\":\"confirm.probe\"}\n"
            + "{\"fingers\":[{\"template\":\"Rk1SACAyMAAAAAFiAAABLAGQAMUAxQEAAABGNYBAAP8+XgBq\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aSealedPayloadIsStoredUnreadableOpenedWithItsKeyAndLostWithIt() {
        SealedWires sealed = new SealedWires();
        sealed.seal("confirm.probe");

        byte[] stored = sealed.store(ID, "confirm.probe", WIRE);

        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("{\"id\":\"" + ID + "\",\"type\":\"confirm.probe\"}\n")
                .doesNotContain("fingers").doesNotContain("Rk1SACAyMAAAAAFiAAAB");
        assertThat(sealed.payload(ID, stored)).isEqualTo(Rows.payload(WIRE));
        assertThat(sealed.payload("another-envelope-id", stored)).as("the key is the envelope's own").isEmpty();

        sealed.forget(ID);
        assertThat(sealed.payload(ID, stored)).isEmpty();
    }

    @Test
    void aStoredPayloadChangedOnDiskDoesNotOpen() {
        SealedWires sealed = new SealedWires();
        sealed.seal("confirm.probe");
        byte[] stored = sealed.store(ID, "confirm.probe", WIRE);
        stored[stored.length - 1] ^= 1;
        assertThat(sealed.payload(ID, stored)).isEmpty();
    }

    @Test
    void otherTypesAreStoredAsTheyCame() {
        SealedWires sealed = new SealedWires();
        sealed.seal("confirm.probe");
        assertThat(sealed.store(ID, "agency.question", WIRE)).isEqualTo(WIRE);
        assertThat(sealed.payload(ID, WIRE)).isEqualTo(Rows.payload(WIRE));
    }
}
