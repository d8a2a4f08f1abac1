package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.border.InvalidInputException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's question, read from the query string: the days (from, to, inclusive), the post, the period of the
 * time series and the boundary set of the choropleth. A supervisor's post is always their own. Bad values become
 * form errors naming the field; the same query builds the CSV links.
 */
public record DashboardQuery(LocalDate from, LocalDate to, String post, String period, String set, Form form) {
    /** The periods of the time series, as the flows API names them. */
    public static final List<String> PERIODS = List.of("day", "week", "month");
    /** Ten years at most: beyond that a daily series is no longer a chart. */
    private static final int MAX_DAYS = 3_660;

    /** Reads the query; without dates, the year to today. */
    public static DashboardQuery read(ScreenRequest r, Set<String> posts, Set<String> sets, String defaultSet,
                                      LocalDate today) {
        Form form = Form.empty();
        String fromText = r.query("from");
        String toText = r.query("to");
        String post = r.user().role() == Role.SUPERVISOR ? r.user().postId() : r.query("post");
        String period = r.query("period");
        String set = r.query("set");
        form.set("from", fromText).set("to", toText).set("post", post).set("period", period).set("set", set);
        LocalDate to = date(r, form, "to", toText, today);
        LocalDate from = date(r, form, "from", fromText, to.minusDays(364));
        if (from.isAfter(to)) {
            form.error("from", r.t("analytics.error.fromAfterTo"));
        } else if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            form.error("from", r.t("analytics.error.span", MAX_DAYS));
        }
        if (!post.isEmpty() && !posts.contains(post)) {
            form.error("post", r.t("analytics.error.post"));
        }
        if (period.isEmpty()) {
            long days = ChronoUnit.DAYS.between(from, to);
            period = days <= 31 ? "day" : days <= 183 ? "week" : "month";
        } else if (!PERIODS.contains(period)) {
            form.error("period", r.t("analytics.error.period"));
            period = "month";
        }
        if (set.isEmpty()) {
            set = defaultSet;
        } else if (!sets.contains(set)) {
            form.error("set", r.t("analytics.error.set"));
            set = defaultSet;
        }
        return new DashboardQuery(from, to, post, period, set, form);
    }

    private static LocalDate date(ScreenRequest r, Form form, String field, String text, LocalDate otherwise) {
        if (text.isEmpty()) {
            return otherwise;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                form.error(field, r.t("analytics.error.dateRange"));
                return otherwise;
            }
            return date;
        } catch (DateTimeParseException e) {
            form.error(field, r.t("analytics.error.date"));
            return otherwise;
        }
    }

    public boolean valid() {
        return !form.hasErrors();
    }

    /** For an export asked with bad values: the first error as the refusal the gate shows, naming the field. */
    public void requireValid() {
        if (!valid()) {
            Form.FieldError first = form.errors().get(0);
            throw InvalidInputException.of(first.field(), "format", first.message());
        }
    }

    /** The first day of the first month: breakdowns and corridors are counted by whole months. */
    public LocalDate monthsFrom() {
        return from.withDayOfMonth(1);
    }

    /** The last day of the last month. */
    public LocalDate monthsTo() {
        return to.withDayOfMonth(to.lengthOfMonth());
    }

    /** The post to filter on, or null for every post the actor may see. */
    public String postOrNull() {
        return post.isEmpty() ? null : post;
    }

    /** The address of this question under {@code path} (the page, or one chart's CSV). */
    public String link(String path) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", from.toString());
        params.put("to", to.toString());
        params.put("post", post);
        params.put("period", period);
        params.put("set", set);
        StringBuilder out = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getValue() != null && !param.getValue().isEmpty()) {
                out.append(separator).append(param.getKey()).append('=')
                        .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return out.toString();
    }
}
