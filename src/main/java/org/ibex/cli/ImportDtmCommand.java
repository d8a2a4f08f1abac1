package org.ibex.cli;

import org.ibex.displacement.DtmFileException;
import org.ibex.displacement.DtmReader;
import org.ibex.displacement.DtmRow;
import org.ibex.displacement.ImportSummary;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.node.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Imports an IOM DTM export (CSV or the DTM API's JSON): all or nothing. Exit 0: imported or already held;
 * 2: the file is refused, every bad row listed by line and field, nothing stored.
 */
@Command(name = "dtm", mixinStandardHelpOptions = true,
        description = "Import IOM DTM displacement figures (CSV export or DTM API JSON), all or nothing.")
final class ImportDtmCommand implements Callable<Integer> {
    private static final int SHOWN = 100;

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "FILE", description = "a DTM CSV export (header id,operation,admin0Name,...) or the"
            + " DTM API's JSON {\"result\":[...]}")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        try (Node node = data.open()) {
            var displacement = node.services.displacement();
            Progress progress = new Progress("dtm", 2);
            long started = System.nanoTime();
            List<DtmRow> rows = new DtmReader(displacement.limits()).read(file);
            long read = System.nanoTime();
            progress.advance(1);
            ImportSummary summary = displacement.importRows(rows, file.getFileName().toString(),
                    Operator.actor("import of DTM figures"));
            long stored = System.nanoTime();
            progress.advance(1);
            progress.done();
            System.out.printf("%s: %d rows: %d added, %d updated, %d unchanged; %d operations, %d areas; %s"
                            + " (read and checked in %.2f s, stored in %.2f s)%n", file.getFileName(), summary.rows(),
                    summary.added(), summary.updated(), summary.unchanged(), summary.operations(), summary.areas(),
                    summary.status(), (read - started) / 1e9, (stored - read) / 1e9);
            return 0;
        } catch (DtmFileException e) {
            System.err.println("ibex import dtm: " + file + ": nothing imported (" + e.total() + " problem"
                    + (e.total() == 1 ? "" : "s") + "); fix these and rerun:");
            e.problems().stream().limit(SHOWN).forEach(p -> System.err.println("  " + p));
            if (e.total() > Math.min(SHOWN, e.problems().size())) {
                System.err.println("  ... and " + (e.total() - Math.min(SHOWN, e.problems().size())) + " more");
            }
            return 2;
        }
    }
}
