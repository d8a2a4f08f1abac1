package org.ibex.displacement;

/** What an import did: rows read, figures added, figures whose values changed, figures already as given. */
public record ImportSummary(int rows, int added, int updated, int unchanged, int operations, int areas) {
    /** {@code imported} when anything changed, {@code unchanged} when the node held the file already. */
    public String status() {
        return added + updated == 0 ? "unchanged" : "imported";
    }
}
