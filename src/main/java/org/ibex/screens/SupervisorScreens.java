package org.ibex.screens;

import org.ibex.access.AccountSummary;
import org.ibex.access.Role;
import org.ibex.audit.AccessLog;
import org.ibex.border.Crossing;
import org.ibex.border.Decision;
import org.ibex.border.Direction;
import org.ibex.border.Page;
import org.ibex.border.Post;
import org.ibex.web.Services;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The supervisor's day at their post: its crossings with filters, the referrals awaiting second line (see
 * {@link ReferralScreens}) and the post's users. Everything is scoped to the supervisor's own post by the domain,
 * as the API scopes it; nothing here widens what a supervisor may do.
 */
public final class SupervisorScreens implements ScreenArea {
    static final String CROSSINGS = "/supervisor/crossings";
    static final String USERS = "/supervisor/users";
    static final Set<Role> SUPERVISOR = Set.of(Role.SUPERVISOR);
    private final Services services;
    private final ReferralScreens referrals;

    public SupervisorScreens(Shell shell, Services services) {
        this.services = services;
        this.referrals = new ReferralScreens(services);
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(CROSSINGS, SUPERVISOR, this::crossings);
        routes.get(USERS, SUPERVISOR, this::users);
        referrals.routes(routes);
    }

    /** The post a supervisor belongs to; its time zone dates every list. */
    static Post postOf(Services services, ScreenRequest r) {
        String postId = r.user().postId();
        return services.posts().find(postId).orElseThrow(() -> new IllegalStateException("no post " + postId));
    }

    static LocalDate today(Services services, Post post) {
        return LocalDate.now(services.clock().withZone(post.zone()));
    }

    /**
     * A bookmarkable list: the filters are the query string. An htmx request gets the results alone; one whose
     * filters are wrong is sent to the whole page, which shows each error on its field.
     */
    private void crossings(ScreenRequest r) {
        Post post = postOf(services, r);
        CrossingQuery query = CrossingQuery.read(r, today(services, post));
        boolean fragment = r.htmx() && !"true".equals(r.ctx().header("HX-History-Restore-Request"));
        r.ctx().header("Vary", "HX-Request");
        if (fragment && !query.valid()) {
            r.redirect(CROSSINGS + "?" + r.ctx().queryString());
            return;
        }
        List<SupervisorRows.CrossingRow> rows = List.of();
        String next = null;
        if (query.valid()) {
            Page<Crossing> page = services.border().page(query.filter(post.id(), post.zone()), r.actor());
            rows = page.items().stream().map(c -> SupervisorRows.CrossingRow.of(c, r.texts())).toList();
            next = page.more() ? query.link(page.items().get(page.items().size() - 1).id()) : null;
        } else {
            r.ctx().status(400);
        }
        String first = query.firstPage() ? null : query.link(null);
        String summary = r.t("supervisor.crossings.summary", r.texts().date(query.day()), r.texts().number(rows.size()));
        if (fragment) {
            // The summary also goes to the page's status region, which stays in place, so a screen reader hears it.
            r.render("supervisor/crossingResults.jte", r.page(r.t("supervisor.crossings.title")), "rows", rows,
                    "summary", summary, "next", next, "first", first, "swapped", true);
            return;
        }
        r.render("supervisor/crossings.jte", r.page(r.t("supervisor.crossings.title"), query.form()), "rows", rows,
                "summary", summary, "next", next, "first", first, "postName", post.name(),
                "directions", options(r, "supervisor.direction.", Direction.values()),
                "decisions", options(r, "supervisor.decision.", Decision.values()));
    }

    private static Map<String, String> options(ScreenRequest r, String prefix, Enum<?>[] values) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("", r.t("supervisor.any"));
        for (Enum<?> value : values) {
            options.put(value.name(), r.t(prefix + value.name()));
        }
        return options;
    }

    /**
     * The post's accounts, read only: creating, disabling or unlocking an account is an administrator's act in the
     * API ({@code /api/users} is ADMIN only), so this screen offers none of it. The view is logged as the API logs.
     */
    private void users(ScreenRequest r) {
        Post post = postOf(services, r);
        List<AccountSummary> accounts = services.accounts().list().stream()
                .filter(a -> post.id().equals(a.postId()))
                .sorted(Comparator.comparing((AccountSummary a) -> a.role().ordinal()).thenComparing(AccountSummary::username))
                .toList();
        services.accessLog().record(AccessLog.Access.by(r.actor(), "account.list", "post/" + post.id()
                + " count=" + accounts.size()));
        List<SupervisorRows.UserRow> rows = accounts.stream()
                .map(a -> SupervisorRows.UserRow.of(a, r.texts(), post.zone())).toList();
        r.render("supervisor/users.jte", r.page(r.t("supervisor.users.title")), "rows", rows, "postName", post.name());
    }
}
