package org.ibex.web;

import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paging of list answers. The body stays what it was (a JSON array, or CSV) so existing clients keep working;
 * the next page is named in a {@code Link: <...>; rel="next"} header (RFC 8288), absent on the last page.
 */
final class Paging {
    private Paging() {
    }

    /** Sets the Link header to this request's query with {@code param} set to {@code value}; returns that link. */
    static String next(Context ctx, String param, String value) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : ctx.queryParamMap().entrySet()) {
            if (!entry.getKey().equals(param)) {
                for (String v : entry.getValue()) {
                    pairs.add(encode(entry.getKey()) + "=" + encode(v));
                }
            }
        }
        pairs.add(encode(param) + "=" + encode(value));
        String link = ctx.path() + "?" + String.join("&", pairs);
        ctx.header("Link", "<" + link + ">; rel=\"next\"");
        return link;
    }

    /** A whole number of 0 or more from the query, or the fallback when absent. */
    static long count(Context ctx, String name, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Requests.wholeNumber(name, value, 0, Long.MAX_VALUE);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
