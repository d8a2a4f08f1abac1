package org.ibex.document;

/** Where something lies in the normalised MRZ: 1-based line and column, and a length in characters. */
public record MrzPosition(int line, int column, int length) {
}
