package org.ibex.cli;

import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.ListedDocument;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A watchlist entry with every field it holds, as text lines for an operator or as a JSON object. */
final class EntryText {
    private EntryText() {
    }

    static List<String> lines(PersonEntry e) {
        List<String> out = new ArrayList<>();
        out.add("list            " + e.listId());
        out.add("entry           " + e.entryId() + " (person)");
        out.add("name            " + e.primaryName());
        for (String alias : e.aliases()) {
            out.add("alias           " + alias);
        }
        out.add("dates of birth  " + values(e.datesOfBirth().stream().map(PartialDate::toString).toList()));
        out.add("nationalities   " + values(e.nationalities()));
        out.add("sex             " + value(e.sex()));
        out.add("place of birth  " + value(e.placeOfBirth()));
        if (e.documents().isEmpty()) {
            out.add("documents       -");
        }
        for (ListedDocument d : e.documents()) {
            out.add("document        " + d.number() + (d.type() == null ? "" : "  " + d.type())
                    + (d.issuingCountry() == null ? "" : "  issued by " + d.issuingCountry())
                    + (d.note() == null ? "" : "  (" + d.note() + ")"));
        }
        out.add("reason          " + value(e.reason()));
        out.add("source          " + value(e.source()));
        out.add("valid           " + (e.validFrom() == null ? "-" : e.validFrom()) + " .. "
                + (e.validUntil() == null ? "-" : e.validUntil()));
        out.add("action          " + e.action());
        return out;
    }

    static List<String> lines(DocumentEntry e) {
        return List.of(
                "list            " + e.listId(),
                "entry           " + e.entryId() + " (document)",
                "number          " + e.documentNumber(),
                "issuing state   " + value(e.issuingState()),
                "type            " + value(e.documentType()),
                "status          " + e.status(),
                "reported on     " + (e.reportedOn() == null ? "-" : e.reportedOn()),
                "source          " + value(e.source()));
    }

    /** Every field under its own name, the lists whole (not only the first date and nationality). */
    static Map<String, Object> json(PersonEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "person");
        out.put("list", e.listId());
        out.put("entryId", e.entryId());
        out.put("names", e.names());
        out.put("datesOfBirth", e.datesOfBirth().stream().map(PartialDate::toString).toList());
        out.put("nationalities", e.nationalities());
        out.put("sex", e.sex());
        out.put("placeOfBirth", e.placeOfBirth());
        out.put("documents", e.documents());
        out.put("reason", e.reason());
        out.put("source", e.source());
        out.put("validFrom", e.validFrom());
        out.put("validUntil", e.validUntil());
        out.put("action", e.action());
        return out;
    }

    static Map<String, Object> json(DocumentEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "document");
        out.put("list", e.listId());
        out.put("entryId", e.entryId());
        out.put("documentNumber", e.documentNumber());
        out.put("issuingState", e.issuingState());
        out.put("documentType", e.documentType());
        out.put("status", e.status());
        out.put("reportedOn", e.reportedOn());
        out.put("source", e.source());
        return out;
    }

    private static String values(List<String> values) {
        return values.isEmpty() ? "-" : String.join("; ", values);
    }

    private static String value(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
