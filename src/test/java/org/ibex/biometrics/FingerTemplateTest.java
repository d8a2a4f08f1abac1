package org.ibex.biometrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerTemplateTest {

    @Test
    void aClearFvcPrintIsCapturedAsGood() {
        FingerTemplate template = FingerTemplate.capture(FingerPosition.RIGHT_INDEX, FvcSamples.db1(101, 1));

        FingerQuality quality = template.quality().orElseThrow();
        assertThat(quality.level()).as("FVC2002 DB1 101_1 is a clear print: %s", quality).isEqualTo(QualityLevel.GOOD);
        assertThat(quality.minutiae()).isGreaterThanOrEqualTo(FingerQuality.MIN_MINUTIAE);
        assertThat(quality.problems()).isEmpty();
        assertThat(template.position()).isEqualTo(FingerPosition.RIGHT_INDEX);
    }

    @Test
    void aBlankImageIsRefusedWithWhatToDoInstead() {
        assertThatThrownBy(() -> FingerTemplate.capture(FingerPosition.LEFT_THUMB, FvcSamples.blank()))
                .isInstanceOf(UnusableFingerException.class)
                .hasMessageContaining("left thumb refused")
                .hasMessageContaining("0 minutiae found, at least 12 needed")
                .hasMessageContaining("record it as missing with a reason");
    }

    @Test
    void randomNoiseIsRefusedThoughItHasContrast() {
        FingerQuality quality = FingerTemplate.extract(FingerPosition.UNKNOWN, FvcSamples.noise()).quality().orElseThrow();

        assertThat(quality.ridgeShare()).as("noise has no oriented ridges: %s", quality).isLessThan(FingerQuality.MIN_RIDGE_SHARE);
        assertThat(quality.level()).isEqualTo(QualityLevel.UNUSABLE);
    }

    @Test
    void theImageResolutionIsAssumedOnlyWhenTheTiffHasNone() {
        FingerImage image = FingerImage.decode(FvcSamples.file("DB2_B", "101_1.tif"), 569);

        assertThat(image.dpiFromHeader()).as("FVC2002 TIFFs carry no resolution tag").isFalse();
        assertThat(image.dpi()).isEqualTo(569);
        assertThat(image.width()).isEqualTo(296);
        assertThat(image.height()).isEqualTo(560);
    }

    @Test
    void aStoredTemplateMatchesAsTheOriginalDoes() {
        FingerTemplate original = FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 1);
        FingerTemplate candidate = FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 2);

        FingerTemplate stored = FingerTemplate.fromBytes(FingerPosition.RIGHT_INDEX, original.toByteArray());

        assertThat(new FingerProbe(stored).score(candidate)).isEqualTo(new FingerProbe(original).score(candidate));
        assertThat(stored.minutiae()).isEqualTo(original.minutiae());
        assertThat(stored.quality()).as("quality belongs to the capture, not the stored template").isEmpty();
    }

    @Test
    void isoTemplatesOfTheSameFingerMatch() {
        FingerTemplate probe = FingerTemplate.fromIso(FingerPosition.UNKNOWN, FvcSamples.file("DB1_B", "101_1.iso"));
        FingerTemplate same = FingerTemplate.fromIso(FingerPosition.UNKNOWN, FvcSamples.file("DB1_B", "101_2.iso"));

        assertThat(probe.minutiae()).isPositive();
        assertThat(new FingerProbe(probe).score(same)).isPositive();
    }

    @Test
    void toStringLeavesTheBiometricDataOut() {
        assertThat(FvcSamples.db1(101, 1).toString()).isEqualTo("FingerImage[388x374, 500.0 dpi assumed]");
        assertThat(FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 1).toString()).startsWith("FingerTemplate[RIGHT_INDEX, ");
    }
}
