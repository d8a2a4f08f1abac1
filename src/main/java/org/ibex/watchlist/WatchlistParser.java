package org.ibex.watchlist;

import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads one list file format. Implementations stream the input with bounded memory per row, decode it as strict
 * UTF-8, and never throw for bad content: every problem comes back as a {@link RowError} naming the row and field
 * (row 0 for the file as a whole). The caller owns and closes the stream.
 */
public interface WatchlistParser {
    /**
     * @param listId   the list the entries will belong to
     * @param progress told the number of rows read so far, now and then and at the end; may be null
     */
    ParsedEntries parse(InputStream in, String listId, Consumer<Integer> progress);
}
