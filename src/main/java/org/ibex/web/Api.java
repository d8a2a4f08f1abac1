package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/** The whole API as one list of endpoints, grouped by area. */
final class Api {
    private final List<Endpoint> endpoints;

    Api(Services services, ObjectMapper mapper) {
        List<Endpoint> all = new ArrayList<>();
        all.addAll(new OpsRoutes(services).endpoints());
        all.addAll(new AuthRoutes(services, mapper).endpoints());
        all.addAll(new CrossingRoutes(services, mapper).endpoints());
        all.addAll(new StayRoutes(services).endpoints());
        all.addAll(new StatsRoutes(services).endpoints());
        all.addAll(new PersonRoutes(services).endpoints());
        all.addAll(new WatchlistRoutes(services, mapper).endpoints());
        BodyBudget bodies = BodyBudget.forHeap(BiometricRoutes.MAX_BODY);
        all.addAll(new BiometricRoutes(services, mapper, bodies).endpoints());
        all.addAll(new IdentificationRoutes(services, mapper, bodies).endpoints());
        all.addAll(new BatchScreeningRoutes(services, mapper, bodies).endpoints());
        all.addAll(new AccountRoutes(services, mapper).endpoints());
        all.addAll(new AdminRoutes(services, mapper).endpoints());
        all.addAll(new ExchangeRoutes(services, mapper).endpoints());
        all.addAll(new SyncRoutes(services).endpoints());
        all.addAll(new NationalRoutes(services).endpoints());
        all.addAll(new WantedPrintRoutes(services, mapper).endpoints());
        all.addAll(new AgreementRoutes(services, mapper, bodies).endpoints());
        all.addAll(new QuestionRoutes(services, mapper).endpoints());
        all.addAll(new DisclosureRoutes(services).endpoints());
        all.addAll(new PartnerProbeRoutes(services, mapper, bodies).endpoints());
        all.addAll(new PartnerReleaseRoutes(services, mapper).endpoints());
        all.addAll(new ReleaseDecisionRoutes(services, mapper).endpoints());
        all.addAll(new PartnerSearchRoutes(services).endpoints());
        all.addAll(new ProtectionRoutes(services, mapper).endpoints());
        all.addAll(new DisplacementRoutes(services, bodies).endpoints());
        this.endpoints = List.copyOf(all);
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }
}
