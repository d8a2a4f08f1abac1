package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.node.Progress;

import org.ibex.border.BatchResult;
import org.ibex.border.CrossingRequest;
import org.ibex.border.CrossingRows;
import org.ibex.border.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Imports crossings in batches, each batch one transaction: a kill leaves whole batches only, and a rerun
 * skips what was stored (rows carry a uid, or get one from their content). Exit 0: all stored;
 * 1: some rows rejected (listed); 2: the file is unusable.
 */
@Command(name = "crossings", mixinStandardHelpOptions = true, description = "Import crossings from CSV or JSON.")
final class ImportCrossingsCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "FILE", description = "a .csv (header line with columns such as direction,post,"
            + "occurredAt,mrz) or .json (array of objects with the same names)")
    Path file;

    @Option(names = "--batch", defaultValue = "200", description = "rows per transaction (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--report-commits", hidden = true, description = "print 'committed N' after each batch (tests)")
    boolean reportCommits;

    @Override
    public Integer call() throws IOException {
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("--batch must be 1..10000 (got " + batch + ")");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        List<String> rejections = new ArrayList<>();
        int rows = 0;
        int stored = 0;
        int duplicates = 0;
        try (Node node = data.open(); RowSource source = RowSource.open(file)) {
            if (!source.header().isEmpty()) {
                List<String> problems = CrossingRows.checkHeader(source.header());
                if (!problems.isEmpty()) {
                    throw new RowSource.ImportFileException(String.join("; ", problems));
                }
            }
            Progress progress = new Progress("crossings", Math.max(1, Files.size(file) / 180));
            List<CrossingRequest> pending = new ArrayList<>();
            List<Integer> pendingRows = new ArrayList<>();
            RowSource.Row row;
            while (true) {
                try {
                    row = source.next();
                } catch (RowSource.RowException e) {
                    rejections.add(e.getMessage());
                    rows++;
                    continue;
                }
                if (row == null) {
                    break;
                }
                rows++;
                try {
                    pending.add(CrossingRows.toRequest(row.values()));
                    pendingRows.add(row.number());
                } catch (InvalidInputException e) {
                    rejections.add("row " + row.number() + ": " + e.getMessage());
                }
                if (pending.size() >= batch) {
                    BatchResult result = flush(node, pending, pendingRows, rejections);
                    stored += result.stored();
                    duplicates += result.duplicates();
                    progress.advance(pending.size());
                    pending.clear();
                    pendingRows.clear();
                    report(stored + duplicates);
                }
            }
            if (!pending.isEmpty()) {
                BatchResult result = flush(node, pending, pendingRows, rejections);
                stored += result.stored();
                duplicates += result.duplicates();
                progress.advance(pending.size());
                report(stored + duplicates);
            }
            progress.done();
        } catch (RowSource.ImportFileException e) {
            System.err.println("ibex import: " + file + ": " + e.getMessage());
            System.err.println("stored before the error: " + stored + " (rerun after fixing: stored rows are skipped)");
            return 2;
        }
        System.out.printf("%d rows: %d stored, %d already present, %d rejected%n", rows, stored, duplicates, rejections.size());
        rejections.stream().limit(50).forEach(r -> System.out.println("  rejected " + r));
        if (rejections.size() > 50) {
            System.out.println("  ... and " + (rejections.size() - 50) + " more");
        }
        return rejections.isEmpty() ? 0 : 1;
    }

    private static BatchResult flush(Node node, List<CrossingRequest> pending, List<Integer> rows, List<String> rejections) {
        BatchResult result = node.services.border().recordBatch(pending, Operator.actor("import of crossings"));
        for (BatchResult.Rejection rejection : result.rejected()) {
            rejections.add("row " + rows.get(rejection.index()) + ": " + rejection.reason());
        }
        return result;
    }

    private void report(int committed) {
        if (reportCommits) {
            System.out.println("committed " + committed);
            System.out.flush();
        }
    }
}
