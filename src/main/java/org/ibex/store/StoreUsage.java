package org.ibex.store;

import java.util.OptionalDouble;

/**
 * How much disk the database takes and what share of it is live data: the H2 file's size and H2's own fill rates
 * (blocks in use times live bytes in those blocks), or on PostgreSQL the size of the node's schema, whose live share
 * PostgreSQL does not report cheaply (empty).
 */
public record StoreUsage(long bytes, OptionalDouble liveShare) {
}
