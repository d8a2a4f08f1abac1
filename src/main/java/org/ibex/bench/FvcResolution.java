package org.ibex.bench;

import org.ibex.biometrics.FingerImage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The resolution a benchmark uses for one database of an FVC-layout folder, and where it came from: the image
 * header when it has one; else {@code --dpi}; else, for a database that is FVC2002's (its name and image size),
 * the resolution FVC2002 publishes. Any other folder without resolutions is refused: a wrong dpi skews every score.
 */
public record FvcResolution(double dpi, String source) {
    /** FVC2002's databases: image width, height and published resolution (DB4 is synthetic, made at about 500). */
    private static final Map<String, int[]> FVC2002 = Map.of("DB1", new int[] {388, 374, 500},
            "DB2", new int[] {296, 560, 569}, "DB3", new int[] {300, 300, 500}, "DB4", new int[] {288, 384, 500});
    /** Any value decodes a header-less image; it is replaced below before anything is measured. */
    private static final double PROBE_DPI = 500;

    /** Decides from the first image of {@code database}; {@code given} holds the --dpi values by database name. */
    public static FvcResolution of(FvcDataset.Database database, Map<String, Double> given) {
        FvcDataset.Impression first = database.impressions().get(0);
        FingerImage image = decode(first);
        if (image.dpiFromHeader()) {
            return new FvcResolution(image.dpi(), "from the image header");
        }
        String name = database.name();
        String family = name.replaceFirst("_[AB]$", "");
        Double stated = given.getOrDefault(name, given.get(family));
        if (stated != null) {
            return new FvcResolution(stated, "given with --dpi: the images carry no resolution");
        }
        int[] fvc2002 = FVC2002.get(family);
        if (fvc2002 != null && fvc2002[0] == image.width() && fvc2002[1] == image.height()) {
            return new FvcResolution(fvc2002[2], "assumed: FVC2002 " + family + "'s published resolution, the TIFF has"
                    + " no resolution tag");
        }
        throw new IllegalArgumentException(name + "'s images (" + first.file().getFileName() + ", " + image.width() + "x"
                + image.height() + " px) carry no resolution and are not FVC2002's " + family + (fvc2002 == null ? ""
                : " (" + fvc2002[0] + "x" + fvc2002[1] + " px)") + ": give it with --dpi " + name + "=DPI, e.g. --dpi "
                + name + "=500");
    }

    private static FingerImage decode(FvcDataset.Impression impression) {
        try {
            return FingerImage.decode(Files.readAllBytes(impression.file()), PROBE_DPI);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + impression.file(), e);
        }
    }
}
