package org.ibex.biometrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerSetTest {

    @Test
    void aPositionIsEitherCapturedOrMissingNotBoth() {
        FingerTemplate thumb = FvcSamples.template(FingerPosition.RIGHT_THUMB, 101, 1);

        assertThatThrownBy(() -> FingerSet.of(List.of(thumb), List.of(new MissingFinger(FingerPosition.RIGHT_THUMB, MissingReason.AMPUTATED))))
                .hasMessageContaining("right thumb is recorded twice");
    }

    @Test
    void missingFingersKeepTheirReasonPerPosition() {
        FingerSet child = FingerSet.of(List.of(), List.of(new MissingFinger(FingerPosition.LEFT_INDEX, MissingReason.TOO_YOUNG)));

        assertThat(child.missing(FingerPosition.LEFT_INDEX)).map(MissingFinger::reason).contains(MissingReason.TOO_YOUNG);
        assertThat(child.capturedPositions()).isEmpty();
    }

    @Test
    void anOtherReasonNeedsANote() {
        assertThatThrownBy(() -> new MissingFinger(FingerPosition.LEFT_RING, MissingReason.OTHER))
                .hasMessageContaining("needs a note");
    }

    @Test
    void positionsUseTheIsoCodes() {
        assertThat(FingerPosition.ofCode(1)).isEqualTo(FingerPosition.RIGHT_THUMB);
        assertThat(FingerPosition.ofCode(10)).isEqualTo(FingerPosition.LEFT_LITTLE);
        assertThat(FingerPosition.UNKNOWN.code()).isZero();
        assertThatThrownBy(() -> FingerPosition.ofCode(11)).hasMessageContaining("0 (unknown) to 10 (left little)");
    }
}
