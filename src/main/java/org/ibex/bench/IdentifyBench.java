package org.ibex.bench;

import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import org.ibex.biometrics.Candidate;
import org.ibex.biometrics.FingerprintIndex;
import org.ibex.biometrics.IndexParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 1:N identification benchmark on FVC-style data: impression 1 of every real finger is enrolled among synthetic
 * fingers up to the gallery size, and the other impressions search for it. The index and a brute-force SourceAFIS
 * scan are measured in the same run; brute force on an evenly spread subset of probes, and the index's rank-1
 * is also given on that subset.
 */
@Command(name = "identify", mixinStandardHelpOptions = true, description = "Benchmark 1:N fingerprint identification.")
public final class IdentifyBench implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "FVC-style folder of DBn_B/FFF_I.tif")
    public Path data;
    @Option(names = "--gallery", defaultValue = "100000", description = "enrolled fingers, real and synthetic")
    public int gallery;
    @Option(names = "--short-list", defaultValue = "150", description = "candidates SourceAFIS rescores")
    public int shortList;
    @Option(names = "--brute-probes", defaultValue = "40", description = "probes also searched by brute force (-1: all)")
    public int bruteProbes;
    @Option(names = "--threads", description = "cores to use (default: all)")
    public Integer threads;
    @Option(names = "--seed", defaultValue = "2026")
    public long seed;

    /** A probe impression and the gallery id of its enrolled mate. */
    private record Probe(FingerprintTemplate template, int mate) {
    }

    @Override
    public Integer call() throws Exception {
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<Impression> impressions = impressions(data);
        printResolutions(impressions);
        FingerprintTemplate[] extracted = new FingerprintTemplate[impressions.size()];
        LoadRun.Result extraction = LoadRun.run("extract", impressions.size(), cores, i -> {
            Impression m = impressions.get(i);
            extracted[i] = new FingerprintTemplate(new FingerprintImage(Files.readAllBytes(m.file()),
                    new FingerprintImageOptions().dpi(m.dpi())));
        });
        System.out.printf("extracted %d templates at %.0f/s%n", extracted.length, extraction.perSecond());

        Map<String, Integer> mates = new LinkedHashMap<>();
        List<byte[]> enrolled = new ArrayList<>();
        List<byte[]> sources = new ArrayList<>();
        for (int i = 0; i < impressions.size(); i++) {
            sources.add(extracted[i].toByteArray());
            if (impressions.get(i).impression() == 1) {
                mates.put(impressions.get(i).finger(), enrolled.size());
                enrolled.add(sources.get(i));
            }
        }
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < impressions.size(); i++) {
            Integer mate = mates.get(impressions.get(i).finger());
            if (impressions.get(i).impression() != 1 && mate != null) {
                probes.add(new Probe(extracted[i], mate));
            }
        }
        int real = enrolled.size();
        if (gallery < real || probes.isEmpty()) {
            throw new IllegalArgumentException("--gallery " + gallery + " must hold the " + real
                    + " real fingers, and the data needs impressions beyond the first to probe with");
        }
        SyntheticFingers.Perturbation perturbation = SyntheticFingers.Perturbation.defaults();
        SyntheticFingers synthetic = new SyntheticFingers(sources, perturbation, new Random(seed));
        while (enrolled.size() < gallery) {
            enrolled.add(synthetic.next());
        }
        System.out.printf("gallery: %d real fingers (impression 1) + %d synthetic (%s) = %d; %d probes (other impressions)%n",
                real, gallery - real, perturbation, gallery, probes.size());

        IndexParameters parameters = new IndexParameters(shortList, cores);
        long heapBefore = LoadRun.usedHeap();
        try (FingerprintIndex index = new FingerprintIndex(parameters)) {
            LoadRun.Result build = LoadRun.run("enrol", gallery, cores, i -> index.add(i, 0, enrolled.get(i)));
            long heap = LoadRun.usedHeap() - heapBefore;
            System.out.printf("index built from template bytes in %.1f s (%.0f fingers/s on %d threads); %.0f pair hashes"
                            + " per finger (%d B); heap %.0f MB, %.1f KB per finger (most of it the SourceAFIS templates"
                            + " kept for rescoring)%n", gallery / build.perSecond(), build.perSecond(), cores,
                    index.postings() / (double) gallery, index.postings() * 4 / gallery, heap / 1e6, heap / 1e3 / gallery);
            IdentifyRuns runs = new IdentifyRuns(probes.size());
            LoadRun.Result indexed = LoadRun.run("identify", probes.size(), 1, i -> {
                List<Candidate> found = index.identify(probes.get(i).template(), shortList);
                runs.recordIndex(i, probes.get(i).mate(), found);
            });
            int[] subset = subset(probes.size());
            FingerprintTemplate[] templates = new FingerprintTemplate[gallery];
            LoadRun.run("templates", gallery, cores, i -> templates[i] = new FingerprintTemplate(enrolled.get(i)));
            LoadRun.Result brute = bruteForce(probes, subset, templates, cores, runs);
            printMateAndImpostorScores(probes, templates, real, runs);
            runs.print(gallery, shortList, indexed, brute, subset);
        }
        return 0;
    }

    private LoadRun.Result bruteForce(List<Probe> probes, int[] subset, FingerprintTemplate[] templates, int cores,
                                      IdentifyRuns runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            return LoadRun.run("brute force", subset.length, 1, k -> {
                FingerprintMatcher matcher = new FingerprintMatcher(probes.get(subset[k]).template());
                List<Future<long[]>> parts = new ArrayList<>();
                for (int t = 0; t < cores; t++) {
                    int part = t;
                    parts.add(pool.submit(() -> best(matcher, templates, part, cores)));
                }
                double bestScore = -1;
                int bestId = -1;
                for (Future<long[]> f : parts) {
                    long[] r = f.get();
                    double score = Double.longBitsToDouble(r[0]);
                    if (score > bestScore) {
                        bestScore = score;
                        bestId = (int) r[1];
                    }
                }
                runs.recordBrute(k, bestId == probes.get(subset[k]).mate());
            });
        } finally {
            pool.shutdown();
        }
    }

    /** The best score and its gallery id among every {@code step}-th template from {@code from}. */
    private static long[] best(FingerprintMatcher matcher, FingerprintTemplate[] templates, int from, int step) {
        double best = -1;
        int id = -1;
        for (int i = from; i < templates.length; i += step) {
            double score = matcher.match(templates[i]);
            if (score > best) {
                best = score;
                id = i;
            }
        }
        return new long[] {Double.doubleToLongBits(best), id};
    }

    private void printMateAndImpostorScores(List<Probe> probes, FingerprintTemplate[] templates, int real,
                                            IdentifyRuns runs) {
        Random random = new Random(seed + 1);
        List<Double> realImpostors = new ArrayList<>();
        List<Double> syntheticImpostors = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            FingerprintMatcher matcher = new FingerprintMatcher(probes.get(i).template());
            runs.recordMateScore(i, matcher.match(templates[probes.get(i).mate()]));
            for (int r = 0; r < real; r++) {
                if (r != probes.get(i).mate()) {
                    realImpostors.add(matcher.match(templates[r]));
                    if (templates.length > real) {
                        syntheticImpostors.add(matcher.match(templates[real + random.nextInt(templates.length - real)]));
                    }
                }
            }
        }
        System.out.printf("impostor SourceAFIS scores against the probes (%d each): real fingers %s; synthetic %s%n",
                realImpostors.size(), IdentifyRuns.describe(realImpostors), IdentifyRuns.describe(syntheticImpostors));
    }

    /** Evenly spread probe numbers for the brute-force scan. */
    private int[] subset(int probes) {
        int count = bruteProbes < 0 ? probes : Math.min(bruteProbes, probes);
        int[] subset = new int[count];
        for (int k = 0; k < count; k++) {
            subset[k] = (int) ((long) k * probes / count);
        }
        return subset;
    }

    /** One image of the FVC layout, its finger ("DB1_B/101"), impression number and the resolution assumed. */
    private record Impression(String finger, int impression, Path file, double dpi) {
    }

    private static List<Impression> impressions(Path data) {
        List<Impression> out = new ArrayList<>();
        for (FvcDataset.Database database : FvcDataset.load(data, Map.of()).databases()) {
            for (FvcDataset.Impression i : database.impressions()) {
                out.add(new Impression(database.name() + "/" + i.finger(), i.impression(), i.file(), database.assumedDpi()));
            }
        }
        return out;
    }

    private static void printResolutions(List<Impression> impressions) {
        Map<String, String> resolutions = new TreeMap<>();
        for (Impression m : impressions) {
            resolutions.putIfAbsent(m.finger().substring(0, m.finger().indexOf('/')), String.format("%.0f dpi", m.dpi()));
        }
        System.out.println("resolutions (FVC2002 images carry none; the documented values): " + resolutions);
    }
}
