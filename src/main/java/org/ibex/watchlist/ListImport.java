package org.ibex.watchlist;

/**
 * What a caller asks of an import: the list and, optionally, a new name, sharing label and threshold. The owner
 * counts only when a national list is created; {@code confirmRemoval} is the exact number of entries the caller
 * agrees to remove when the import would empty the list or remove more than half of it.
 */
public record ListImport(String id, String name, String owner, String sharing, Integer thresholdPercent,
                         Integer confirmRemoval) {
}
