package org.ibex.biometrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bound on a finger image's encoded bytes, which no request can reach today (the body limit is lower). */
class FingerImageBoundsTest {

    @Test
    void aFingerImageOfMoreThanFiveMebibytesIsRefusedBeforeDecoding() {
        byte[] png = SampleFiles.bytes("sample-wsq-decoded.png");
        byte[] padded = Arrays.copyOf(png, (int) Limits.FINGER_MAX_ENCODED_BYTES + 1);

        assertThatThrownBy(() -> FingerImage.decode(padded, 500)).isInstanceOf(ImageRefusedException.class)
                .hasMessageContaining("may have at most " + Limits.FINGER_MAX_ENCODED_BYTES)
                .extracting("refusal").isEqualTo(ImageRefusedException.Refusal.TOO_MANY_BYTES);
    }

    @Test
    void anOversizedBase64ImageIsRefusedBeforeItIsDecoded() {
        String base64 = Base64.getEncoder().encodeToString(new byte[(int) Limits.FINGER_MAX_ENCODED_BYTES + 8192]);

        assertThatThrownBy(() -> FingerCapture.fromBase64(2, base64, 500.0)).isInstanceOf(ImageRefusedException.class)
                .extracting("refusal").isEqualTo(ImageRefusedException.Refusal.TOO_MANY_BYTES);
    }

    @Test
    void theRealWsqSampleStillDecodesAsAFinger() {
        FingerImage image = new FingerCapture(FingerPosition.RIGHT_INDEX, SampleFiles.bytes("sample.wsq"), 500).decode();

        assertThat(image.width()).as("sample.wsq is a real print within the finger bounds").isPositive()
                .isLessThanOrEqualTo(Limits.FINGER_MAX_SIDE);
    }
}
