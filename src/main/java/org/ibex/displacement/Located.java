package org.ibex.displacement;

/** A row and where it stands in its file ({@code line 12} or {@code result[10]}), for file-wide checks. */
record Located(String where, DtmRow row) {
}
