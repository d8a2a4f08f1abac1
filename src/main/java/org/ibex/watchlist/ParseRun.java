package org.ibex.watchlist;

import java.io.InputStream;
import java.util.function.Consumer;
import java.util.function.Function;

/** The frame every parser runs in: guarded input, one sink, and any failure turned into a file-level error. */
final class ParseRun {
    private ParseRun() {
    }

    /** The part of a parser that reads entries; it may throw whatever its library throws. */
    interface Body {
        void read(GuardedReader reader, EntrySink sink) throws Exception;
    }

    /**
     * Runs {@code body} and returns what it read. A failure of the input itself (encoding, row budget, I/O) is
     * reported as such, whichever library exception carried it; any other is described by {@code describe}.
     */
    static ParsedEntries run(InputStream in, String listId, ParseLimits limits, Consumer<Integer> progress,
                             Body body, Function<Exception, RowError> describe) {
        Checks.text("listId", listId, 60);
        EntrySink sink = new EntrySink(limits, progress);
        GuardedReader reader = new GuardedReader(in, limits.maxRowChars());
        try {
            body.read(reader, sink);
        } catch (EntrySink.Stop stop) {
            // The file-level error is recorded already.
        } catch (Exception e) {
            RowError error = reader.failure() != null ? reader.failure() : describe.apply(e);
            sink.fileError(error.field(), error.rule(), error.message());
        }
        return sink.result();
    }
}
