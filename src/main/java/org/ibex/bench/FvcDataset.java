package org.ibex.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder laid out as the FVC competitions publish them: one subfolder per database ({@code DB1_B} …) holding
 * {@code FFF_I.tif} (finger FFF, impression I). FVC TIFFs carry no resolution tag, so each database's dpi is
 * assumed: 569 for a database named DB2 (FVC2002 DB2), 500 otherwise, unless the caller says differently.
 */
public record FvcDataset(Path folder, List<Database> databases) {
    private static final Pattern DATABASE = Pattern.compile("(DB\\d+)(_[AB])?");
    private static final Pattern IMAGE = Pattern.compile("(\\d+)_(\\d+)\\.(tif|tiff|png|bmp)", Pattern.CASE_INSENSITIVE);
    /** FVC2002's documented resolutions; the other databases are about 500 dpi. */
    private static final Map<String, Double> FVC2002_DPI = Map.of("DB2", 569.0);
    private static final double USUAL_DPI = 500;

    /** One image file: finger id and impression number as the file name gives them. */
    public record Impression(int finger, int impression, Path file) {
    }

    /** One database: its name, the resolution assumed where the header has none, its images by finger then impression. */
    public record Database(String name, double assumedDpi, List<Impression> impressions) {
        public Database {
            impressions = List.copyOf(impressions);
        }

        public List<Integer> fingers() {
            return impressions.stream().map(Impression::finger).distinct().sorted().toList();
        }

        public int impressionsPerFinger() {
            return (int) impressions.stream().filter(i -> i.finger() == impressions.get(0).finger()).count();
        }
    }

    public FvcDataset {
        databases = List.copyOf(databases);
    }

    /**
     * Reads the layout under {@code folder}; {@code dpiOverrides} maps a database name (e.g. "DB2_B" or "DB2")
     * to the resolution to assume for it.
     */
    public static FvcDataset load(Path folder, Map<String, Double> dpiOverrides) {
        List<Database> databases = new ArrayList<>();
        for (Path dir : list(folder)) {
            Matcher name = DATABASE.matcher(dir.getFileName().toString());
            if (Files.isDirectory(dir) && name.matches()) {
                double dpi = dpiOverrides.getOrDefault(name.group(), dpiOverrides.getOrDefault(name.group(1),
                        FVC2002_DPI.getOrDefault(name.group(1), USUAL_DPI)));
                databases.add(new Database(name.group(), dpi, impressions(dir)));
            }
        }
        if (databases.isEmpty()) {
            throw new IllegalArgumentException("no FVC databases under " + folder
                    + ": expected subfolders such as DB1_B holding FFF_I.tif images (finger FFF, impression I)");
        }
        return new FvcDataset(folder, databases);
    }

    private static List<Impression> impressions(Path dir) {
        List<Impression> impressions = new ArrayList<>();
        for (Path file : list(dir)) {
            Matcher m = IMAGE.matcher(file.getFileName().toString());
            if (m.matches()) {
                impressions.add(new Impression(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), file));
            }
        }
        impressions.sort(Comparator.comparingInt(Impression::finger).thenComparingInt(Impression::impression));
        Map<Integer, Integer> perFinger = new TreeMap<>();
        impressions.forEach(i -> perFinger.merge(i.finger(), 1, Integer::sum));
        if (perFinger.size() < 2 || perFinger.values().stream().distinct().count() != 1 || perFinger.get(impressions.get(0).finger()) < 2) {
            throw new IllegalArgumentException(dir + " must hold at least 2 fingers with the same number (at least 2)"
                    + " of FFF_I images each; found impressions per finger " + perFinger);
        }
        return impressions;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
