package org.ibex.border;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Crossings as rows of an import file: the columns, and the conversion of one row into a request with
 * errors that name the column. A row without a uid gets one derived from its content, so importing the
 * same file twice stores nothing twice.
 */
public final class CrossingRows {
    public static final List<String> COLUMNS = List.of("uid", "direction", "post", "officer", "occurredAt", "mrz",
            "documentCode", "issuingState", "documentNumber", "surname", "givenNames", "nationality", "dateOfBirth",
            "sex", "dateOfExpiry", "dateOfIssue", "nameOriginal", "permitType", "permitValidFrom", "permitValidUntil",
            "permitEntries", "permitDays");
    private static final Set<String> REQUIRED = Set.of("direction", "post", "occurredAt");

    private CrossingRows() {
    }

    /** Checks a header: every column known, the required ones present. */
    public static List<String> checkHeader(List<String> header) {
        List<String> problems = new ArrayList<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                problems.add("unknown column '" + column + "' (known: " + String.join(",", COLUMNS) + ")");
            }
        }
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                problems.add("missing required column '" + column + "'");
            }
        }
        if (!header.contains("mrz") && !header.contains("documentNumber")) {
            problems.add("either an 'mrz' column or the document columns (documentNumber, ...) are required");
        }
        return problems;
    }

    /** Converts one row (column name → value; blank means absent) into a request. */
    public static CrossingRequest toRequest(Map<String, String> row) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        Direction direction = null;
        try {
            direction = Direction.parse(value(row, "direction"));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        Instant occurredAt = null;
        try {
            occurredAt = value(row, "occurredAt") == null ? null : Instant.parse(value(row, "occurredAt"));
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.Problem("occurredAt", "instant",
                    "occurredAt must be an ISO instant such as 2026-03-01T08:15:00Z (got '" + value(row, "occurredAt") + "')"));
        }
        if (occurredAt == null && problems.stream().noneMatch(p -> p.field().equals("occurredAt"))) {
            problems.add(new InvalidInputException.Problem("occurredAt", "required", "occurredAt is required"));
        }
        TravelDocument document = null;
        if (value(row, "mrz") == null) {
            document = new TravelDocument(value(row, "documentCode"), value(row, "issuingState"),
                    value(row, "documentNumber"), value(row, "surname"), value(row, "givenNames"),
                    value(row, "nationality"), date(row, "dateOfBirth", problems), value(row, "sex"),
                    date(row, "dateOfExpiry", problems), date(row, "dateOfIssue", problems), null,
                    value(row, "nameOriginal"));
        } else if (value(row, "dateOfIssue") != null) {
            document = new TravelDocument(null, null, null, null, null, null, null, null, null,
                    date(row, "dateOfIssue", problems), null, null);
        }
        Permit permit = value(row, "permitType") == null ? null : new Permit(value(row, "permitType"),
                date(row, "permitValidFrom", problems), date(row, "permitValidUntil", problems),
                integer(row, "permitEntries", problems), integer(row, "permitDays", problems));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String uid = value(row, "uid") == null ? contentUid(row) : value(row, "uid");
        return new CrossingRequest(uid, direction, value(row, "post"), occurredAt, value(row, "mrz"), document, permit,
                value(row, "nameOriginal"), value(row, "officer"));
    }

    private static String value(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static LocalDate date(Map<String, String> row, String column, List<InvalidInputException.Problem> problems) {
        String v = value(row, column);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.Problem(column, "date", column + " must be yyyy-MM-dd (got '" + v + "')"));
            return null;
        }
    }

    private static Integer integer(Map<String, String> row, String column, List<InvalidInputException.Problem> problems) {
        String v = value(row, column);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            problems.add(new InvalidInputException.Problem(column, "integer", column + " must be a whole number (got '" + v + "')"));
            return null;
        }
    }

    private static String contentUid(Map<String, String> row) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String column : COLUMNS) {
                sha.update((column + "=" + row.getOrDefault(column, "") + "\u0000").getBytes(StandardCharsets.UTF_8));
            }
            return "import-" + HexFormat.of().formatHex(sha.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
