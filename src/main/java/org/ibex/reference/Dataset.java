package org.ibex.reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A dataset headquarters publishes, at its current version: its id ({@code watchlist/LIST} or {@code stay-rules}),
 * its kind, a description, and for a small dataset its whole content (null for a watchlist, read by version, and
 * for wanted prints, built only when a snapshot is made).
 */
record Dataset(String id, String kind, long version, JsonNode meta, JsonNode items) {
}
