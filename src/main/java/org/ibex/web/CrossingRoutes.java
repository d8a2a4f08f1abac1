package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.border.Crossing;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Page;

import java.util.Set;
import java.util.List;

/** MRZ validation and crossings: record, list, read, correct. */
final class CrossingRoutes {
    private static final Set<Role> INSPECTORS = Set.of(Role.OFFICER, Role.SUPERVISOR);
    private static final Set<Role> READERS = Set.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST);
    private final Services services;
    private final ObjectMapper mapper;

    record MrzRequest(String mrz) {
    }

    record CorrectionRequest(String reason, CrossingRequest crossing) {
    }

    CrossingRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.POST, "/api/mrz", READERS, ctx -> {
                    MrzRequest request = Requests.body(ctx, mapper, MrzRequest.class);
                    if (request.mrz() == null) {
                        throw ApiException.badRequest("mrz", "mrz is required: the lines of the zone separated by \\n");
                    }
                    ctx.json(services.mrzParser().parse(request.mrz()));
                }),
                Endpoint.of(HandlerType.POST, "/api/crossings", INSPECTORS, ctx -> {
                    CrossingRequest request = Requests.body(ctx, mapper, CrossingRequest.class);
                    var recorded = services.border().record(request, Requests.actor(ctx));
                    if (!recorded.duplicate()) {
                        services.metrics().counter("ibex.crossings.recorded", "post", recorded.crossing().postId(),
                                "direction", recorded.crossing().direction().name(),
                                "decision", recorded.crossing().decision().name()).increment();
                    }
                    ctx.status(recorded.duplicate() ? 200 : 201).json(recorded);
                }),
                Endpoint.of(HandlerType.GET, "/api/crossings", READERS, ctx -> {
                    Page<Crossing> page = services.border().page(CrossingFilters.read(ctx), Requests.actor(ctx));
                    if (page.more()) {
                        Paging.next(ctx, "before", Long.toString(page.items().get(page.items().size() - 1).id()));
                    }
                    ctx.json(page.items());
                }),
                Endpoint.of(HandlerType.GET, "/api/crossings/{id}", READERS, ctx ->
                        ctx.json(services.border().get(Requests.pathId(ctx, "id"), Requests.actor(ctx)))),
                Endpoint.of(HandlerType.POST, "/api/crossings/{id}/corrections", Set.of(Role.SUPERVISOR), ctx -> {
                    CorrectionRequest request = Requests.body(ctx, mapper, CorrectionRequest.class);
                    if (request.crossing() == null) {
                        throw ApiException.badRequest("crossing", "crossing is required: the corrected record");
                    }
                    ctx.status(201).json(services.border().correct(Requests.pathId(ctx, "id"), request.crossing(),
                            request.reason(), Requests.actor(ctx)));
                }));
    }
}
