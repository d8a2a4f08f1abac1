package org.ibex.bench;

import org.ibex.biometrics.FingerImage;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FingerQuality;
import org.ibex.biometrics.FingerTemplate;
import org.ibex.confirmation.ProbeFinger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The prints of {@code bench hitnohit}: the real FVC fingers taken in turn, one enrolled at the responder (its first
 * impression) and the next held out; synthetic fingers derived from the enrolled ones fill the gallery. Mated probes
 * are other impressions of enrolled fingers, non-mated probes impressions of held-out fingers, alternating.
 */
final class PartnerFingers {
    /** Every finger is enrolled and probed as a right index, so the index compares like with like. */
    static final FingerPosition POSITION = FingerPosition.RIGHT_INDEX;

    /**
     * One probe: its number, the gallery number of its enrolled finger (null for a finger held out), which image it
     * is, and the finger as sent.
     */
    record Probe(int number, Integer mate, String image, FingerTemplate template, ProbeFinger finger) {
        boolean mated() {
            return mate != null;
        }

        @Override
        public String toString() {
            return "Probe[" + number + ", " + (mated() ? "mate of gallery finger " + mate : "non-mated") + ", "
                    + image + "]";
        }
    }

    /** The gallery as SourceAFIS template bytes (real fingers first), how many are real, and the probes. */
    record Built(List<byte[]> gallery, int real, List<Probe> probes) {
    }

    /** An image of the data; {@code finger} numbers the fingers in the order they are read. */
    private record Image(String name, Path file, double dpi, int finger) {
    }

    private final Path data;
    private final long seed;
    private final int cores;

    PartnerFingers(Path data, long seed, int cores) {
        this.data = data;
        this.seed = seed;
        this.cores = cores;
    }

    /** The smallest gallery the data allows: every enrolled real finger. */
    int realFingers() {
        return (fingers().size() + 1) / 2;
    }

    Built build(int gallerySize, int probeCount) throws Exception {
        List<List<Image>> fingers = fingers();
        List<Image> enrolled = new ArrayList<>();
        List<Image> mated = new ArrayList<>();
        List<Image> nonMated = new ArrayList<>();
        for (int k = 0; k < fingers.size(); k++) {
            List<Image> impressions = fingers.get(k);
            if (k % 2 == 0) {
                enrolled.add(impressions.get(0));
                mated.addAll(impressions.subList(1, impressions.size()));
            } else {
                nonMated.addAll(impressions);
            }
        }
        if (mated.isEmpty() || nonMated.isEmpty()) {
            throw new IllegalArgumentException("--data " + data + " must hold at least two fingers with two or more"
                    + " impressions each (FFF_I.tif), to probe with mated and non-mated prints");
        }
        Random random = new Random(seed);
        Collections.shuffle(mated, random);
        Collections.shuffle(nonMated, random);
        List<Image> probeImages = new ArrayList<>();
        for (int i = 0; i < probeCount; i++) {
            // Alternating, so that the two kinds see the same moments of the run; a pool smaller than the run repeats.
            List<Image> pool = i % 2 == 0 ? mated : nonMated;
            probeImages.add(pool.get((i / 2) % pool.size()));
        }
        FingerTemplate[] real = extract("extract real", enrolled);
        FingerTemplate[] probed = extract("extract probes", probeImages);
        List<byte[]> gallery = new ArrayList<>(gallerySize);
        List<byte[]> sources = new ArrayList<>();
        for (FingerTemplate template : real) {
            sources.add(template.toByteArray());
        }
        gallery.addAll(sources);
        SyntheticFingers synthetic = new SyntheticFingers(sources, SyntheticFingers.Perturbation.defaults(),
                new Random(seed + 1));
        while (gallery.size() < gallerySize) {
            gallery.add(synthetic.next());
        }
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < probeCount; i++) {
            FingerTemplate template = probed[i];
            // Finger k, when enrolled (k even), is gallery finger k / 2: the real fingers come first, in order.
            Integer mate = i % 2 == 0 ? probeImages.get(i).finger() / 2 : null;
            probes.add(new Probe(i, mate, probeImages.get(i).name(), template, ProbeFinger.of(template,
                    template.quality().map(FingerQuality::score).orElse(null))));
        }
        return new Built(gallery, real.length, probes);
    }

    private FingerTemplate[] extract(String label, List<Image> images) throws Exception {
        FingerTemplate[] out = new FingerTemplate[images.size()];
        LoadRun.run(label, images.size(), cores, i -> out[i] = FingerTemplate.extract(POSITION,
                FingerImage.decode(Files.readAllBytes(images.get(i).file()), images.get(i).dpi())));
        return out;
    }

    /** Each finger's impressions in order, database by database. */
    private List<List<Image>> fingers() {
        List<List<Image>> fingers = new ArrayList<>();
        for (FvcDataset.Database database : FvcDataset.load(data, Map.of()).databases()) {
            for (int finger : database.fingers()) {
                List<Image> impressions = new ArrayList<>();
                database.impressions().stream().filter(i -> i.finger() == finger)
                        .sorted(java.util.Comparator.comparingInt(FvcDataset.Impression::impression))
                        .forEach(i -> impressions.add(new Image(database.name() + "/" + finger + "_" + i.impression(),
                                i.file(), database.assumedDpi(), fingers.size())));
                fingers.add(impressions);
            }
        }
        return fingers;
    }
}
