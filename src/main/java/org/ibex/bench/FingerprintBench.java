package org.ibex.bench;

import org.ibex.node.Progress;

import org.ibex.biometrics.FingerImage;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FingerProbe;
import org.ibex.biometrics.FingerTemplate;
import org.ibex.biometrics.QualityLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Fingerprint accuracy and speed on FVC-style folders: SourceAFIS single-finger error rates per database and
 * pooled, two-finger fusion on chimeric subjects, extraction time per image and comparisons per second.
 * Templates live in memory only. The last line is {@code FNMR@1e-4=<pooled single-finger FNMR>} for scripts.
 */
@Command(name = "fingerprints", mixinStandardHelpOptions = true,
        description = "Benchmark fingerprint matching on FVC-style folders (DBn_B/FFF_I.tif).")
public final class FingerprintBench implements Callable<Integer> {
    private static final int WARM_UP_IMAGES = 16;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "folder holding DB1_B … with FFF_I.tif images")
    public Path data;
    @Option(names = "--threads", defaultValue = "2", description = "threads for extraction and matching (default 2)")
    public int threads;
    @Option(names = "--dpi", paramLabel = "DB=DPI",
            description = "resolution of a database whose images carry none in their header, e.g. DB5_B=500; needed for"
                    + " every such database except FVC2002's (recognised by name and image size: DB2 569, others 500)")
    public Map<String, Double> dpi = new LinkedHashMap<>();

    /** One database's templates and the time each took. */
    private record Extracted(FvcDataset.Database database, FvcResolution resolution, List<FingerTemplate> templates,
                             FingerImage sample, long nanos, long cpuNanos) {
    }

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, was " + threads);
        }
        FvcDataset dataset = FvcDataset.load(data, dpi);
        // Decided before any work, so that a folder without resolutions is refused at once, naming the database.
        Map<String, FvcResolution> resolutions = new LinkedHashMap<>();
        dataset.databases().forEach(d -> resolutions.put(d.name(), FvcResolution.of(d, dpi)));
        int images = dataset.databases().stream().mapToInt(d -> d.impressions().size()).sum();
        System.out.printf("fingerprint benchmark: %s, %d databases, %d images, SourceAFIS, %d threads%n", data,
                dataset.databases().size(), images, threads);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            List<Extracted> extracted = extract(dataset, resolutions, pool, images);
            List<FvcScores> scores = match(extracted, pool);
            FingerprintReport.print(extracted.stream().map(e -> e.database().name()).toList(), scores, System.out);
        } finally {
            pool.shutdown();
        }
        return 0;
    }

    private List<Extracted> extract(FvcDataset dataset, Map<String, FvcResolution> resolutions, ForkJoinPool pool,
                                    int images) throws Exception {
        FvcDataset.Database firstDatabase = dataset.databases().get(0);
        warmUp(firstDatabase, resolutions.get(firstDatabase.name()).dpi(), pool);
        Progress progress = new Progress("extract", images);
        long started = System.nanoTime();
        List<Extracted> all = new ArrayList<>();
        for (FvcDataset.Database database : dataset.databases()) {
            AtomicLong nanos = new AtomicLong();
            AtomicLong cpu = new AtomicLong();
            List<FvcDataset.Impression> impressions = database.impressions();
            FvcResolution resolution = resolutions.get(database.name());
            List<FingerTemplate> templates = pool.submit(() -> impressions.parallelStream().map(impression -> {
                FingerImage image = decode(impression, resolution.dpi());
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                FingerTemplate template = FingerTemplate.extract(FingerPosition.UNKNOWN, image);
                cpu.addAndGet(CPU.getCurrentThreadCpuTime() - c0);
                nanos.addAndGet(System.nanoTime() - t0);
                synchronized (progress) {
                    progress.advance(1);
                }
                return template;
            }).toList()).get();
            all.add(new Extracted(database, resolution, templates, decode(impressions.get(0), resolution.dpi()),
                    nanos.get(), cpu.get()));
        }
        progress.done();
        double wall = (System.nanoTime() - started) / 1e9;
        for (Extracted e : all) {
            FingerImage first = e.sample();
            System.out.printf("  %-8s %3d fingers x %d impressions, %dx%d px, %.0f dpi (%s), extraction %.1f ms/image (%.1f ms CPU), quality %s%n",
                    e.database().name(), e.database().fingers().size(), e.database().impressionsPerFinger(), first.width(),
                    first.height(), first.dpi(), e.resolution().source(), e.nanos() / 1e6 / e.templates().size(), e.cpuNanos() / 1e6 / e.templates().size(), levels(e.templates()));
        }
        long totalNanos = all.stream().mapToLong(Extracted::nanos).sum();
        long totalCpu = all.stream().mapToLong(Extracted::cpuNanos).sum();
        System.out.printf("extraction (template and quality, file decoding excluded): %d images in %.1f s wall, %.1f ms/image"
                        + " on one thread (%.1f ms CPU: the difference is waiting for a shared core), %.1f images/s on %d threads%n",
                images, wall, totalNanos / 1e6 / images, totalCpu / 1e6 / images, images / wall, threads);
        return all;
    }

    /** Extracts a few images untimed first so that the first database's figure is not the JIT's compile time. */
    private static void warmUp(FvcDataset.Database database, double dpi, ForkJoinPool pool) throws Exception {
        List<FvcDataset.Impression> some = database.impressions().subList(0, Math.min(WARM_UP_IMAGES, database.impressions().size()));
        pool.submit(() -> some.parallelStream().forEach(i -> FingerTemplate.extract(FingerPosition.UNKNOWN, decode(i, dpi)))).get();
    }

    private static FingerImage decode(FvcDataset.Impression impression, double dpi) {
        try {
            return FingerImage.decode(Files.readAllBytes(impression.file()), dpi);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + impression.file(), e);
        }
    }

    private static String levels(List<FingerTemplate> templates) {
        Map<QualityLevel, Integer> counts = new EnumMap<>(QualityLevel.class);
        for (QualityLevel level : QualityLevel.values()) {
            counts.put(level, 0);
        }
        templates.forEach(t -> t.quality().ifPresent(q -> counts.merge(q.level(), 1, Integer::sum)));
        int median = templates.stream().mapToInt(t -> t.quality().orElseThrow().score()).sorted()
                .skip(templates.size() / 2).findFirst().orElse(0);
        return counts + " median " + median;
    }

    private List<FvcScores> match(List<Extracted> extracted, ForkJoinPool pool) throws Exception {
        long comparisons = extracted.stream().mapToLong(e -> (long) e.templates().size() * (e.templates().size() - 1) / 2).sum();
        Progress progress = new Progress("compare", comparisons);
        long started = System.nanoTime();
        AtomicLong cpu = new AtomicLong();
        List<FvcScores> all = new ArrayList<>();
        for (Extracted e : extracted) {
            List<FingerTemplate> templates = e.templates();
            int n = templates.size();
            double[][] scores = new double[n][];
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(a -> {
                long c0 = CPU.getCurrentThreadCpuTime();
                FingerProbe probe = new FingerProbe(templates.get(a));
                double[] row = new double[n];
                for (int b = a + 1; b < n; b++) {
                    row[b] = probe.score(templates.get(b));
                }
                scores[a] = row;
                cpu.addAndGet(CPU.getCurrentThreadCpuTime() - c0);
                synchronized (progress) {
                    progress.advance(n - 1 - a);
                }
            })).get();
            all.add(new FvcScores(e.database().fingers().size(), e.database().impressionsPerFinger(), scores));
        }
        progress.done();
        double wall = (System.nanoTime() - started) / 1e9;
        System.out.printf("matching: %d comparisons (every pair inside each database once) in %.1f s, %.0f comparisons/s on %d"
                + " threads, %.0f per CPU second%n", comparisons, wall, comparisons / wall, threads, comparisons / (cpu.get() / 1e9));
        return all;
    }
}
