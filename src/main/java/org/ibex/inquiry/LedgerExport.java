package org.ibex.inquiry;


import java.nio.charset.StandardCharsets;
import org.ibex.store.CsvWriter;
import java.util.List;

/**
 * The disclosure ledger as an oversight body takes it: CSV with a header row, or a JSON array, one line per
 * disclosure with the same fields ({@code at, direction, kind, counterpart, agreement, purpose, categories,
 * questionId, subject}). The screens and the API write it with this one class, so both exports read alike.
 */
public final class LedgerExport {
    /** The columns of the CSV, and the fields of each JSON object, in this order. */
    public static final List<String> FIELDS = List.of("at", "direction", "kind", "counterpart", "agreement",
            "purpose", "categories", "questionId", "subject");

    private LedgerExport() {
    }

    /** RFC 4180 CSV, UTF-8, safe to open in a spreadsheet ({@link CsvWriter}); categories joined by spaces. */
    public static byte[] csv(List<Disclosure> ledger) {
        CsvWriter csv = new CsvWriter().row(FIELDS);
        for (Disclosure d : ledger) {
            csv.row(List.of(d.disclosedAt().toString(), InquiryViews.code(d.direction()),
                    InquiryViews.code(d.kind()), d.counterpart(), d.agreement(), d.purpose(),
                    String.join(" ", d.categories()), d.questionId(), d.subjectLabel() == null ? "" : d.subjectLabel()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON array of objects; categories as an array of codes. */
    public static byte[] json(List<Disclosure> ledger) {
        return InquiryJson.write(InquiryViews.ledger(ledger));
    }

}
