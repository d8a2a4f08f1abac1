package org.ibex.watchlist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One row of a screened batch: the row as read and its hits (empty when none, or when the row did not read). */
public record BatchResult(BatchQueries.Row row, List<WatchlistHit> hits) {
    public BatchResult {
        hits = List.copyOf(hits);
    }

    /**
     * The row as the batch output writes it: {@code {"id":…,"hits":[{"list":…,"entryId":…,"score":…,"action":…,
     * "explanation":…}]}}, or {@code {"id":…,"line":…,"error":…}} for a row that did not read.
     */
    public Map<String, Object> asJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.id());
        if (!row.ok()) {
            out.put("line", row.line());
            out.put("error", row.error());
            return out;
        }
        out.put("hits", hits.stream().map(hit -> {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("list", hit.listId());
            h.put("entryId", hit.entryId());
            h.put("score", Math.round(hit.score() * 10_000) / 10_000.0);
            h.put("action", hit.action());
            h.put("explanation", hit.explanation());
            return h;
        }).toList());
        return out;
    }

    /**
     * What a batch did: rows read, rows that did not read, rows with at least one hit and all hits, the SHA-256 of
     * the input as read, and why it stopped early (null when it ran to the end).
     */
    public record Summary(int rows, int failed, int withHits, int hits, String sha256, String broken) {
        /** The line an operator reads at the end of a run. */
        public String line() {
            return rows + " rows screened: " + withHits + " with hits (" + hits + " hits), " + failed
                    + " could not be read" + (broken == null ? "" : "; stopped: " + broken);
        }
    }
}
