package org.ibex.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.store.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A list's whole content as stored with a version: gzip-compressed JSON rows, the same fields as the entry
 * tables. The list id is left out so a version restores into its own list only.
 */
record ListSnapshot(List<PersonEntry> persons, List<DocumentEntry> documents) {
    private static final ObjectMapper JSON = Json.mapper();

    /** dateOfBirth and nationality are the first of each: versions stored before lists kept several hold only them. */
    private record PersonRow(String id, List<String> names, String dateOfBirth, String nationality, String sex,
                             String reason, String source, LocalDate validFrom, LocalDate validUntil, EntryAction action,
                             List<String> datesOfBirth, List<String> nationalities, String placeOfBirth,
                             List<ListedDocument> documents) {
        PersonEntry entry(String listId) {
            List<PartialDate> dates = datesOfBirth != null ? datesOfBirth.stream().map(PartialDate::parse).toList()
                    : dateOfBirth == null ? List.of() : List.of(PartialDate.parse(dateOfBirth));
            List<String> codes = nationalities != null ? nationalities
                    : nationality == null ? List.of() : List.of(nationality);
            return new PersonEntry(listId, id, names, dates, codes, sex, placeOfBirth, documents, reason, source,
                    validFrom, validUntil, action);
        }
    }

    private record DocumentRow(String id, String number, String issuingState, String type, DocumentStatus status,
                               LocalDate reportedOn, String source) {
    }

    private record Rows(List<PersonRow> persons, List<DocumentRow> documents) {
    }

    byte[] encode() {
        Rows rows = rows();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            JSON.writeValue(gzip, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress a list snapshot", e);
        }
        return bytes.toByteArray();
    }

    /** The content as the JSON rows a stored version holds: how headquarters ships a list to its posts. */
    JsonNode toTree() {
        return JSON.valueToTree(rows());
    }

    /**
     * Reads rows written by {@link #toTree}; an entry that breaks a rule of its type throws
     * {@link InvalidEntryException} naming the field, and a tree of another shape throws IllegalArgumentException.
     */
    static ListSnapshot fromTree(String listId, JsonNode tree) {
        Rows rows;
        try {
            rows = JSON.treeToValue(tree, Rows.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("list rows unreadable: " + e.getMessage(), e);
        }
        if (rows == null) {
            throw new IllegalArgumentException("list rows are required");
        }
        return of(listId, rows);
    }

    private Rows rows() {
        return new Rows(persons.stream().map(p -> new PersonRow(p.entryId(), p.names(),
                p.dateOfBirth() == null ? null : p.dateOfBirth().toString(), p.nationality(), p.sex(), p.reason(),
                p.source(), p.validFrom(), p.validUntil(), p.action(),
                p.datesOfBirth().stream().map(PartialDate::toString).toList(), p.nationalities(), p.placeOfBirth(),
                p.documents())).toList(),
                documents.stream().map(d -> new DocumentRow(d.entryId(), d.documentNumber(), d.issuingState(),
                        d.documentType(), d.status(), d.reportedOn(), d.source())).toList());
    }

    static ListSnapshot decode(String listId, byte[] stored) {
        Rows rows;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            rows = JSON.readValue(gzip, Rows.class);
        } catch (IOException e) {
            throw new UncheckedIOException("list " + listId + " has an unreadable version snapshot", e);
        }
        return of(listId, rows);
    }

    private static ListSnapshot of(String listId, Rows rows) {
        List<PersonRow> persons = rows.persons() == null ? List.of() : rows.persons();
        List<DocumentRow> documents = rows.documents() == null ? List.of() : rows.documents();
        return new ListSnapshot(persons.stream().map(p -> p.entry(listId)).toList(),
                documents.stream().map(d -> new DocumentEntry(listId, d.id(), d.number(), d.issuingState(),
                        d.type(), d.status(), d.reportedOn(), d.source())).toList());
    }
}
