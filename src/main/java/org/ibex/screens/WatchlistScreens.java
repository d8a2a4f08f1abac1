package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.watchlist.EntryPage;
import org.ibex.watchlist.EntryQuery;
import org.ibex.watchlist.InvalidEntryException;
import org.ibex.watchlist.RowError;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.WatchlistHit;
import org.ibex.web.Services;

import java.util.List;
import java.util.Set;

/**
 * Watchlist management for supervisors (their post's lists, and reading the national ones) and list managers
 * (the national lists): the lists, a list's entries with search and paging, one entry added, edited or expired,
 * and a file imported with its progress. Who may do what is the domain's rule; these screens only ask it.
 */
public final class WatchlistScreens implements ScreenArea {
    static final Set<Role> KEEPERS = Set.of(Role.SUPERVISOR, Role.LIST_MANAGER);
    static final String LISTS = "/watchlists";
    static final int PAGE_SIZE = 25;
    private static final int MATCHES = 200;
    private final Services services;
    private final WatchlistCatalog catalog;
    private final WatchlistEntryScreens entries;
    private final WatchlistImportScreens imports;

    public WatchlistScreens(Shell shell, Services services) {
        this.services = services;
        this.catalog = new WatchlistCatalog(services.watchlists());
        this.entries = new WatchlistEntryScreens(services.watchlists(), catalog);
        this.imports = new WatchlistImportScreens(services.watchlists(), catalog, new WatchlistImports(services.watchlists()));
    }

    /** The address of a list's page. */
    static String listPath(String listId) {
        return LISTS + "/list/" + listId;
    }

    /** A list id from the path, as the API takes it. */
    static String listId(ScreenRequest r) {
        String id = r.ctx().pathParam("id");
        if (!id.matches("[A-Za-z0-9._-]{1,60}")) {
            throw new InvalidEntryException("id", RowError.CODE, "list id must be 1..60 of A-Z a-z 0-9 . _ -");
        }
        return id;
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(LISTS, KEEPERS, this::lists);
        routes.get(LISTS + "/list/{id}", KEEPERS, this::entries);
        entries.routes(routes);
        imports.routes(routes);
    }

    private void lists(ScreenRequest r) {
        r.render("watchlist/lists.jte", r.page(r.t("watchlist.lists.title")), "lists", catalog.visible(r.actor()));
    }

    private void entries(ScreenRequest r) {
        String id = listId(r);
        WatchlistViews.ListRow list = catalog.find(id, r.actor());
        boolean persons = !"document".equals(r.query("kind"));
        String search = r.query("q");
        String after = r.query("after");
        EntryPage page = services.watchlists().entries(new EntryQuery(id, persons ? EntryQuery.Kind.PERSON
                : EntryQuery.Kind.DOCUMENT, search, after, PAGE_SIZE), r.actor());
        List<WatchlistHit> matches = persons && !search.isEmpty() && after.isEmpty()
                ? services.watchlists().screen(ScreeningQuery.byName(search), MATCHES, r.actor()).stream()
                        .filter(hit -> hit.kind() == WatchlistHit.Kind.PERSON && hit.listId().equals(id)).toList()
                : List.of();
        WatchlistViews.EntriesView view = new WatchlistViews.EntriesView(list, persons, search, after,
                page.persons(), page.documents(), page.nextAfter(), matches);
        String done = WatchlistEntryScreens.knownDone(r.query("done")) ? r.query("done") : null;
        r.render("watchlist/entries.jte", r.page(list.name()), "view", view, "done", done, "doneEntry", r.query("entry"));
    }
}
