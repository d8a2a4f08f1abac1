package org.ibex.inquiry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The disclosure ledger as an oversight body takes it: CSV with a header row, or a JSON array, one line per
 * disclosure with the same fields ({@code at, direction, kind, counterpart, agreement, purpose, categories,
 * questionId, subject}). The screens and the API write it with this one class, so both exports read alike.
 */
public final class LedgerExport {
    /** The columns of the CSV, and the fields of each JSON object, in this order. */
    public static final List<String> FIELDS = List.of("at", "direction", "kind", "counterpart", "agreement",
            "purpose", "categories", "questionId", "subject");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerExport() {
    }

    /** RFC 4180 CSV, UTF-8; categories joined by spaces. */
    public static byte[] csv(List<Disclosure> ledger) {
        StringBuilder out = new StringBuilder(String.join(",", FIELDS)).append("\r\n");
        for (Disclosure d : ledger) {
            List<String> cells = List.of(d.disclosedAt().toString(), code(d.direction()), code(d.kind()),
                    d.counterpart(), d.agreement(), d.purpose(), String.join(" ", d.categories()), d.questionId(),
                    d.subjectLabel() == null ? "" : d.subjectLabel());
            for (int i = 0; i < cells.size(); i++) {
                out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON array of objects; categories as an array of codes. */
    public static byte[] json(List<Disclosure> ledger) {
        ArrayNode array = JSON.createArrayNode();
        for (Disclosure d : ledger) {
            ObjectNode line = array.addObject().put("at", d.disclosedAt().toString()).put("direction",
                    code(d.direction())).put("kind", code(d.kind())).put("counterpart", d.counterpart())
                    .put("agreement", d.agreement()).put("purpose", d.purpose());
            ArrayNode categories = line.putArray("categories");
            d.categories().forEach(categories::add);
            line.put("questionId", d.questionId()).put("subject", d.subjectLabel());
        }
        return InquiryJson.write(array);
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Quoted when it must be; a cell a spreadsheet would run as a formula (a subject's name is the asker's text)
     * starts with an apostrophe, as OWASP's CSV-injection advice has it.
     */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
