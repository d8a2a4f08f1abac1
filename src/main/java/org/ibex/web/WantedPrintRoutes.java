package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;

import java.util.List;
import java.util.Set;

/**
 * Fingerprints of wanted persons: list managers flag enrolled subjects (by subject or by person) with a reason and
 * lift flags with one; list managers, admins and supervisors read what this node screens probes against.
 */
final class WantedPrintRoutes {
    private static final Set<Role> READERS = Set.of(Role.LIST_MANAGER, Role.ADMIN, Role.SUPERVISOR);
    private final Services services;
    private final ObjectMapper mapper;

    /** A flag: exactly one of the subject and the person, and why they are wanted. */
    record FlagRequest(Long subjectId, Long personId, String reason) {
    }

    WantedPrintRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/wanted-prints", READERS, ctx ->
                        ctx.json(services.biometrics().wanted().list(Requests.actor(ctx)))),
                Endpoint.of(HandlerType.POST, "/api/wanted-prints", Set.of(Role.LIST_MANAGER), ctx -> {
                    FlagRequest request = Requests.body(ctx, mapper, FlagRequest.class);
                    ctx.json(services.biometrics().wanted().flag(request.subjectId(), request.personId(),
                            request.reason(), Requests.actor(ctx)));
                }),
                Endpoint.of(HandlerType.POST, "/api/wanted-prints/{id}/lift", Set.of(Role.LIST_MANAGER),
                        ctx -> {
                            long subjectId = Requests.pathId(ctx, "id");
                            BiometricRoutes.ReasonRequest request = Requests.body(ctx, mapper,
                                    BiometricRoutes.ReasonRequest.class);
                            ctx.json(services.biometrics().wanted().lift(subjectId, request.reason(),
                                    Requests.actor(ctx)));
                        }));
    }
}
