package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.border.CrossingRepository;
import org.ibex.border.CrossingRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
                    Actor actor = Requests.actor(ctx);
                    String post = ctx.queryParam("post");
                    String person = ctx.queryParam("person");
                    Long personId = person == null ? null : parseLong("person", person);
                    LocalDate from = Requests.date(ctx, "from", null);
                    LocalDate to = Requests.date(ctx, "to", null);
                    var filter = new CrossingRepository.Filter(post, personId, startOf(from),
                            to == null ? null : startOf(to.plusDays(1)), Requests.limit(ctx));
                    ctx.json(services.border().list(filter, actor));
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

    private static Instant startOf(LocalDate date) {
        return date == null ? null : date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static long parseLong(String field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field, field + " must be a whole number (got '" + value + "')");
        }
    }
}
