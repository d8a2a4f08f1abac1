package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.ImageRefusedException;
import org.ibex.biometrics.MissingFinger;
import org.ibex.biometrics.MissingReason;

import java.util.List;
import java.util.Set;

/**
 * Fingerprints: officers enrol and verify 1:1 the persons their post has dealt with, and identify an undocumented
 * person 1:N; supervisors replace and withdraw enrolments with a reason, and open cases for other persons.
 */
final class BiometricRoutes {
    private static final Set<Role> INSPECTORS = Set.of(Role.OFFICER, Role.SUPERVISOR);
    private final Services services;
    private final ObjectMapper mapper;

    /** A finger image in base64 (WSQ, PNG, JPEG or TIFF), its position 1-10 and, if known, its resolution. */
    record FingerInput(int position, String image, Double dpi) {
    }

    /** A finger that cannot be given, and why. */
    record MissingInput(int position, MissingReason reason, String note) {
    }

    /** The reason is required when the enrolment replaces one in force (supervisors only). */
    record EnrolRequest(List<FingerInput> fingers, List<MissingInput> missing, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    record VerifyRequest(List<FingerInput> fingers) {
    }

    record IdentifyRequest(String label, List<FingerInput> fingers, Double targetFpir) {
    }

    BiometricRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.POST, "/api/persons/{id}/fingerprints", INSPECTORS, ctx -> {
                    EnrolRequest request = Requests.body(ctx, mapper, EnrolRequest.class);
                    long personId = Requests.pathId(ctx, "id");
                    ctx.status(201).json(services.biometrics().enrol(personId, "person " + personId,
                            captures(request.fingers()), missing(request.missing()), request.reason(),
                            Requests.actor(ctx)));
                }),
                Endpoint.of(HandlerType.POST, "/api/persons/{id}/fingerprints/verify", INSPECTORS, ctx -> {
                    VerifyRequest request = Requests.body(ctx, mapper, VerifyRequest.class);
                    ctx.json(services.biometrics().verify(Requests.pathId(ctx, "id"), captures(request.fingers()),
                            Requests.actor(ctx)));
                }),
                Endpoint.of(HandlerType.DELETE, "/api/biometric-subjects/{id}", Set.of(Role.SUPERVISOR), ctx -> {
                    long subjectId = Requests.pathId(ctx, "id");
                    if (ctx.body().isBlank()) {
                        throw ApiException.badRequest("reason", "a withdrawal needs a reason: send {\"reason\": \"...\"}");
                    }
                    ReasonRequest request = Requests.body(ctx, mapper, ReasonRequest.class);
                    services.biometrics().withdraw(subjectId, request.reason(), Requests.actor(ctx));
                    ctx.status(204);
                }),
                Endpoint.of(HandlerType.POST, "/api/persons/{id}/cases", Set.of(Role.SUPERVISOR), ctx -> {
                    long personId = Requests.pathId(ctx, "id");
                    ReasonRequest request = Requests.body(ctx, mapper, ReasonRequest.class);
                    ctx.status(201).json(services.biometrics().openCase(personId, request.reason(), Requests.actor(ctx)));
                }),
                Endpoint.of(HandlerType.POST, "/api/identifications", INSPECTORS, ctx -> {
                    IdentifyRequest request = Requests.body(ctx, mapper, IdentifyRequest.class);
                    String label = request.label() == null || request.label().isBlank()
                            ? "unknown subject" : request.label().strip();
                    if (label.length() > 200) {
                        throw ApiException.badRequest("label", "label must be at most 200 characters");
                    }
                    ctx.status(201).json(services.biometrics().identify(label, captures(request.fingers()),
                            request.targetFpir(), Requests.actor(ctx)));
                }));
    }

    private static List<FingerCapture> captures(List<FingerInput> fingers) {
        if (fingers == null || fingers.isEmpty()) {
            throw ApiException.badRequest("fingers", "at least one finger {position, image, dpi} is required");
        }
        if (fingers.size() > 10) {
            throw ApiException.badRequest("fingers", "at most ten fingers, one per position");
        }
        List<FingerCapture> captures = new java.util.ArrayList<>();
        for (int i = 0; i < fingers.size(); i++) {
            FingerInput f = fingers.get(i);
            if (f == null) {
                throw ApiException.badRequest("fingers[" + i + "]", "a finger is {position, image, dpi}, not null");
            }
            try {
                captures.add(FingerCapture.fromBase64(f.position(), f.image(), f.dpi()));
            } catch (ImageRefusedException e) {
                throw e.at(i);
            }
        }
        return captures;
    }

    private static List<MissingFinger> missing(List<MissingInput> missing) {
        if (missing == null) {
            return List.of();
        }
        return missing.stream().map(m -> {
            if (m.reason() == null) {
                throw ApiException.badRequest("missing.reason", "a missing finger needs a reason: "
                        + List.of(MissingReason.values()));
            }
            return new MissingFinger(FingerPosition.ofCode(m.position()), m.reason(), m.note() == null ? "" : m.note());
        }).toList();
    }
}
