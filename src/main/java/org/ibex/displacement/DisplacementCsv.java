package org.ibex.displacement;

import org.ibex.store.CsvWriter;

import java.util.Arrays;
import java.util.List;

/** Displacement figures as CSV: a header row, one record per row, cells a spreadsheet will not run as formulas. */
public final class DisplacementCsv {
    private DisplacementCsv() {
    }

    public static String surges(List<Surge> surges) {
        CsvWriter csv = new CsvWriter().row(List.of("operation", "pcode", "name", "fromDate", "fromRound",
                "fromDisplaced", "toDate", "toRound", "toDisplaced", "factor", "jump"));
        for (Surge s : surges) {
            csv.row(Arrays.asList(s.operation(), s.pcode(), s.name(), s.fromDate(), s.fromRound(), s.fromDisplaced(),
                    s.toDate(), s.toRound(), s.toDisplaced(), s.factor(), s.jump()));
        }
        return csv.toString();
    }

    public static String areas(List<AreaFigure> areas) {
        CsvWriter csv = new CsvWriter().row(List.of("pcode", "name", "level", "displaced", "reportingDate", "round",
                "operation"));
        for (AreaFigure a : areas) {
            csv.row(Arrays.asList(a.pcode(), a.name(), a.level(), a.displaced(), a.reportingDate(), a.round(),
                    a.operation()));
        }
        return csv.toString();
    }

    public static String trend(List<TrendPoint> points) {
        CsvWriter csv = new CsvWriter().row(List.of("reportingDate", "round", "displaced", "operation"));
        for (TrendPoint p : points) {
            csv.row(Arrays.asList(p.reportingDate(), p.round(), p.displaced(), p.operation()));
        }
        return csv.toString();
    }

    public static String operations(List<OperationSummary> operations) {
        CsvWriter csv = new CsvWriter().row(List.of("operation", "admin0", "admin0Pcode", "rounds", "areas", "from",
                "to"));
        for (OperationSummary o : operations) {
            csv.row(Arrays.asList(o.operation(), o.admin0(), o.admin0Pcode(), o.rounds(), o.areas(), o.from(),
                    o.to()));
        }
        return csv.toString();
    }
}
