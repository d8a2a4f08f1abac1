package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.ImageRefusedException;
import org.ibex.biometrics.MissingFinger;
import org.ibex.biometrics.MissingReason;
import org.ibex.biometrics.NistFingers;
import org.ibex.biometrics.NistFormatException;
import org.ibex.biometrics.NistReader;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fingerprints: officers enrol and verify 1:1 the persons their post has dealt with, and identify an undocumented
 * person 1:N; supervisors replace and withdraw enrolments with a reason, and open cases for other persons.
 */
final class BiometricRoutes {
    /**
     * What a request carrying images may have: ten FVC prints as TIFF in base64 are about 1.9 MB, an ANSI/NIST-ITL
     * ten-print with slaps a few MB; every other endpoint keeps the 1 MiB cap. Each image keeps its own limits.
     */
    static final long MAX_BODY = 24L << 20;
    static final Set<Role> INSPECTORS = Set.of(Role.OFFICER, Role.SUPERVISOR);
    private final Services services;
    private final ObjectMapper mapper;
    private final BodyBudget bodies;

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

    BiometricRoutes(Services services, ObjectMapper mapper, BodyBudget bodies) {
        this.services = services;
        this.mapper = mapper;
        this.bodies = bodies;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.POST, "/api/persons/{id}/fingerprints", INSPECTORS, ctx -> {
                    try (BodyBudget.Lease lease = bodies.lease()) {
                        EnrolRequest request = Requests.body(ctx, mapper, EnrolRequest.class, MAX_BODY, lease);
                        long personId = Requests.pathId(ctx, "id");
                        ctx.status(201).json(services.biometrics().enrol(personId, "person " + personId,
                                captures(request.fingers()), missing(request.missing()), request.reason(),
                                Requests.actor(ctx)));
                    }
                }),
                Endpoint.of(HandlerType.POST, "/api/persons/{id}/fingerprints/verify", INSPECTORS, ctx -> {
                    try (BodyBudget.Lease lease = bodies.lease()) {
                        VerifyRequest request = Requests.body(ctx, mapper, VerifyRequest.class, MAX_BODY, lease);
                        ctx.json(services.biometrics().verify(Requests.pathId(ctx, "id"), captures(request.fingers()),
                                Requests.actor(ctx)));
                    }
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
                Endpoint.of(HandlerType.POST, "/api/persons/{id}/fingerprints/nist", INSPECTORS, ctx -> {
                    long personId = Requests.pathId(ctx, "id");
                    try (BodyBudget.Lease lease = bodies.lease()) {
                        NistFingers.Extracted fingers = nistFingers(Requests.bytes(ctx, MAX_BODY, lease));
                        BiometricService.Enrolment enrolment;
                        try {
                            enrolment = services.biometrics().enrol(personId, "person " + personId, fingers.captures(),
                                    List.of(), ctx.queryParam("reason"), Requests.actor(ctx));
                        } catch (ImageRefusedException e) {
                            throw e.index() < 0 ? e : e.in("record " + fingers.recordOfCapture().get(e.index()));
                        }
                        ctx.status(201).json(Map.of("enrolment", enrolment, "skipped", fingers.skipped()));
                    }
                }));
    }

    /** The single fingers of an uploaded ANSI/NIST-ITL transaction; a file that is none is the client's error. */
    private static NistFingers.Extracted nistFingers(byte[] file) {
        try {
            return NistFingers.of(new NistReader().read(file));
        } catch (NistFormatException e) {
            throw ApiException.badRequest("body", "not an ANSI/NIST-ITL transaction with fingers to enrol: "
                    + e.getMessage());
        }
    }

    /** The fingers of a request as captures; a bad one is blamed as {@code fingers[i]} and its member. */
    static List<FingerCapture> captures(List<FingerInput> fingers) {
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
            for (int j = 0; j < i; j++) {
                if (fingers.get(j).position() == f.position()) {
                    throw ApiException.badRequest("fingers[" + i + "].position", "the "
                            + captures.get(i).position().label() + " is given twice (fingers[" + j + "] and [" + i
                            + "]); send the better capture only");
                }
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
