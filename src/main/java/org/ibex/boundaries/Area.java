package org.ibex.boundaries;

/** One admin area of a boundary set: the p-code that joins it to statistics, and its name. */
public record Area(String pcode, String name) {
}
