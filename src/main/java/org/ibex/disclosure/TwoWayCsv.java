package org.ibex.disclosure;

import org.ibex.store.CsvWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a protected two-way table as RFC 4180 CSV: a header row whose first cell names the row dimension, then the
 * column labels and {@code total}; one line per row (its label first, its total last); a last line {@code total}
 * with the column totals and the grand total. Suppressed figures are left empty.
 */
public final class TwoWayCsv {
    private TwoWayCsv() {
    }

    /** The table as CSV text with CRLF line ends. */
    public static String write(ProtectedTable table) {
        CsvWriter csv = new CsvWriter();
        List<Object> header = new ArrayList<>();
        header.add(table.rowDimension());
        header.addAll(table.columnLabels());
        header.add("total");
        csv.row(header);
        for (int row = 0; row < table.rowLabels().size(); row++) {
            List<Object> line = new ArrayList<>();
            line.add(table.rowLabels().get(row));
            line.addAll(table.cells().get(row));
            line.add(table.rowTotals().get(row));
            csv.row(line);
        }
        List<Object> totals = new ArrayList<>();
        totals.add("total");
        totals.addAll(table.columnTotals());
        totals.add(table.total());
        csv.row(totals);
        return csv.toString();
    }
}
