package org.ibex.screens;

import io.javalin.http.HandlerType;
import org.ibex.border.NotFoundException;
import org.ibex.input.FieldRuleException;
import org.ibex.watchlist.ConfirmationRequiredException;
import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.EntryPage;
import org.ibex.watchlist.EntryQuery;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.WatchlistService;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One entry of a list added, edited or expired by its keeper. Each act is a new version of the list, made and
 * audited by the domain, which also refuses whoever may not change the list; these pages ask first, so a refused
 * user sees the refusal, not a form.
 */
final class WatchlistEntryScreens {
    private static final Set<String> DONE = Set.of("added", "updated", "expired", "removed");
    private final WatchlistService lists;
    private final WatchlistCatalog catalog;
    private final WatchlistEntryForms forms = new WatchlistEntryForms();

    WatchlistEntryScreens(WatchlistService lists, WatchlistCatalog catalog) {
        this.lists = lists;
        this.catalog = catalog;
    }

    void routes(ScreenRoutes routes) {
        String list = WatchlistScreens.LISTS + "/list/{id}";
        routes.get(list + "/add", WatchlistScreens.KEEPERS, r -> showForm(r, null));
        routes.post(list + "/add", WatchlistScreens.KEEPERS, r -> save(r, true));
        routes.get(list + "/edit", WatchlistScreens.KEEPERS, r -> showForm(r, r.query("entry")));
        routes.post(list + "/edit", WatchlistScreens.KEEPERS, r -> save(r, false));
        routes.get(list + "/expire", WatchlistScreens.KEEPERS, r -> showExpire(r, Form.empty(), null));
        routes.post(list + "/expire", WatchlistScreens.KEEPERS, this::expire);
    }

    /** Whether a "done" word from the query is one these screens send, so a notice never shows arbitrary text. */
    static boolean knownDone(String done) {
        return DONE.contains(done);
    }

    private static boolean persons(String kind) {
        return !"document".equals(kind);
    }

    private void showForm(ScreenRequest r, String entryId) {
        WatchlistViews.ListRow list = catalog.changeable(WatchlistScreens.listId(r), r.actor());
        boolean persons = persons(r.query("kind"));
        Form form = Form.empty();
        if (entryId != null) {
            EntryPage found = found(list.id(), persons, entryId, r);
            if (persons) {
                forms.fill(form, found.persons().get(0));
            } else {
                forms.fill(form, found.documents().get(0));
            }
        }
        render(r, new WatchlistViews.EntryForm(list, persons, entryId), form);
    }

    private void render(ScreenRequest r, WatchlistViews.EntryForm view, Form form) {
        String title = r.t((view.persons() ? "watchlist.person." : "watchlist.document.")
                + (view.adding() ? "add" : "edit"));
        r.render(view.persons() ? "watchlist/person.jte" : "watchlist/document.jte", r.page(title, form), "view", view);
    }

    private void save(ScreenRequest r, boolean adding) {
        WatchlistViews.ListRow list = catalog.changeable(WatchlistScreens.listId(r), r.actor());
        boolean persons = persons(r.form("kind"));
        String entryId = adding ? r.form("entryId") : r.form("entry");
        Form form = Form.empty();
        WatchlistViews.EntryForm view = new WatchlistViews.EntryForm(list, persons, adding ? null : entryId);
        try {
            if (persons) {
                PersonEntry entry = forms.person(r, list.id(), entryId, form);
                if (entry != null) {
                    if (adding) {
                        lists.edits().addPerson(entry, r.actor());
                    } else {
                        lists.edits().updatePerson(entry, r.actor());
                    }
                }
            } else {
                DocumentEntry entry = forms.document(r, list.id(), entryId, form);
                if (entry != null) {
                    if (adding) {
                        lists.edits().addDocument(entry, r.actor());
                    } else {
                        lists.edits().updateDocument(entry, r.actor());
                    }
                }
            }
        } catch (FieldRuleException e) {
            forms.refused(r, form, e);
        }
        if (form.hasErrors()) {
            r.ctx().status(400);
            render(r, view, form);
            return;
        }
        r.redirect(done(list.id(), persons, adding ? "added" : "updated", entryId));
    }

    private void showExpire(ScreenRequest r, Form form, Integer removalToConfirm) {
        WatchlistViews.ListRow list = catalog.changeable(WatchlistScreens.listId(r), r.actor());
        boolean posted = r.ctx().method() == HandlerType.POST;
        boolean persons = persons(posted ? r.form("kind") : r.query("kind"));
        String entryId = posted ? r.form("entry") : r.query("entry");
        EntryPage found = found(list.id(), persons, entryId, r);
        String title = r.t(persons ? "watchlist.expire.title" : "watchlist.remove.title");
        r.render("watchlist/expire.jte", r.page(title, form), "view", new WatchlistViews.EntryForm(list, persons, entryId),
                "person", persons ? found.persons().get(0) : null, "document", persons ? null : found.documents().get(0),
                "removalToConfirm", removalToConfirm);
    }

    private void expire(ScreenRequest r) {
        WatchlistViews.ListRow list = catalog.changeable(WatchlistScreens.listId(r), r.actor());
        boolean persons = persons(r.form("kind"));
        String entryId = r.form("entry");
        String reason = r.form("reason");
        Form form = Form.empty().set("reason", reason);
        Integer confirm = r.form("confirm").matches("[0-9]{1,9}") ? Integer.valueOf(r.form("confirm")) : null;
        if (reason.isEmpty()) {
            form.error("reason", r.t("watchlist.error.reason"));
        } else {
            try {
                if (persons) {
                    lists.edits().expirePerson(list.id(), entryId, reason, r.actor());
                } else {
                    lists.edits().removeDocument(list.id(), entryId, reason, confirm, r.actor());
                }
                r.redirect(done(list.id(), persons, persons ? "expired" : "removed", entryId));
                return;
            } catch (ConfirmationRequiredException e) {
                form.error("confirm", r.t("watchlist.remove.confirmNeeded", e.removed()));
                r.ctx().status(409);
                showExpire(r, form, e.removed());
                return;
            } catch (FieldRuleException e) {
                forms.refused(r, form, e);
            }
        }
        r.ctx().status(400);
        showExpire(r, form, null);
    }

    private EntryPage found(String listId, boolean persons, String entryId, ScreenRequest r) {
        if (entryId == null || entryId.isEmpty() || entryId.length() > 200) {
            throw new NotFoundException("no entry " + entryId);
        }
        EntryPage page = lists.entry(listId, persons ? EntryQuery.Kind.PERSON : EntryQuery.Kind.DOCUMENT, entryId,
                r.actor());
        if (page.persons().isEmpty() && page.documents().isEmpty()) {
            throw new NotFoundException("list " + listId + " has no entry " + entryId);
        }
        return page;
    }

    private static String done(String listId, boolean persons, String done, String entryId) {
        return WatchlistScreens.listPath(listId) + "?kind=" + (persons ? "person" : "document") + "&done=" + done
                + "&entry=" + URLEncoder.encode(entryId, StandardCharsets.UTF_8);
    }
}
