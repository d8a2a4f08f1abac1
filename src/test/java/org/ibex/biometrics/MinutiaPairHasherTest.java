package org.ibex.biometrics;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MinutiaPairHasherTest {
    @Test
    void aRotatedAndShiftedCopyFindsEveryPairHashAtOneRotation() {
        Minutiae original = Minutiae.parse(FvcSamples.template(104, 1).toByteArray());
        Minutiae moved = rotateAndShift(original, Math.toRadians(25), 30, -20);
        MinutiaPairHasher.Pairs gallery = MinutiaPairHasher.gallery(original);
        MinutiaPairHasher.Pairs probe = MinutiaPairHasher.probe(moved);
        Set<Integer> looked = new HashSet<>();
        for (int k = 0; k < probe.count(); k++) {
            looked.add(probe.keys()[k]);
        }
        int found = 0;
        for (int k = 0; k < gallery.count(); k++) {
            found += looked.contains(gallery.keys()[k]) ? 1 : 0;
        }

        assertThat(gallery.count()).as("a real finger has pairs in the hashed distance range").isGreaterThan(50);
        assertThat((double) found / gallery.count()).as("hashes survive rotation and translation").isGreaterThan(0.95);
    }

    @Test
    void aProbeLooksUpBothOrdersOfEachPairAndTheNearerNeighbourBins() {
        Minutiae two = new Minutiae("test", 300, 300, new short[] {100, 150}, new short[] {100, 100},
                new float[] {0.3f, 2.0f}, "EB");

        assertThat(MinutiaPairHasher.gallery(two).count()).isEqualTo(1);
        assertThat(MinutiaPairHasher.probe(two).count()).as("2 orders x 2 distance x 2 x 2 angle bins").isEqualTo(16);
    }

    private static Minutiae rotateAndShift(Minutiae m, double angle, int dx, int dy) {
        int n = m.size();
        short[] x = new short[n];
        short[] y = new short[n];
        float[] direction = new float[n];
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int i = 0; i < n; i++) {
            x[i] = (short) Math.round(m.x()[i] * cos - m.y()[i] * sin + dx + 200);
            y[i] = (short) Math.round(m.x()[i] * sin + m.y()[i] * cos + dy);
            direction[i] = (float) ((m.direction()[i] + angle) % (2 * Math.PI));
        }
        return new Minutiae(m.version(), m.width() + 400, m.height() + 400, x, y, direction, m.types());
    }
}
