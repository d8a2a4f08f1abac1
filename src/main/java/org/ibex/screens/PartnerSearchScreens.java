package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.border.NotFoundException;
import org.ibex.confirmation.Confirmation;
import org.ibex.confirmation.PartnerSearch;
import org.ibex.web.Services;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The oversight view: every probe partner states sent this node, with who asked, under which agreement and purpose,
 * the outcome (and an exclusion the agreement applied), when it arrived, was searched and was deleted, its digest,
 * and its signed deletion receipt to download and verify offline. Never any probe content.
 */
final class PartnerSearchScreens implements ScreenArea {
    static final String PATH = "/partner-searches";
    static final Set<Role> READERS = Set.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN);
    private static final int LISTED = 500;
    private final Optional<Confirmation> confirmation;

    PartnerSearchScreens(Services services) {
        this.confirmation = services.confirmation();
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(PATH, READERS, r -> {
            String requester = r.query("requester");
            List<PartnerSearch> searches = confirmation.map(c -> c.searches().list(requester.isEmpty() ? null
                    : requester, LISTED, r.actor())).orElse(List.of());
            r.render("confirm/searches.jte", r.page(r.t("confirm.searches.title")), "joined",
                    confirmation.isPresent(), "searches", searches, "requester", requester);
        });
        routes.get(PATH + "/{id}/receipt", READERS, r -> {
            String id = r.uuidPath("probe received");
            if (confirmation.isEmpty()) {
                throw new NotFoundException("no probe " + id + " was received");
            }
            PartnerSearch search = confirmation.get().searches().find(id, r.actor());
            if (search.receipt() == null) {
                throw new NotFoundException("no receipt for probe " + id + " yet");
            }
            r.ctx().header("Content-Disposition", "attachment; filename=\"receipt-" + id + ".json\"");
            r.ctx().header("Cache-Control", "no-store");
            r.ctx().contentType("application/json");
            r.ctx().result(search.receipt().toFile());
        });
    }
}
