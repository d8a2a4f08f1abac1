package org.ibex.bench;

import org.ibex.biometrics.FvcSamples;
import org.ibex.biometrics.Minutiae;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticFingersTest {
    @Test
    void aGalleryOfSyntheticFingersHoldsNoDuplicates() {
        byte[] source = FvcSamples.template(101, 1).toByteArray();
        SyntheticFingers synthetic = new SyntheticFingers(List.of(source), SyntheticFingers.Perturbation.defaults(),
                new Random(1));
        Set<ByteBuffer> templates = new HashSet<>();
        Set<String> minutiae = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            byte[] template = synthetic.next();
            templates.add(ByteBuffer.wrap(template));
            Minutiae m = Minutiae.parse(template);
            minutiae.add(java.util.Arrays.toString(m.x()) + java.util.Arrays.toString(m.y()));
        }

        assertThat(templates).as("2000 fingers from one source, all different").hasSize(2000);
        assertThat(minutiae).as("and different in their minutia positions, not only in bytes").hasSize(2000);
    }

    @Test
    void syntheticFingersAreReadableBySourceAfisAndImpostorsToTheirSource() {
        FingerprintTemplate source = FvcSamples.template(102, 1);
        SyntheticFingers synthetic = new SyntheticFingers(List.of(source.toByteArray()),
                SyntheticFingers.Perturbation.defaults(), new Random(2));
        FingerprintMatcher matcher = new FingerprintMatcher(source);
        for (int i = 0; i < 20; i++) {
            double score = matcher.match(new FingerprintTemplate(synthetic.next()));
            assertThat(score).as("a mirrored copy is another finger: below SourceAFIS's 0.01%% FMR threshold").isLessThan(40);
        }
    }

    @Test
    void sameSeedGivesTheSameGallery() {
        byte[] source = FvcSamples.template(101, 1).toByteArray();
        SyntheticFingers a = new SyntheticFingers(List.of(source), SyntheticFingers.Perturbation.defaults(), new Random(5));
        SyntheticFingers b = new SyntheticFingers(List.of(source), SyntheticFingers.Perturbation.defaults(), new Random(5));
        for (int i = 0; i < 10; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }
}
