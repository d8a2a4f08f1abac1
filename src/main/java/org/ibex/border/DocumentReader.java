package org.ibex.border;

import org.ibex.document.MrzIssue;
import org.ibex.document.MrzParser;
import org.ibex.document.MrzReading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a crossing request into the document as read: from the MRZ when scanned, else as keyed in. */
final class DocumentReader {
    /**
     * A keyed-in name: letters of any script with their combining marks, separated by spaces, hyphens or
     * apostrophes ('’ʼ). Punctuation such as ';' is a typing slip or an injection attempt, never part of a name.
     */
    private static final Pattern KEYED_NAME = Pattern.compile(
            "['\u2019\u02BC]?[\\p{L}\\p{M}]+(?:[ \\-\u2010'\u2019\u02BC]+[\\p{L}\\p{M}]+)*");
    private final MrzParser parser;

    /** The document and what the MRZ check found. */
    record Read(TravelDocument document, boolean mrzPresent, List<String> mrzErrors) {
    }

    DocumentReader(MrzParser parser) {
        this.parser = parser;
    }

    Read read(CrossingRequest request) {
        TravelDocument keyed = request.document();
        requireStorable("nameOriginal", request.nameOriginal());
        requireStorable("document.nameOriginal", keyed == null ? null : keyed.nameOriginal());
        if (request.mrz() != null && !request.mrz().isBlank()) {
            MrzReading reading = parser.parse(request.mrz());
            List<String> errors = new ArrayList<>();
            for (MrzIssue issue : reading.errors()) {
                errors.add(reason(issue));
            }
            TravelDocument document = new TravelDocument(reading.documentCode(), reading.issuingState(),
                    reading.documentNumber(), reading.surname(), reading.givenNames(), reading.nationality(),
                    reading.dateOfBirth(), reading.sex(), reading.dateOfExpiry(),
                    keyed == null ? null : keyed.dateOfIssue(), String.join("\n", reading.lines()),
                    request.nameOriginal() != null ? request.nameOriginal() : keyed == null ? null : keyed.nameOriginal());
            requireUsable(document, "mrz");
            return new Read(document, true, errors);
        }
        if (keyed == null) {
            throw InvalidInputException.of("mrz", "required", "give the MRZ as scanned, or the document keyed in");
        }
        TravelDocument document = new TravelDocument(keyed.documentCode(), keyed.issuingState(), keyed.documentNumber(),
                keyed.surname(), keyed.givenNames() == null ? "" : keyed.givenNames(), keyed.nationality(),
                keyed.dateOfBirth(), keyed.sex() == null ? "X" : keyed.sex(), keyed.dateOfExpiry(), keyed.dateOfIssue(),
                null, request.nameOriginal() != null ? request.nameOriginal() : keyed.nameOriginal());
        requireUsable(document, "document");
        List<InvalidInputException.Problem> names = new ArrayList<>();
        requireName(names, "document.surname", document.surname());
        requireName(names, "document.givenNames", document.givenNames());
        if (!names.isEmpty()) {
            throw new InvalidInputException(names);
        }
        return new Read(document, false, List.of());
    }

    /**
     * An MRZ error as an officer reads it: the parser's sentence, which names the field (prefixed when it does not),
     * and the rule's code in brackets, so the field is said once.
     */
    static String reason(MrzIssue issue) {
        String message = issue.message();
        String named = message.replace(" ", "").toLowerCase(Locale.ROOT)
                .contains(issue.field().replace(" ", "").toLowerCase(Locale.ROOT)) ? message : issue.field() + ": " + message;
        return named + " [" + issue.rule() + "]";
    }

    private static void requireName(List<InvalidInputException.Problem> problems, String field, String name) {
        if (name != null && !name.isBlank() && !KEYED_NAME.matcher(name.strip()).matches()) {
            problems.add(new InvalidInputException.Problem(field, "name-characters", field + " takes letters in any"
                    + " script, spaces, hyphens and apostrophes only (got '" + name + "'); write MRZ fillers '<' as spaces"));
        }
    }

    /** A document without these cannot be linked to a person or stored, whatever its checks say. */
    private static void requireUsable(TravelDocument d, String prefix) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        require(problems, prefix + ".documentCode", d.documentCode(), "[A-Z<]{1,2}");
        require(problems, prefix + ".issuingState", d.issuingState(), "[A-Z<]{1,3}");
        require(problems, prefix + ".documentNumber", d.documentNumber(), "[A-Z0-9<]{1,40}");
        require(problems, prefix + ".surname", d.surname(), ".{1,200}");
        require(problems, prefix + ".nationality", d.nationality(), "[A-Z<]{1,3}");
        require(problems, prefix + ".sex", d.sex(), "[MFX]");
        if (d.givenNames() != null && d.givenNames().length() > 200) {
            problems.add(new InvalidInputException.Problem(prefix + ".givenNames", "length", "at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The original-script name is free text, but the store keeps 200 characters: longer would fail the insert. */
    private static void requireStorable(String field, String nameOriginal) {
        if (nameOriginal != null && nameOriginal.length() > 200) {
            throw InvalidInputException.of(field, "length", field + " must be at most 200 characters (got "
                    + nameOriginal.length() + ")");
        }
    }

    private static void require(List<InvalidInputException.Problem> problems, String field, String value, String pattern) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidInputException.Problem(field, "required", field + " is required"));
        } else if (!value.matches(pattern)) {
            problems.add(new InvalidInputException.Problem(field, "format", field + " must match " + pattern
                    + " (got '" + value + "')"));
        }
    }
}
