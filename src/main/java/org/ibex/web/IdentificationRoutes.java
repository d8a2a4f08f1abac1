package org.ibex.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import org.ibex.biometrics.Identification;

import java.util.List;

/**
 * 1:N identification: a search that never enrols, the recorded result an officer can open again, and the explicit
 * enrolment of an unknown person by the post that searched, with a reason.
 */
final class IdentificationRoutes {
    private final Services services;
    private final ObjectMapper mapper;
    private final BodyBudget bodies;

    /** Fingers to search with, a label for the record and, if the caller wants another, the target FPIR. */
    record IdentifyRequest(String label, List<BiometricRoutes.FingerInput> fingers, Double targetFpir) {
    }

    /** Why the unknown person is enrolled: required, as for every act on the gallery. */
    record EnrolmentRequest(String reason) {
    }

    IdentificationRoutes(Services services, ObjectMapper mapper, BodyBudget bodies) {
        this.services = services;
        this.mapper = mapper;
        this.bodies = bodies;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.POST, "/api/identifications", BiometricRoutes.INSPECTORS, ctx -> {
                    try (BodyBudget.Lease lease = bodies.lease()) {
                        IdentifyRequest request = Requests.body(ctx, mapper, IdentifyRequest.class,
                                BiometricRoutes.MAX_BODY, lease);
                        String label = request.label() == null || request.label().isBlank()
                                ? "unknown subject" : request.label().strip();
                        if (label.length() > 200) {
                            throw ApiException.badRequest("label", "label must be at most 200 characters");
                        }
                        ctx.status(201).json(linked(services.biometrics().identify(label,
                                BiometricRoutes.captures(request.fingers()), request.targetFpir(), Requests.actor(ctx))));
                    }
                }),
                Endpoint.of(HandlerType.GET, "/api/identifications/{id}", BiometricRoutes.INSPECTORS, ctx ->
                        ctx.json(linked(services.biometrics().identification(Requests.pathId(ctx, "id"),
                                Requests.actor(ctx))))),
                Endpoint.of(HandlerType.POST, "/api/identifications/{id}/enrolment", BiometricRoutes.INSPECTORS, ctx -> {
                    long id = Requests.pathId(ctx, "id");
                    if (ctx.body().isBlank()) {
                        throw ApiException.badRequest("reason", "enrolling an unknown person needs a reason: send"
                                + " {\"reason\": \"...\"}");
                    }
                    EnrolmentRequest request = Requests.body(ctx, mapper, EnrolmentRequest.class);
                    ctx.status(201).json(linked(services.biometrics().enrolIdentified(id, request.reason(),
                            Requests.actor(ctx))));
                }));
    }

    /** The result with the addresses an officer opens next: itself, each candidate person, the enrolment. */
    private JsonNode linked(Identification identification) {
        ObjectNode node = mapper.valueToTree(identification);
        String self = "/api/identifications/" + identification.id();
        node.put("href", self);
        if (identification.enrolledSubjectId() == null) {
            node.put("enrolment", self + "/enrolment");
        }
        for (JsonNode candidate : node.withArray("candidates")) {
            if (candidate.hasNonNull("personId")) {
                ((ObjectNode) candidate).put("person", "/api/persons/" + candidate.get("personId").asLong());
            }
        }
        return node;
    }
}
