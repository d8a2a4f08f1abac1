package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.sync.HeadquartersSync;
import org.ibex.sync.SyncStatus;
import org.ibex.sync.SyncUnavailableException;

import java.util.Optional;
import java.util.Set;

/**
 * The sync page: at a post, headquarters' last contact, what waits to leave and each list's age with a warning when
 * one is stale; at headquarters, every post with its last contact, backlog and staleness. Who sees which is
 * {@link SyncStatus#viewFor}'s rule, the API's too.
 */
final class SyncScreen implements ScreenArea {
    static final Set<Role> ROLES = Set.of(Role.ADMIN, Role.ANALYST, Role.SUPERVISOR);
    private final Optional<SyncStatus> sync;

    SyncScreen(Optional<SyncStatus> sync) {
        this.sync = sync;
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get("/sync", ROLES, r -> {
            if (sync.isEmpty()) {
                r.render("sync/status.jte", r.page(r.t("sync.title")), "view", null, "none", "sync.none.joined");
                return;
            }
            Object view;
            try {
                view = sync.get().viewFor(r.user());
            } catch (SyncUnavailableException e) {
                r.render("sync/status.jte", r.page(r.t("sync.title")), "view", null, "none", "sync.none.role");
                return;
            }
            String title = view instanceof HeadquartersSync ? r.t("sync.hq.title") : r.t("sync.post.title");
            r.render("sync/status.jte", r.page(title), "view", SyncView.of(view), "none", null);
        });
    }
}
