package org.ibex.biometrics;

import org.ibex.bench.SyntheticFingers;

import com.machinezoo.sourceafis.FingerprintTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerprintIndexTest {
    private static final int[] FINGERS = {101, 102, 103, 104, 105};
    private static final List<byte[]> ENROLLED = new ArrayList<>();
    private static FingerprintTemplate probe;

    @BeforeAll
    static void extractTemplates() {
        for (int finger : FINGERS) {
            ENROLLED.add(FvcSamples.template(finger, 1).toByteArray());
        }
        probe = FvcSamples.template(103, 3);
    }

    private static FingerprintIndex enrolFiveFingers() {
        FingerprintIndex index = new FingerprintIndex(new IndexParameters(10, 2));
        for (int i = 0; i < FINGERS.length; i++) {
            index.add(FINGERS[i], 2, ENROLLED.get(i));
        }
        return index;
    }

    @Test
    void anotherImpressionOfAnEnrolledFingerRanksFirstAboveTheSourceAfisThreshold() {
        try (FingerprintIndex index = enrolFiveFingers()) {
            List<Candidate> found = index.identify(probe, 3);

            assertThat(found).as("the best candidate is finger 103, enrolled from impression 1").isNotEmpty();
            assertThat(found.get(0).id()).isEqualTo(103);
            assertThat(found.get(0).fingerPosition()).isEqualTo(2);
            assertThat(found.get(0).score()).as("SourceAFIS score of the mate").isGreaterThan(40);
        }
    }

    @Test
    void aRemovedFingerIsNoLongerReturned() {
        try (FingerprintIndex index = enrolFiveFingers()) {
            assertThat(index.remove(103)).isTrue();

            assertThat(index.identify(probe, 10)).extracting(Candidate::id).doesNotContain(103L);
            assertThat(index.size()).isEqualTo(4);
            assertThat(index.remove(103)).as("already gone").isFalse();
        }
    }

    @Test
    void enrollingTheSameFingerOfAnIdAgainReplacesIt() {
        try (FingerprintIndex index = enrolFiveFingers()) {
            index.add(103, 2, ENROLLED.get(2));

            assertThat(index.size()).isEqualTo(FINGERS.length);
            assertThat(index.identify(probe, 10)).filteredOn(c -> c.id() == 103).hasSize(1);
        }
    }

    @Test
    void manyRemovalsCompactTheIndexAndItStillFindsTheMate() {
        try (FingerprintIndex index = enrolFiveFingers()) {
            SyntheticFingers synthetic = new SyntheticFingers(ENROLLED, SyntheticFingers.Perturbation.defaults(),
                    new Random(7));
            for (int i = 0; i < 300; i++) {
                index.add(1000 + i, 0, synthetic.next());
            }
            long postings = index.postings();
            for (int i = 0; i < 300; i += 2) {
                index.remove(1000 + i);
            }
            assertThat(index.postings()).as("half the synthetic fingers' pair hashes are dropped").isLessThan(postings);
            for (int i = 0; i < 300; i += 2) {
                index.add(2000 + i, 0, synthetic.next());
            }

            assertThat(index.size()).isEqualTo(FINGERS.length + 300);
            assertThat(index.identify(probe, 1)).extracting(Candidate::id).containsExactly(103L);
        }
    }

    @Test
    void loadsAnyNumberOfFingersPerIdAndRemovesThemTogether() {
        try (FingerprintIndex index = new FingerprintIndex(new IndexParameters(10, 1))) {
            index.add(7, 1, ENROLLED.get(0));
            index.add(7, 3, ENROLLED.get(2));

            assertThat(index.identify(probe, 1)).extracting(Candidate::fingerPosition).containsExactly(3);
            index.remove(7);
            assertThat(index.size()).isZero();
            assertThat(index.identify(probe, 5)).isEmpty();
        }
    }

    @Test
    void rejectsAFingerPositionOutOfRangeAndBytesThatAreNoTemplate() {
        try (FingerprintIndex index = new FingerprintIndex(IndexParameters.defaults())) {
            assertThatThrownBy(() -> index.add(1, 300, ENROLLED.get(0))).hasMessageContaining("finger position");
            assertThatThrownBy(() -> index.add(1, 1, new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
