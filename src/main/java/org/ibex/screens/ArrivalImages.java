package org.ibex.screens;

import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerImage;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.Minutiae;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pictures of a side-by-side review, as PNG. The node keeps templates, never images, of the persons it enrols,
 * so a candidate is drawn from its enrolled minutiae; the officer's own probe images are kept here in memory, a few
 * searches for a short while, and fall back to the probe's minutiae once gone. Nothing is written to disk.
 */
final class ArrivalImages {
    /** Searches whose probe images stay viewable: a desk reviews the last few, not a day's. */
    private static final int KEPT_SEARCHES = 32;
    private static final Duration KEPT_FOR = Duration.ofHours(2);
    /** Images are shown at most this many pixels a side: enough to compare ridges, light over a slow link. */
    private static final int MAX_SIDE = 400;
    private static final Color INK = new Color(0x0b, 0x0c, 0x0c);
    private static final Color ENDING = new Color(0x1d, 0x4f, 0x91);
    private static final Color BIFURCATION = new Color(0xa0, 0x1c, 0x12);
    private final Clock clock;
    private final Map<Long, Kept> probes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
            return size() > KEPT_SEARCHES;
        }
    };

    private record Kept(Instant at, Map<FingerPosition, byte[]> pngs) {
    }

    ArrivalImages(Clock clock) {
        this.clock = clock;
    }

    /** Keeps the probe images of a search just made, as the officer will compare them. */
    void keep(long identificationId, List<FingerCapture> captures) {
        Map<FingerPosition, byte[]> pngs = new EnumMap<>(FingerPosition.class);
        for (FingerCapture capture : captures) {
            FingerImage image = capture.decode();
            pngs.put(capture.position(), png(scaled(image)));
        }
        synchronized (probes) {
            probes.put(identificationId, new Kept(clock.instant(), pngs));
        }
    }

    /** The probe image of a finger if still kept. */
    Optional<byte[]> probe(long identificationId, FingerPosition position) {
        synchronized (probes) {
            Kept kept = probes.get(identificationId);
            if (kept == null || kept.at().plus(KEPT_FOR).isBefore(clock.instant())) {
                probes.remove(identificationId);
                return Optional.empty();
            }
            return Optional.ofNullable(kept.pngs().get(position));
        }
    }

    /** Minutiae drawn as an examiner marks them: endings as circles, bifurcations as squares, each with its direction. */
    static byte[] minutiae(Minutiae minutiae) {
        int width = Math.max(1, minutiae.width());
        int height = Math.max(1, minutiae.height());
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
        BufferedImage image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(INK);
            g.drawRect(0, 0, image.getWidth() - 1, image.getHeight() - 1);
            g.setStroke(new BasicStroke(2f));
            for (int i = 0; i < minutiae.size(); i++) {
                int x = (int) Math.round(minutiae.x()[i] * scale);
                int y = (int) Math.round(minutiae.y()[i] * scale);
                boolean ending = minutiae.types().charAt(i) == 'E';
                g.setColor(ending ? ENDING : BIFURCATION);
                if (ending) {
                    g.drawOval(x - 4, y - 4, 8, 8);
                } else {
                    g.drawRect(x - 4, y - 4, 8, 8);
                }
                double direction = minutiae.direction()[i];
                g.drawLine(x, y, x + (int) Math.round(12 * Math.cos(direction)),
                        y + (int) Math.round(12 * Math.sin(direction)));
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static BufferedImage scaled(FingerImage finger) {
        BufferedImage gray = finger.picture();
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(finger.width(), finger.height()));
        if (scale >= 1.0) {
            return gray;
        }
        BufferedImage small = new BufferedImage(Math.max(1, (int) (finger.width() * scale)),
                Math.max(1, (int) (finger.height() * scale)), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(gray, 0, 0, small.getWidth(), small.getHeight(), null);
        } finally {
            g.dispose();
        }
        return small;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing PNG to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
