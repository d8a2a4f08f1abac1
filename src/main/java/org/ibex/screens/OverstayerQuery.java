package org.ibex.screens;

import org.ibex.border.InvalidInputException;
import org.ibex.border.OverstayerFilter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The analyst's question about overstayers, read from the query string: who (nationality, entry post, least days
 * over), on which day, and which page. Each bad value becomes a form error naming its field, so the page says what to
 * fix; the same query builds the links of the pages and of the CSV export.
 */
public record OverstayerQuery(String nationality, String post, int minDays, LocalDate asOf, int offset, Form form) {
    /** Rows on one page of the screen. */
    public static final int PAGE_SIZE = 50;
    private static final Pattern STATE = Pattern.compile("[A-Z<]{3}");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,6}");
    private static final int MAX_DAYS = 100_000;
    private static final int MAX_OFFSET = 1_000_000;

    /** Reads the query; an unknown post, a malformed code or date, or a number out of range is a form error. */
    public static OverstayerQuery read(ScreenRequest r, Set<String> posts, LocalDate today) {
        Form form = Form.empty();
        String nationality = r.query("nationality").toUpperCase(Locale.ROOT);
        String post = r.query("post");
        String minDaysText = r.query("minDays");
        String asOfText = r.query("asOf");
        form.set("nationality", nationality).set("post", post).set("minDays", minDaysText).set("asOf", asOfText);
        if (!nationality.isEmpty() && !STATE.matcher(nationality).matches()) {
            form.error("nationality", r.t("analyst.error.nationality"));
        }
        if (!post.isEmpty() && !posts.contains(post)) {
            form.error("post", r.t("analyst.error.post"));
        }
        int minDays = 0;
        if (!minDaysText.isEmpty()) {
            if (WHOLE.matcher(minDaysText).matches() && Integer.parseInt(minDaysText) <= MAX_DAYS) {
                minDays = Integer.parseInt(minDaysText);
            } else {
                form.error("minDays", r.t("analyst.error.minDays", MAX_DAYS));
            }
        }
        LocalDate asOf = today;
        if (!asOfText.isEmpty()) {
            try {
                asOf = LocalDate.parse(asOfText);
                if (asOf.getYear() < 2000 || asOf.isAfter(today.plusYears(5))) {
                    form.error("asOf", r.t("analyst.error.asOfRange"));
                }
            } catch (DateTimeParseException e) {
                form.error("asOf", r.t("analyst.error.asOf"));
            }
        }
        String offsetText = r.query("offset");
        if (!offsetText.isEmpty() && !(WHOLE.matcher(offsetText).matches() && Integer.parseInt(offsetText) <= MAX_OFFSET)) {
            // Not a field of the form: only a hand-made address carries a bad one, and the gate's page names it.
            throw InvalidInputException.of("offset", "range", "offset must be a whole number from 0 to " + MAX_OFFSET);
        }
        int offset = offsetText.isEmpty() ? 0 : Integer.parseInt(offsetText);
        return new OverstayerQuery(nationality, post, minDays, asOf, offset, form);
    }

    public boolean valid() {
        return !form.hasErrors();
    }

    /** The domain's filter; only for a valid query. */
    public OverstayerFilter filter() {
        return new OverstayerFilter(nationality, post, minDays);
    }

    /** For an export asked with bad values: the first error as the refusal the gate shows, naming the field. */
    public void requireValid() {
        if (!valid()) {
            Form.FieldError first = form.errors().get(0);
            throw InvalidInputException.of(first.field(), "format", first.message());
        }
    }

    public boolean filtered() {
        return !nationality.isEmpty() || !post.isEmpty() || minDays > 0;
    }

    /** The address of this question at another offset (paging) or as CSV. */
    public String link(String path, Integer atOffset) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("nationality", nationality);
        params.put("post", post);
        params.put("minDays", minDays == 0 ? "" : Integer.toString(minDays));
        params.put("asOf", asOf.toString());
        if (atOffset != null && atOffset > 0) {
            params.put("offset", atOffset.toString());
        }
        StringBuilder out = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!param.getValue().isEmpty()) {
                out.append(separator).append(param.getKey()).append('=')
                        .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return out.toString();
    }
}
