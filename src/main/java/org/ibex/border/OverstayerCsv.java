package org.ibex.border;

import org.ibex.store.CsvWriter;

import java.util.Arrays;
import java.util.List;

/** Overstayers as a CSV export, one row each under a header; the same columns from the API and the command line. */
public final class OverstayerCsv {
    static final List<String> HEADER = List.of("personId", "surname", "givenNames", "nationality", "dateOfBirth", "sex",
            "documentCode", "documentNumber", "issuingState", "documentExpiry", "entryPost", "entered", "stayEndsOn",
            "overstayDays", "daysUsed", "rule");

    private OverstayerCsv() {
    }

    public static String write(List<Overstayer> overstayers) {
        CsvWriter csv = new CsvWriter().row(HEADER);
        for (Overstayer o : overstayers) {
            Overstayer.LastDocument d = o.document() == null ? new Overstayer.LastDocument(null, null, null, null)
                    : o.document();
            csv.row(Arrays.asList(o.person().id(), o.person().surname(), o.person().givenNames(),
                    o.person().nationality(), o.person().dateOfBirth(), o.person().sex(), d.documentCode(), d.number(),
                    d.issuingState(), d.dateOfExpiry(), o.entryPost(), o.status().currentEntry(),
                    o.status().stayEndsOn(), o.status().overstayDays(), o.status().daysUsed(), o.rule()));
        }
        return csv.toString();
    }
}
