package org.ibex.web;

import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.sync.SyncStatus;
import org.ibex.sync.SyncUnavailableException;

import java.util.List;
import java.util.Set;

/**
 * The node's sync state: a post's view (headquarters' contact, backlog, reference ages) or headquarters' view (every
 * post), by the node's place in the federation. Supervisors see their own post's node only.
 */
final class SyncRoutes {
    private final Services services;

    SyncRoutes(Services services) {
        this.services = services;
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.of(HandlerType.GET, "/api/sync/status",
                Set.of(Role.ADMIN, Role.ANALYST, Role.SUPERVISOR), ctx -> {
                    SyncStatus status = services.sync().orElseThrow(() -> new ApiException(409, "not-federated",
                            null, "this node has not joined a federation, so it has no sync state: see 'ibex"
                            + " exchange join' in the README"));
                    try {
                        ctx.json(status.viewFor(Requests.actor(ctx).user()));
                    } catch (SyncUnavailableException e) {
                        throw new ApiException(409, "no-sync-role", null, e.getMessage());
                    }
                }));
    }
}
