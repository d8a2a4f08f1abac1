package org.ibex.cli;

import org.ibex.node.Progress;
import org.ibex.store.Json;
import org.ibex.watchlist.BatchQueries;
import org.ibex.watchlist.BatchResult;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One run of {@code watchlist screen --file}: a JSON object per row on standard output, a progress bar on a
 * terminal, the summary on standard error. Exit 0 when every row was screened, 1 when some rows could not be
 * read (each is in the output with its line and error), 2 when the file itself could not be read as a batch.
 */
final class BatchRun {
    /** Screens the rows it is given, handing each result to the consumer, and says what it did. */
    @FunctionalInterface
    interface Screening {
        BatchResult.Summary screen(InputStream in, String source, Consumer<BatchResult> out);
    }

    private final String file;
    private final PrintStream err;
    private final boolean terminal;
    private final ObjectMapper mapper = Json.mapper();

    /** A run on {@code file} ({@code -}: standard input), the bar drawn on {@code err} when it is a terminal. */
    BatchRun(String file, PrintStream err, boolean terminal) {
        this.file = file;
        this.err = err;
        this.terminal = terminal;
    }

    int run(Screening screening) throws IOException {
        boolean stdin = file.equals("-");
        Path path = stdin ? null : Path.of(file);
        if (path != null && !Files.isReadable(path)) {
            throw new IllegalArgumentException("--file: cannot read " + file);
        }
        Progress progress = new Progress(err, terminal, "rows", path == null ? 0 : rowsIn(path));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        BatchResult.Summary summary;
        try (InputStream in = stdin ? System.in : Files.newInputStream(path)) {
            summary = screening.screen(in, stdin ? "stdin" : path.getFileName().toString(), result -> {
                write(out, result);
                progress.advance(1);
            });
        } catch (BatchQueries.BatchFileException e) {
            flush(out);
            progress.done();
            err.println("ibex: " + file + ": " + e.getMessage() + "; rows before it were screened and written");
            return 2;
        }
        flush(out);
        progress.done();
        double seconds = progress.seconds();
        err.printf("%s: %s in %.1f s (%.0f rows/s)%n", stdin ? "stdin" : file, summary.line(), seconds,
                summary.rows() / Math.max(seconds, 1e-9));
        return summary.failed() > 0 ? 1 : 0;
    }

    private void write(BufferedWriter out, BatchResult result) {
        try {
            out.write(Json.write(mapper, result.asJson()));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(BufferedWriter out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines after the header: the bar's total (a quoted line break counts one too many; the bar ends full anyway). */
    private static long rowsIn(Path path) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return Math.max(1, lines - 1);
    }
}
