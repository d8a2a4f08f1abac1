package org.ibex.cli;

import org.ibex.boundaries.Boundaries;
import org.ibex.boundaries.BoundaryException;
import org.ibex.boundaries.BoundarySet;
import org.ibex.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Imports admin-area boundaries (GeoJSON) for the dashboard's maps: checked whole, stored only when every feature
 * passes, replacing an imported set of the same name.
 */
@Command(name = "boundaries", mixinStandardHelpOptions = true,
        description = "Import admin-area boundaries (a GeoJSON FeatureCollection of Polygon/MultiPolygon features"
                + " with pcode and name properties) for the analyst dashboard's maps.")
final class ImportBoundariesCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "FILE", description = "the GeoJSON file (CRS84 longitude/latitude)")
    Path file;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "the set's name, e.g. sdn-adm1 (lower-case letters, digits, '.', '-', '_')")
    String name;

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = read(file);
        } catch (IOException e) {
            System.err.println("ibex import boundaries: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        if (bytes == null) {
            System.err.println("ibex import boundaries: " + file + ": nothing imported: the file is larger than "
                    + Boundaries.MAX_BYTES + " bytes; simplify the shapes (e.g. mapshaper -simplify 10%)");
            return 2;
        }
        try (Node node = data.open()) {
            BoundarySet set = node.services.boundaries().importSet(name, bytes, "cli:" + System.getProperty("user.name"));
            System.out.println("boundary set " + set.name() + " imported: " + set.features() + " areas, "
                    + set.points() + " points");
            return 0;
        } catch (BoundaryException e) {
            System.err.println("ibex import boundaries: " + file + ": nothing imported: " + e.field() + ": "
                    + e.getMessage());
            return 2;
        }
    }

    /** The file's bytes, or null when it is over the limit: read no further than one byte past it. */
    private static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(Boundaries.MAX_BYTES + 1);
            return bytes.length > Boundaries.MAX_BYTES ? null : bytes;
        }
    }
}
