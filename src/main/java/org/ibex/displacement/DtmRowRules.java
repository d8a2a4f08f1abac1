package org.ibex.displacement;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules one DTM row must meet, whatever its format: the fields the API names, each checked and every failure
 * reported with where it is, so that a file is fixed in one pass.
 */
final class DtmRowRules {
    static final List<String> REQUIRED = List.of("operation", "admin0Name", "admin0Pcode", "numPresentIdpInd",
            "reportingDate", "roundNumber");
    static final List<String> KNOWN = List.of("id", "operation", "admin0Name", "admin0Pcode", "admin1Name",
            "admin1Pcode", "admin2Name", "admin2Pcode", "numPresentIdpInd", "reportingDate", "yearReportingDate",
            "monthReportingDate", "roundNumber", "assessmentType");
    static final long MAX_DISPLACED = 2_000_000_000L;
    private static final int MAX_NAME = 200;
    private static final Pattern ADMIN0 = Pattern.compile("[A-Z]{3}");
    private static final Pattern PCODE = Pattern.compile("[A-Z]{2,3}[A-Z0-9_-]{0,17}");
    private static final Pattern ASSESSMENT = Pattern.compile("[A-Za-z0-9 _-]{1,20}");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,12}");
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private DtmRowRules() {
    }

    /** The row, or null when it broke a rule (each one added to {@code problems}). */
    static DtmRow read(Map<String, String> v, String where, Problems problems) {
        int before = problems.total();
        String operation = name(v, "operation", true, where, problems);
        String admin0Name = name(v, "admin0Name", true, where, problems);
        String admin0Pcode = code(v, "admin0Pcode", ADMIN0, "3 capital letters (ISO 3166 alpha-3, e.g. SDN)", true,
                where, problems);
        String admin1Name = name(v, "admin1Name", false, where, problems);
        String admin1Pcode = code(v, "admin1Pcode", PCODE, "a p-code: 2-3 capital letters then up to 17 capital"
                + " letters, digits, - or _ (e.g. SD08)", false, where, problems);
        String admin2Name = name(v, "admin2Name", false, where, problems);
        String admin2Pcode = code(v, "admin2Pcode", PCODE, "a p-code: 2-3 capital letters then up to 17 capital"
                + " letters, digits, - or _ (e.g. LB21)", false, where, problems);
        present(v, "admin1", where, problems);
        present(v, "admin2", where, problems);
        if (v.get("admin2Pcode") != null && v.get("admin1Pcode") == null) {
            problems.add(where, "admin2Pcode", "an admin2 area needs its admin1 area (admin1Pcode is empty)");
        }
        levels(admin0Pcode, admin1Pcode, admin2Pcode, where, problems);
        Long displaced = whole(v, "numPresentIdpInd", MAX_DISPLACED, true, where, problems);
        LocalDate date = date(v.get("reportingDate"), where, problems);
        Long round = whole(v, "roundNumber", 100_000, true, where, problems);
        Long id = whole(v, "id", Long.MAX_VALUE / 10, false, where, problems);
        Long year = whole(v, "yearReportingDate", 9999, false, where, problems);
        Long month = whole(v, "monthReportingDate", 12, false, where, problems);
        if (date != null && year != null && year != date.getYear()) {
            problems.add(where, "yearReportingDate", "must be the year of reportingDate (" + date.getYear()
                    + ", got " + year + ")");
        }
        if (date != null && month != null && month != date.getMonthValue()) {
            problems.add(where, "monthReportingDate", "must be the month of reportingDate (" + date.getMonthValue()
                    + ", got " + month + ")");
        }
        String assessment = v.get("assessmentType");
        if (assessment != null && !ASSESSMENT.matcher(assessment).matches()) {
            problems.add(where, "assessmentType", "must be a short code of 1-20 letters, digits, spaces, - or _ (e.g."
                    + " BA)");
        }
        if (problems.total() > before) {
            return null;
        }
        return new DtmRow(id, operation, admin0Name, admin0Pcode, admin1Name, admin1Pcode, admin2Name, admin2Pcode,
                displaced, date, (int) (long) round, assessment);
    }

    /** An area's name and p-code come together: one without the other names no area. */
    private static void present(Map<String, String> v, String level, String where, Problems problems) {
        boolean name = v.get(level + "Name") != null;
        boolean pcode = v.get(level + "Pcode") != null;
        if (name != pcode) {
            problems.add(where, level + (pcode ? "Name" : "Pcode"), level + "Name and " + level
                    + "Pcode are given together or not at all");
        }
    }

    /** A p-code belongs to the level it is given at: not its parent's code, and within its parent's country. */
    private static void levels(String admin0, String pcode1, String pcode2, String where, Problems problems) {
        if (pcode1 != null && pcode1.equals(admin0)) {
            problems.add(where, "admin1Pcode", "an admin1 p-code cannot be the country's code " + admin0);
        }
        if (pcode2 != null && pcode1 != null) {
            if (pcode2.equals(pcode1)) {
                problems.add(where, "admin2Pcode", "an admin2 p-code cannot be its admin1 p-code " + pcode1);
            } else if (!pcode2.regionMatches(0, pcode1, 0, 2)) {
                problems.add(where, "admin2Pcode", "must start with the country prefix of admin1Pcode "
                        + pcode1.substring(0, 2) + " (got " + pcode2 + ")");
            }
        }
    }

    private static String name(Map<String, String> v, String field, boolean required, String where, Problems problems) {
        String value = v.get(field);
        if (value == null) {
            if (required) {
                problems.add(where, field, "is required");
            }
            return null;
        }
        if (value.length() > MAX_NAME) {
            problems.add(where, field, "must be at most " + MAX_NAME + " characters (got " + value.length() + ")");
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // Place names never hold markup or control characters: such a value is a broken or hostile file.
            if (Character.isISOControl(c) || c == '<' || c == '>') {
                problems.add(where, field, "must not contain control characters, < or > (at character " + (i + 1)
                        + ")");
                return null;
            }
        }
        return value;
    }

    private static String code(Map<String, String> v, String field, Pattern pattern, String rule, boolean required,
                               String where, Problems problems) {
        String value = v.get(field);
        if (value == null) {
            if (required) {
                problems.add(where, field, "is required");
            }
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            problems.add(where, field, "must be " + rule + " (got '" + shown(value) + "')");
            return null;
        }
        return value;
    }

    private static Long whole(Map<String, String> v, String field, long max, boolean required, String where,
                              Problems problems) {
        String value = v.get(field);
        if (value == null) {
            if (required) {
                problems.add(where, field, "is required");
            }
            return null;
        }
        if (value.startsWith("-")) {
            problems.add(where, field, "must not be negative (got '" + shown(value) + "')");
            return null;
        }
        if (!WHOLE.matcher(value).matches() || Long.parseLong(value) > max) {
            problems.add(where, field, "must be a whole number from 0 to " + max + " (got '" + shown(value) + "')");
            return null;
        }
        return Long.parseLong(value);
    }

    /** {@code 2017-12-31} or DTM's {@code 2017-12-31T00:00:00}: the day is what counts. */
    private static LocalDate date(String value, String where, Problems problems) {
        if (value == null) {
            problems.add(where, "reportingDate", "is required");
            return null;
        }
        LocalDate date;
        try {
            date = value.length() <= 10 ? LocalDate.parse(value) : LocalDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException e) {
            problems.add(where, "reportingDate", "must be a date yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss (got '"
                    + shown(value) + "')");
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            problems.add(where, "reportingDate", "must be from " + EARLIEST + " to " + LATEST + " (got " + date + ")");
            return null;
        }
        return date;
    }

    /** A bad value as it may be echoed: cut short, control characters made visible. */
    static String shown(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? "?" : new String(Character.toChars(c))));
        return out.toString();
    }
}
