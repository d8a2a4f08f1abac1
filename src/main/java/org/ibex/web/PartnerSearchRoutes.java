package org.ibex.web;

import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.confirmation.ConfirmationViews;
import org.ibex.confirmation.PartnerSearch;
import org.ibex.trust.NodeIdentity;

import java.util.List;
import java.util.Set;

/**
 * The oversight view of the probes partner states sent this node: who asked, under which agreement, the digest and
 * the answer, and each signed deletion receipt to download. Never any probe content.
 */
final class PartnerSearchRoutes {
    private static final Set<Role> OVERSEERS = Set.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN);
    private final Services services;

    PartnerSearchRoutes(Services services) {
        this.services = services;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/partner-searches", OVERSEERS, ctx -> {
                    var searches = PartnerProbeRoutes.confirmation(services).searches();
                    String requester = ctx.queryParam("requester");
                    String partner = requester == null || requester.isBlank() ? null
                            : PartnerProbeRoutes.partner(requester).toString();
                    ctx.json(searches.list(partner, Requests.limit(ctx), Requests.actor(ctx)).stream()
                            .map(ConfirmationViews::search).toList());
                }),
                Endpoint.of(HandlerType.GET, "/api/partner-searches/{id}", OVERSEERS, ctx ->
                        ctx.json(ConfirmationViews.search(PartnerProbeRoutes.confirmation(services).searches()
                                .find(PartnerProbeRoutes.id(ctx), Requests.actor(ctx))))),
                Endpoint.of(HandlerType.GET, "/api/partner-searches/{id}/receipt", OVERSEERS, ctx -> {
                    PartnerSearch search = PartnerProbeRoutes.confirmation(services).searches()
                            .find(PartnerProbeRoutes.id(ctx), Requests.actor(ctx));
                    if (search.receipt() == null) {
                        throw new ApiException(404, "no-receipt", null, "probe " + search.id() + " is not deleted"
                                + " yet: its receipt is signed once it is searched and erased");
                    }
                    PartnerProbeRoutes.attachment(ctx, "receipt-" + search.id() + ".json", search.receipt().toFile());
                }));
    }
}
