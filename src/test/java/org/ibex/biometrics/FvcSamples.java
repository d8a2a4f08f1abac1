package org.ibex.biometrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Real FVC2002 prints from the shared folder, and images that are not fingerprints, for tests. */
public final class FvcSamples {
    private FvcSamples() {
    }

    public static Path fvc2002() {
        return Path.of(System.getProperty("ibex.shared", "../shared"), "data", "fingerprints", "fvc2002");
    }

    public static byte[] file(String database, String name) {
        try {
            return Files.readAllBytes(fvc2002().resolve(database).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DB1_B print FFF_I.tif as a bare SourceAFIS template at 500 dpi, for the index's tests. */
    public static com.machinezoo.sourceafis.FingerprintTemplate template(int finger, int impression) {
        return FingerTemplate.extract(FingerPosition.UNKNOWN, db1(finger, impression)).afis();
    }

    /** DB1_B image FFF_I.tif at FVC2002's documented 500 dpi. */
    public static FingerImage db1(int finger, int impression) {
        return FingerImage.decode(file("DB1_B", finger + "_" + impression + ".tif"), 500);
    }

    public static FingerTemplate template(FingerPosition position, int finger, int impression) {
        return FingerTemplate.extract(position, db1(finger, impression));
    }

    public static FingerImage blank() {
        byte[] white = new byte[300 * 300];
        java.util.Arrays.fill(white, (byte) 255);
        return FingerImage.grayscale(300, 300, white, 500);
    }

    public static FingerImage noise() {
        byte[] pixels = new byte[300 * 300];
        new Random(7).nextBytes(pixels);
        return FingerImage.grayscale(300, 300, pixels, 500);
    }
}
