package org.ibex.screens;

import org.ibex.input.FieldRuleException;
import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.DocumentStatus;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.ListedDocument;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads an entry form into a domain entry, or marks the fields that are wrong (GOV.UK style, in the user's
 * language) and gives null; the entry's own rules, checked by its constructor, have the last word.
 */
final class WatchlistEntryForms {
    static final List<String> PERSON_FIELDS = List.of("entryId", "name", "aliases", "dateOfBirth", "nationality", "sex",
            "placeOfBirth", "documents", "reason", "source", "validFrom", "validUntil", "action");
    /** Fields that hold several values: separated by ";" in one input, or the input repeated. */
    private static final List<String> SEVERAL = List.of("dateOfBirth", "nationality");
    private static final String SEPARATOR = "; ";
    static final List<String> DOCUMENT_FIELDS = List.of("entryId", "documentNumber", "issuingState", "documentType",
            "status", "reportedOn", "source");
    private static final int MAX_ALIASES = 50;
    /** Fields whose domain refusal has one cause we can say in the user's language; others show the domain's words. */
    private static final java.util.Set<String> TRANSLATED = java.util.Set.of("nationality", "validUntil",
            "issuingState", "documentNumber", "name", "documents");

    void fill(Form form, PersonEntry entry) {
        form.set("entryId", entry.entryId()).set("name", entry.primaryName())
                .set("aliases", String.join("\n", entry.aliases()))
                .set("dateOfBirth", String.join(SEPARATOR, entry.datesOfBirth().stream().map(PartialDate::toString)
                        .toList()))
                .set("nationality", String.join(SEPARATOR, entry.nationalities())).set("sex", text(entry.sex()))
                .set("placeOfBirth", text(entry.placeOfBirth()))
                .set("documents", String.join("\n", entry.documents().stream().map(WatchlistEntryForms::line).toList()))
                .set("reason", text(entry.reason())).set("source", text(entry.source()))
                .set("validFrom", entry.validFrom() == null ? "" : entry.validFrom().toString())
                .set("validUntil", entry.validUntil() == null ? "" : entry.validUntil().toString())
                .set("action", entry.action().name());
    }

    void fill(Form form, DocumentEntry entry) {
        form.set("entryId", entry.entryId()).set("documentNumber", entry.documentNumber())
                .set("issuingState", text(entry.issuingState())).set("documentType", text(entry.documentType()))
                .set("status", entry.status().name())
                .set("reportedOn", entry.reportedOn() == null ? "" : entry.reportedOn().toString())
                .set("source", text(entry.source()));
    }

    PersonEntry person(ScreenRequest r, String listId, String entryId, Form form) {
        PERSON_FIELDS.forEach(field -> form.set(field, SEVERAL.contains(field)
                ? String.join(SEPARATOR, r.formValues(field)) : r.form(field)));
        form.set("entryId", entryId);
        checkId(r, entryId, form);
        if (form.value("name").isEmpty()) {
            form.error("name", r.t("watchlist.error.name"));
        }
        List<PartialDate> births = new java.util.ArrayList<>();
        try {
            for (String date : values(form.value("dateOfBirth"))) {
                births.add(PartialDate.parse(date));
            }
        } catch (FieldRuleException e) {
            form.error("dateOfBirth", r.t("watchlist.error.dateOfBirth"));
        }
        List<String> nationalities = values(form.value("nationality")).stream()
                .map(n -> n.toUpperCase(Locale.ROOT)).toList();
        List<ListedDocument> documents = documents(r, form);
        LocalDate from = date(r, form, "validFrom");
        LocalDate until = date(r, form, "validUntil");
        String sex = form.value("sex");
        if (!sex.isEmpty() && !sex.equals("M") && !sex.equals("F")) {
            form.error("sex", r.t("watchlist.error.choice"));
        }
        EntryAction action = Arrays.stream(EntryAction.values()).filter(a -> a.name().equals(form.value("action")))
                .findFirst().orElse(null);
        if (action == null) {
            form.error("action", r.t("watchlist.error.choice"));
        }
        List<String> names = new java.util.ArrayList<>(List.of(form.value("name")));
        form.value("aliases").lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(names::add);
        if (names.size() > MAX_ALIASES + 1) {
            form.error("aliases", r.t("watchlist.error.aliases", MAX_ALIASES));
        }
        if (form.hasErrors()) {
            return null;
        }
        try {
            return new PersonEntry(listId, entryId, names, births, nationalities, blank(sex),
                    blank(form.value("placeOfBirth")), documents, blank(form.value("reason")),
                    blank(form.value("source")), from, until, action);
        } catch (FieldRuleException e) {
            refused(r, form, e);
            return null;
        }
    }

    DocumentEntry document(ScreenRequest r, String listId, String entryId, Form form) {
        DOCUMENT_FIELDS.forEach(field -> form.set(field, r.form(field)));
        form.set("entryId", entryId);
        checkId(r, entryId, form);
        if (form.value("documentNumber").isEmpty()) {
            form.error("documentNumber", r.t("watchlist.error.documentNumber"));
        }
        DocumentStatus status = Arrays.stream(DocumentStatus.values())
                .filter(s -> s.name().equals(form.value("status"))).findFirst().orElse(null);
        if (status == null) {
            form.error("status", r.t("watchlist.error.choice"));
        }
        LocalDate reported = date(r, form, "reportedOn");
        if (form.hasErrors()) {
            return null;
        }
        try {
            return new DocumentEntry(listId, entryId, form.value("documentNumber"),
                    blank(form.value("issuingState").toUpperCase(Locale.ROOT)), blank(form.value("documentType")),
                    status, reported, blank(form.value("source")));
        } catch (FieldRuleException e) {
            refused(r, form, e);
            return null;
        }
    }

    /** A rule the domain enforces, on the field of the form that holds it, in the user's words where we have them. */
    void refused(ScreenRequest r, Form form, FieldRuleException e) {
        String field = e.field() == null ? "entryId" : e.field().startsWith("names[") ? "aliases"
                : e.field().equals("names") ? "name" : e.field().startsWith("documents") ? "documents"
                : e.field().equals("datesOfBirth") ? "dateOfBirth" : e.field().equals("nationalities") ? "nationality"
                : e.field();
        String key = "duplicate".equals(e.rule()) ? "duplicate" : TRANSLATED.contains(field) ? field : null;
        form.error(field, key == null ? e.getMessage() : r.t("watchlist.error." + key));
    }

    /**
     * The documents textarea: one per line, {@code number; type; issuing country; note}, all but the number
     * optional. A line the entry refuses marks the field with the rule in the user's words.
     */
    private static List<ListedDocument> documents(ScreenRequest r, Form form) {
        List<ListedDocument> documents = new java.util.ArrayList<>();
        for (String line : form.value("documents").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String[] parts = line.split(";", 4);
            try {
                documents.add(new ListedDocument(parts[0].strip(), part(parts, 1),
                        part(parts, 2) == null ? null : part(parts, 2).toUpperCase(Locale.ROOT), part(parts, 3)));
            } catch (FieldRuleException e) {
                form.error("documents", r.t("watchlist.error.documents"));
                return List.of();
            }
        }
        return documents;
    }

    /** A listed document as one line of the documents field, trailing empty parts left out. */
    private static String line(ListedDocument d) {
        List<String> parts = new java.util.ArrayList<>(List.of(d.number(), text(d.type()), text(d.issuingCountry()),
                text(d.note())));
        while (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return String.join(SEPARATOR, parts);
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? blank(parts[i]) : null;
    }

    /** The values of a several-valued field, split at ";" (a comma or a line break does too, as people type). */
    private static List<String> values(String text) {
        return java.util.Arrays.stream(text.split("[;,\\n]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static void checkId(ScreenRequest r, String entryId, Form form) {
        if (entryId.isEmpty()) {
            form.error("entryId", r.t("watchlist.error.entryId"));
        } else if (entryId.length() > 200 || entryId.chars().anyMatch(Character::isISOControl)) {
            form.error("entryId", r.t("watchlist.error.entryIdRule"));
        }
    }

    private static LocalDate date(ScreenRequest r, Form form, String field) {
        String text = form.value(field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            form.error(field, r.t("watchlist.error.date"));
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
