package org.ibex.displacement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Surges in figures held in series order (operation, area, reporting date, round). */
final class Surges {
    private Surges() {
    }

    static List<Surge> find(List<DtmRow> series, SurgeRule rule) {
        List<Surge> out = new ArrayList<>();
        DtmRow previous = null;
        for (DtmRow row : series) {
            if (previous != null && previous.operation().equals(row.operation())
                    && previous.pcode().equals(row.pcode()) && rule.fires(previous.displaced(), row.displaced())) {
                Double factor = previous.displaced() == 0 ? null
                        : Math.round(100.0 * row.displaced() / previous.displaced()) / 100.0;
                out.add(new Surge(row.operation(), row.pcode(), row.name(), previous.reportingDate(), previous.round(),
                        previous.displaced(), row.reportingDate(), row.round(), row.displaced(), factor,
                        row.displaced() - previous.displaced()));
            }
            previous = row;
        }
        out.sort(Comparator.comparing(Surge::toDate).reversed().thenComparing(Surge::operation)
                .thenComparing(Surge::pcode));
        return out;
    }
}
