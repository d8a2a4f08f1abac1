package org.ibex.bench;

import org.ibex.biometrics.Minutiae;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Made-up fingers for a large benchmark gallery, each derived from a real SourceAFIS template: mirrored (so that
 * no rigid motion maps it back onto its source, and it is an impostor to every real finger), rotated, shifted,
 * with minutiae dropped, moved and turned a little, and some spurious ones added. No two are identical.
 *
 * <p>Honest limits: siblings from one source still share most of its structure, so they are more alike than
 * strangers' fingers; and minutia positions keep a real finger's layout, mirrored. {@code ibex bench identify}
 * prints their SourceAFIS scores against probes beside those of real impostors.
 */
public final class SyntheticFingers {
    private static final int MIN_MINUTIAE = 8;

    /** How strongly each copy departs from its mirrored source. */
    public record Perturbation(double maxRotationDegrees, double maxShift, double dropOut, double positionJitter,
                               double angleJitter, double spurious) {
        /** The benchmark's settings: +-30 degrees, +-40 px, 25% dropped, 3 px and 0.12 rad jitter, 15% spurious. */
        public static Perturbation defaults() {
            return new Perturbation(30, 40, 0.25, 3, 0.12, 0.15);
        }

        @Override
        public String toString() {
            return String.format("mirrored, rotation +-%.0f deg, shift +-%.0f px, drop-out %.0f%%, jitter %.1f px"
                            + " and %.2f rad (sd), spurious %.0f%%", maxRotationDegrees, maxShift, dropOut * 100,
                    positionJitter, angleJitter, spurious * 100);
        }
    }

    private final List<Minutiae> sources;
    private final Perturbation perturbation;
    private final Random random;
    private final Set<ByteBuffer> made = new HashSet<>();

    /** Fingers derived from the given SourceAFIS templates (toByteArray form), drawn with the given randomness. */
    public SyntheticFingers(List<byte[]> templates, Perturbation perturbation, Random random) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("synthetic fingers need at least one real template to derive from");
        }
        List<Minutiae> parsed = new ArrayList<>();
        for (byte[] template : templates) {
            parsed.add(Minutiae.parse(template));
        }
        this.sources = List.copyOf(parsed);
        this.perturbation = perturbation;
        this.random = random;
    }

    /** The next synthetic finger as SourceAFIS template bytes, different from every one made before. */
    public byte[] next() {
        while (true) {
            Minutiae source = sources.get(random.nextInt(sources.size()));
            Minutiae finger = perturb(source);
            if (finger.size() < MIN_MINUTIAE) {
                continue;
            }
            byte[] template = finger.toTemplate();
            if (made.add(ByteBuffer.wrap(template))) {
                return template;
            }
        }
    }

    private Minutiae perturb(Minutiae source) {
        Perturbation p = perturbation;
        int w = source.width();
        int h = source.height();
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * p.maxRotationDegrees());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double shiftX = (random.nextDouble() * 2 - 1) * p.maxShift();
        double shiftY = (random.nextDouble() * 2 - 1) * p.maxShift();
        int n = source.size();
        int extra = (int) Math.round(n * p.spurious() * random.nextDouble() * 2);
        short[] x = new short[n + extra];
        short[] y = new short[n + extra];
        float[] direction = new float[n + extra];
        StringBuilder types = new StringBuilder(n + extra);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p.dropOut()) {
                continue;
            }
            // Mirror about the vertical axis: x turns to w - 1 - x, a direction theta to pi - theta.
            double dx = (w - 1 - source.x()[i]) - w / 2.0;
            double dy = source.y()[i] - h / 2.0;
            double px = w / 2.0 + dx * cos - dy * sin + shiftX + random.nextGaussian() * p.positionJitter();
            double py = h / 2.0 + dx * sin + dy * cos + shiftY + random.nextGaussian() * p.positionJitter();
            if (px < 0 || py < 0 || px >= w || py >= h) {
                continue;
            }
            x[count] = (short) px;
            y[count] = (short) py;
            direction[count] = angle(Math.PI - source.direction()[i] + angle + random.nextGaussian() * p.angleJitter());
            types.append(source.types().charAt(i));
            count++;
        }
        int minX = w;
        int minY = h;
        int maxX = 0;
        int maxY = 0;
        for (int i = 0; i < count; i++) {
            minX = Math.min(minX, x[i]);
            minY = Math.min(minY, y[i]);
            maxX = Math.max(maxX, x[i]);
            maxY = Math.max(maxY, y[i]);
        }
        // Spurious minutiae fall where the finger is, not on the empty background.
        for (int i = 0; i < extra && count > 0; i++) {
            x[count] = (short) (minX + random.nextInt(maxX - minX + 1));
            y[count] = (short) (minY + random.nextInt(maxY - minY + 1));
            direction[count] = angle(random.nextDouble() * 2 * Math.PI);
            types.append(random.nextBoolean() ? 'E' : 'B');
            count++;
        }
        return new Minutiae(source.version(), w, h, Arrays.copyOf(x, count), Arrays.copyOf(y, count),
                Arrays.copyOf(direction, count), types.toString());
    }

    private static float angle(double radians) {
        double a = radians % (2 * Math.PI);
        float f = (float) (a < 0 ? a + 2 * Math.PI : a);
        // Rounding to float can land on 2 pi itself, which SourceAFIS rejects as out of range.
        return f >= (float) (2 * Math.PI) ? 0 : f;
    }
}
