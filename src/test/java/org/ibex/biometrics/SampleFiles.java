package org.ibex.biometrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real ANSI/NIST-ITL and ISO files in the shared data folder. */
final class SampleFiles {
    static final Path SHARED = Path.of(System.getProperty("ibex.shared", "../shared"));
    static final Path ANSI_NIST = SHARED.resolve("data/ansi-nist");

    private SampleFiles() {
    }

    static List<Path> transactions() {
        try (Stream<Path> files = Files.list(ANSI_NIST)) {
            return files.filter(p -> p.toString().endsWith(".an2")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        return bytes(ANSI_NIST.resolve(name));
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NistTransaction read(String name) {
        return new NistReader().read(bytes(name));
    }

    static List<Path> isoTemplates() {
        try (Stream<Path> files = Files.walk(SHARED.resolve("data/fingerprints/fvc2002"))) {
            return files.filter(p -> p.toString().endsWith(".iso")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
