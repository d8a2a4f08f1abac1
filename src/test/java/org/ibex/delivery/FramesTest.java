package org.ibex.delivery;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FramesTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void partsComeBackInOrderAndIntact() {
        List<byte[]> parts = List.of(bytes("first"), new byte[]{0, '\n', (byte) 0xff}, bytes("third"));

        List<byte[]> decoded = Frames.decode(Frames.encode(parts));

        assertThat(decoded).hasSize(3);
        for (int i = 0; i < parts.size(); i++) {
            assertThat(decoded.get(i)).isEqualTo(parts.get(i));
        }
    }

    @Test
    void refusesAnEmptyBatchAndAnEmptyPart() {
        assertThatThrownBy(() -> Frames.decode(new byte[0])).hasMessageContaining("no parts");
        assertThatThrownBy(() -> Frames.decode(new byte[]{0, 0, 0, 0})).hasMessageContaining("part 0: length 0");
    }

    @Test
    void refusesEveryTruncationWithTheNumberOfThePart() {
        byte[] batch = Frames.encode(List.of(bytes("alpha"), bytes("beta")));
        for (int cut = 1; cut < batch.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(batch, cut);
            if (cut == 9) {
                // Exactly the first frame: a valid batch of one.
                assertThat(Frames.decode(truncated)).hasSize(1);
                continue;
            }
            assertThatThrownBy(() -> Frames.decode(truncated)).as("cut at %d", cut)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch part");
        }
    }

    @Test
    void aForgedLengthCannotMakeItAllocate() {
        byte[] forged = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(7).array();
        assertThatThrownBy(() -> Frames.decode(forged)).hasMessageContaining("length 2147483647 must be 1 to the 4");
        byte[] negative = ByteBuffer.allocate(8).putInt(-5).putInt(7).array();
        assertThatThrownBy(() -> Frames.decode(negative)).hasMessageContaining("length -5");
    }

    @Test
    void refusesMoreThanTheMostPartsOnBothSides() {
        List<byte[]> many = new ArrayList<>(Collections.nCopies(Frames.MAX_PARTS + 1, new byte[]{1}));
        assertThatThrownBy(() -> Frames.encode(many)).hasMessageContaining("at most " + Frames.MAX_PARTS);
        ByteBuffer wire = ByteBuffer.allocate((Frames.MAX_PARTS + 1) * 5);
        for (int i = 0; i <= Frames.MAX_PARTS; i++) {
            wire.putInt(1).put((byte) 1);
        }
        assertThatThrownBy(() -> Frames.decode(wire.array())).hasMessageContaining("more than " + Frames.MAX_PARTS);
    }

    @Test
    void randomBytesEndAsAnIllegalArgumentOrAValidSplit() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            try {
                List<byte[]> parts = Frames.decode(noise);
                assertThat(parts.stream().mapToInt(p -> p.length + 4).sum()).isEqualTo(noise.length);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).startsWith("batch");
            }
        }
    }
}
