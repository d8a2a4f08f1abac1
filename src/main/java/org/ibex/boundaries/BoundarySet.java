package org.ibex.boundaries;

import java.time.Instant;

/** A named set of admin areas the maps draw: the shipped Utopia outline or one an analyst imported. */
public record BoundarySet(String name, int features, int points, String source, String importedBy,
                          Instant importedAt) {
    /** Where a set came from: shipped in the jar, or imported into this node. */
    public static final String SHIPPED = "shipped";
    public static final String IMPORTED = "imported";
}
