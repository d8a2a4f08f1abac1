package org.ibex.watchlist;

import java.util.List;

/** One list's persons with their names keyed by the matcher, as stored for {@code stamp} (see {@link ListStamps}). */
record KeyedList(String listId, String stamp, List<PersonEntry> entries, List<List<PersonIndex.Keyed>> keyed) {
}
