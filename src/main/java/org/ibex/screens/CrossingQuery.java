package org.ibex.screens;

import org.ibex.border.CrossingRepository;
import org.ibex.border.Decision;
import org.ibex.border.Direction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The filters of the supervisor's crossing list, read from the query string so a filtered list is a bookmark: each
 * bad value becomes an error on its field (GOV.UK style), never a failure, and a good set becomes the domain's filter
 * for one day at the post, in the post's time zone.
 */
final class CrossingQuery {
    static final int PAGE_SIZE = 50;
    static final int MAX_SEARCH = 60;
    /** The parameters, in the order a bookmark spells them; {@code before} is the paging cursor. */
    static final String[] FIELDS = {"date", "fromTime", "toTime", "direction", "decision", "nationality", "q"};
    private static final Pattern NATIONALITY = Pattern.compile("[A-Z<]{3}");
    private static final Pattern SEARCH = Pattern.compile("[\\p{L}\\p{M}0-9<' \\-]*");
    private final Form form;
    private final LocalDate day;
    private final LocalTime fromTime;
    private final LocalTime toTime;
    private final Direction direction;
    private final Decision decision;
    private final Long before;

    private CrossingQuery(Form form, LocalDate day, LocalTime fromTime, LocalTime toTime, Direction direction,
                          Decision decision, Long before) {
        this.form = form;
        this.day = day;
        this.fromTime = fromTime;
        this.toTime = toTime;
        this.direction = direction;
        this.decision = decision;
        this.before = before;
    }

    /** Reads the request's query; {@code today} is the post's date, the list's default day. */
    static CrossingQuery read(ScreenRequest r, LocalDate today) {
        Form form = Form.empty();
        for (String field : FIELDS) {
            form.set(field, bounded(r.query(field)));
        }
        LocalDate day = today;
        if (!form.value("date").isEmpty()) {
            try {
                day = LocalDate.parse(form.value("date"));
            } catch (DateTimeParseException e) {
                form.error("date", r.t("supervisor.error.date"));
            }
        }
        LocalTime from = time(form, "fromTime", r);
        LocalTime to = time(form, "toTime", r);
        if (from != null && to != null && !to.isAfter(from)) {
            form.error("toTime", r.t("supervisor.error.timeOrder"));
        }
        Direction direction = choice(form, "direction", Direction.class, r);
        Decision decision = choice(form, "decision", Decision.class, r);
        String nationality = form.value("nationality").toUpperCase(Locale.ROOT);
        form.set("nationality", nationality);
        if (!nationality.isEmpty() && !NATIONALITY.matcher(nationality).matches()) {
            form.error("nationality", r.t("supervisor.error.nationality"));
        }
        String search = form.value("q");
        if (r.query("q").length() > MAX_SEARCH) {
            form.error("q", r.t("supervisor.error.searchLength", MAX_SEARCH));
        } else if (!SEARCH.matcher(search).matches()) {
            form.error("q", r.t("supervisor.error.searchCharacters"));
        }
        Long before = null;
        String cursor = r.query("before");
        if (cursor.matches("[1-9][0-9]{0,17}")) {
            before = Long.parseLong(cursor);
        }
        return new CrossingQuery(form, day, from, to, direction, decision, before);
    }

    /** A filter that answers nothing past its length: a pasted page must not fill the form. */
    private static String bounded(String value) {
        return value.length() > MAX_SEARCH * 2 ? value.substring(0, MAX_SEARCH * 2) : value;
    }

    private static LocalTime time(Form form, String field, ScreenRequest r) {
        String value = form.value(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            form.error(field, r.t("supervisor.error.time"));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Form form, String field, Class<E> type, ScreenRequest r) {
        String value = form.value(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            form.error(field, r.t("supervisor.error.choice"));
            return null;
        }
    }

    Form form() {
        return form;
    }

    boolean valid() {
        return !form.hasErrors();
    }

    LocalDate day() {
        return day;
    }

    boolean firstPage() {
        return before == null;
    }

    /** The domain's filter: the chosen day (and hours) at the post, in the post's own time zone. */
    CrossingRepository.Filter filter(String postId, ZoneId zone) {
        var from = (fromTime == null ? day.atStartOfDay(zone) : day.atTime(fromTime).atZone(zone)).toInstant();
        var to = (toTime == null ? day.plusDays(1).atStartOfDay(zone) : day.atTime(toTime).atZone(zone)).toInstant();
        String nationality = form.value("nationality");
        String search = form.value("q");
        return new CrossingRepository.Filter(postId, null, from, to, decision, direction, null, before, PAGE_SIZE,
                nationality.isEmpty() ? null : nationality, search.isBlank() ? null : search);
    }

    /** This list's address with the same filters, from the newest (null) or after the crossing {@code before}. */
    String link(Long cursor) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (!form.value(field).isEmpty()) {
                params.put(field, form.value(field));
            }
        }
        if (cursor != null) {
            params.put("before", Long.toString(cursor));
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return SupervisorScreens.CROSSINGS + query;
    }
}
