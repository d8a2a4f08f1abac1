package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.border.AlertFilter;
import org.ibex.border.OverstayAlert;
import org.ibex.border.Overstayer;
import org.ibex.border.OverstayerCsv;
import org.ibex.border.OverstayerFilter;
import org.ibex.border.Page;
import org.ibex.border.Post;
import org.ibex.web.Services;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The analyst's screens: a home with the day's headline numbers, the newest overstay alerts and the way to the
 * dashboard's charts and maps ({@link AnalyticsScreens}), and the overstayers with filters, pages and a CSV export. Supervisors may open the overstayers
 * too, as the API lets them, and see those who crossed at their post only (the domain scopes it).
 */
public final class AnalystScreens implements ScreenArea {
    static final String HOME = "/analyst";
    static final String OVERSTAYERS = "/analyst/overstayers";
    static final String CSV = "/analyst/overstayers.csv";
    private static final Set<Role> ANALYSTS = Set.of(Role.ANALYST);
    /** The home shows the newest alerts; the API pages through all of them. */
    private static final int ALERTS = 10;
    private static final Set<Role> OVERSTAYER_READERS = Set.of(Role.ANALYST, Role.SUPERVISOR);
    /** Spreadsheet apps read a CSV as UTF-8 only when it starts with a byte order mark; names need it. */
    private static final String BOM = "\uFEFF";
    private final Shell shell;
    private final Services services;

    public AnalystScreens(Shell shell, Services services) {
        this.shell = shell;
        this.services = services;
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(HOME, ANALYSTS, this::home);
        routes.get(OVERSTAYERS, OVERSTAYER_READERS, this::overstayers);
        routes.get(CSV, OVERSTAYER_READERS, this::csv);
    }

    private void home(ScreenRequest r) {
        LocalDate today = services.stays().today();
        Instant dayStart = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant dayEnd = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<String, Long> todayByPost = services.border().countsByPost(dayStart, dayEnd, r.actor());
        Map<String, Long> weekByPost = services.border().countsByPost(dayEnd.minusSeconds(7L * 86_400), dayEnd,
                r.actor());
        List<Overstayer> overstayers = services.stays()
                .overstayers(today, OverstayerFilter.ALL, r.actor(), 0, Integer.MAX_VALUE - 1).items();
        Map<String, Long> overstayersByPost = overstayers.stream().filter(o -> o.entryPost() != null)
                .collect(Collectors.groupingBy(Overstayer::entryPost, TreeMap::new, Collectors.counting()));
        Map<String, String> names = new LinkedHashMap<>();
        for (Post post : services.posts().all()) {
            names.put(post.id(), post.name());
        }
        // Every known post, and any post a crossing names that the node no longer lists, so no count is hidden.
        Set<String> ids = new java.util.TreeSet<>(names.keySet());
        ids.addAll(todayByPost.keySet());
        ids.addAll(weekByPost.keySet());
        ids.addAll(overstayersByPost.keySet());
        List<AnalystViews.PostLine> lines = new ArrayList<>();
        for (String id : ids) {
            lines.add(new AnalystViews.PostLine(id, names.getOrDefault(id, ""), todayByPost.getOrDefault(id, 0L),
                    weekByPost.getOrDefault(id, 0L), overstayersByPost.getOrDefault(id, 0L),
                    OVERSTAYERS + "?post=" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8)));
        }
        AnalystViews.Home home = new AnalystViews.Home(today, sum(todayByPost), sum(weekByPost), overstayers.size(),
                lines, alerts(r));
        r.render("analyst/home.jte", r.page(r.t("analyst.home.title")), "home", home);
    }

    private void overstayers(ScreenRequest r) {
        Map<String, String> posts = postOptions(r);
        OverstayerQuery query = OverstayerQuery.read(r, posts.keySet(), services.stays().today());
        AnalystViews.Overstayers list = null;
        if (query.valid()) {
            Page<Overstayer> page = services.stays().overstayers(query.asOf(), query.filter(), r.actor(),
                    query.offset(), OverstayerQuery.PAGE_SIZE);
            list = new AnalystViews.Overstayers(query, page.items(), page.more(),
                    query.offset() > 0 ? query.link(OVERSTAYERS, Math.max(0, query.offset() - OverstayerQuery.PAGE_SIZE))
                            : null,
                    page.more() ? query.link(OVERSTAYERS, query.offset() + page.items().size()) : null,
                    query.link(CSV, null));
            if (r.htmx()) {
                // The address bar shows the question as the server read it (THA for tha), ready to bookmark or share.
                r.ctx().header("HX-Push-Url", query.link(OVERSTAYERS, query.offset()));
            }
        } else if (!r.htmx()) {
            // htmx swaps only a 2xx answer; to it the errors are the fragment to show, to a plain browser a 400.
            r.ctx().status(400);
        }
        org.ibex.screens.Page view = r.page(r.t("analyst.overstayers.title"), query.form());
        r.render(r.htmx() ? "analyst/overstayerRegion.jte" : "analyst/overstayers.jte", view, "query", query,
                "list", list, "posts", posts);
    }

    private void csv(ScreenRequest r) {
        OverstayerQuery query = OverstayerQuery.read(r, postOptions(r).keySet(), services.stays().today());
        query.requireValid();
        // The whole filtered list, as the API's export: a spreadsheet is where an analyst pages.
        List<Overstayer> all = services.stays().overstayers(query.asOf(), query.filter(), r.actor(), 0,
                Integer.MAX_VALUE - 1).items();
        r.ctx().contentType("text/csv; charset=utf-8");
        r.ctx().header("Content-Disposition", "attachment; filename=\"overstayers-" + query.asOf() + ".csv\"");
        r.ctx().header("Cache-Control", "no-store");
        r.ctx().result((BOM + OverstayerCsv.write(all)).getBytes(StandardCharsets.UTF_8));
    }

    /** The newest overstay alerts, open and withdrawn, as the API lists them for this actor. */
    private List<AnalystViews.AlertLine> alerts(ScreenRequest r) {
        List<AnalystViews.AlertLine> lines = new ArrayList<>();
        for (OverstayAlert a : services.stays().alerts().list(new AlertFilter(null, null, null, ALERTS), r.actor())
                .items()) {
            lines.add(new AnalystViews.AlertLine(a.person().id(), a.person().surname()
                    + (a.person().givenNames() == null ? "" : ", " + a.person().givenNames()),
                    a.state() == OverstayAlert.State.OPEN, a.overstayDays(), LocalDate.ofInstant(a.raisedAt(), ZoneOffset.UTC),
                    a.withdrawnAt() == null ? null : LocalDate.ofInstant(a.withdrawnAt(), ZoneOffset.UTC),
                    a.withdrawnReason()));
        }
        return lines;
    }

    /** The posts a filter may name, "any" first; the value is the post id, the text its id and name. */
    private Map<String, String> postOptions(ScreenRequest r) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("", r.t("analyst.filter.anyPost"));
        for (Post post : services.posts().all()) {
            options.put(post.id(), post.id() + " – " + post.name());
        }
        return options;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
