package org.ibex.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.biometrics.FingerQuality;
import org.ibex.biometrics.FingerSet;
import org.ibex.biometrics.FingerTemplate;
import org.ibex.biometrics.NistFingers;
import org.ibex.biometrics.NistFormatException;
import org.ibex.biometrics.NistReader;
import org.ibex.confirmation.Confirmation;
import org.ibex.confirmation.ConfirmationViews;
import org.ibex.confirmation.PartnerProbe;
import org.ibex.confirmation.ProbeDocument;
import org.ibex.confirmation.ProbeFinger;
import org.ibex.confirmation.ProbeRequest;
import org.ibex.input.FieldRuleException;
import org.ibex.trust.NodeIdentity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Anonymous probes to partner states: officers and supervisors send fingers (given as templates, those of a national
 * identification, or read from an ANSI/NIST-ITL file) or a travel document, and follow the hit or no hit and the
 * signed deletion receipt; analysts read them all. A node outside any federation answers 409.
 */
final class PartnerProbeRoutes {
    /** Ten ISO templates in base64 are about 40 KiB; 256 KiB leaves room and never for an image. */
    static final long MAX_BODY = 256 * 1024;
    static final Set<Role> SENDERS = Set.of(Role.OFFICER, Role.SUPERVISOR);
    static final Set<Role> READERS = Set.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST);
    private final Services services;
    private final ObjectMapper mapper;
    private final BodyBudget bodies;

    /** The body of POST /api/partner-probes, as the client spells it. */
    record ProbeBody(String partner, String query, String purpose, Long identificationId, List<FingerBody> fingers,
                     DocumentBody document, @JsonProperty("case") String caseRef, String uid) {
    }

    /** One finger's template, base64, as {@code iso-19794-2} or {@code sourceafis}, with its quality 0-100. */
    record FingerBody(Integer position, String format, String template, Integer quality) {
    }

    /** A travel document asked about: its issuing state and number. */
    record DocumentBody(String issuingState, String number) {
    }

    PartnerProbeRoutes(Services services, ObjectMapper mapper, BodyBudget bodies) {
        this.services = services;
        this.mapper = mapper;
        this.bodies = bodies;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.POST, "/api/partner-probes", SENDERS, this::send),
                Endpoint.of(HandlerType.POST, "/api/partner-probes/nist", SENDERS, this::sendNist),
                Endpoint.of(HandlerType.GET, "/api/partner-probes", READERS, ctx -> {
                    Confirmation confirmation = confirmation(services);
                    String wanted = ctx.queryParam("identificationId");
                    Long identification = wanted == null || wanted.isBlank() ? null
                            : Requests.wholeNumber("identificationId", wanted.strip(), 1, Long.MAX_VALUE);
                    ctx.json(confirmation.probes().list(identification, Requests.actor(ctx), Requests.limit(ctx))
                            .stream().map(this::view).toList());
                }),
                Endpoint.of(HandlerType.GET, "/api/partner-probes/{id}", READERS, ctx ->
                        ctx.json(view(confirmation(services).probes().find(id(ctx), Requests.actor(ctx))))),
                Endpoint.of(HandlerType.GET, "/api/partner-probes/{id}/receipt", READERS, ctx -> {
                    PartnerProbe probe = confirmation(services).probes().find(id(ctx), Requests.actor(ctx));
                    if (probe.receipt() == null) {
                        throw new ApiException(404, "no-receipt", null, "probe " + probe.id() + " has no deletion"
                                + " receipt yet: it is " + probe.state().name().toLowerCase(java.util.Locale.ROOT));
                    }
                    attachment(ctx, "receipt-" + probe.id() + ".json", probe.receipt().toFile());
                }));
    }

    private void send(Context ctx) {
        Confirmation confirmation = confirmation(services);
        ProbeBody body;
        try (BodyBudget.Lease lease = bodies.lease()) {
            body = Requests.body(ctx, mapper, ProbeBody.class, MAX_BODY, lease);
        }
        ProbeRequest request = new ProbeRequest(partner(body.partner()), body.query(), body.purpose(),
                fingers(body.fingers()), body.identificationId(), document(body.document()), body.caseRef(),
                body.uid());
        ctx.status(201).json(view(confirmation.probes().send(request, Requests.actor(ctx))));
    }

    /** A NIST file's fingers, extracted here with their quality; only the templates leave. */
    private void sendNist(Context ctx) {
        Confirmation confirmation = confirmation(services);
        NodeIdentity partner = partner(ctx.queryParam("partner"));
        List<ProbeFinger> fingers = new ArrayList<>();
        try (BodyBudget.Lease lease = bodies.lease()) {
            byte[] file = Requests.bytes(ctx, BiometricRoutes.MAX_BODY, lease, "An ANSI/NIST-ITL ten-print fits");
            if (file.length == 0) {
                throw ApiException.badRequest("body", "the body is an ANSI/NIST-ITL file with Type-4 or Type-14"
                        + " fingerprint records");
            }
            NistFingers.Extracted extracted;
            try {
                extracted = NistFingers.of(new NistReader().read(file));
            } catch (NistFormatException e) {
                throw ApiException.badRequest("body", "not an ANSI/NIST-ITL transaction with fingers: "
                        + e.getMessage());
            }
            if (extracted.captures().isEmpty()) {
                throw ApiException.badRequest("body", "the file holds no single finger to send: "
                        + extracted.skipped());
            }
            FingerSet set = services.biometrics().probe(extracted.captures());
            for (var position : set.capturedPositions()) {
                FingerTemplate template = set.template(position).orElseThrow();
                fingers.add(ProbeFinger.of(template, template.quality().map(FingerQuality::score).orElse(null)));
            }
        }
        ProbeRequest request = new ProbeRequest(partner, ctx.queryParam("query"), ctx.queryParam("purpose"),
                fingers, null, null, ctx.queryParam("case"), ctx.queryParam("uid"));
        ctx.status(201).json(view(confirmation.probes().send(request, Requests.actor(ctx))));
    }

    static NodeIdentity partner(String partner) {
        if (partner == null || partner.isBlank()) {
            throw ApiException.badRequest("partner", "partner is required: a partner's node id such as UTO/IMM/HQ");
        }
        try {
            return NodeIdentity.parse(partner.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("partner", "partner must be a node id such as UTO/IMM/HQ: "
                    + e.getMessage());
        }
    }

    /** The fingers of a body; a bad one is blamed as {@code fingers[i]} and its member. */
    private static List<ProbeFinger> fingers(List<FingerBody> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > 10) {
            throw ApiException.badRequest("fingers", "at most ten fingers, one per position");
        }
        List<ProbeFinger> fingers = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            FingerBody f = given.get(i);
            String at = "fingers[" + i + "]";
            if (f == null || f.position() == null) {
                throw ApiException.badRequest(at + ".position", at + " needs a position 1 to 10");
            }
            try {
                fingers.add(new ProbeFinger(f.position(), f.format(), f.template(), f.quality()));
            } catch (FieldRuleException e) {
                String field = e.field().replace("subject.fingers", at).replace("fingers.", at + ".");
                throw ApiException.badRequest(field, e.getMessage().replace("subject.fingers", at)
                        .replace("fingers.quality", at + ".quality"));
            }
        }
        return fingers;
    }

    private static ProbeDocument document(DocumentBody document) {
        return document == null ? null : new ProbeDocument(document.issuingState(), document.number());
    }

    private Map<String, Object> view(PartnerProbe probe) {
        return ConfirmationViews.probe(probe, services.clock().instant());
    }

    /** A JSON file to save, as a browser or curl -OJ does. */
    static void attachment(Context ctx, String name, byte[] file) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType("application/json");
        ctx.result(file);
    }

    /** An id as the path gives it; anything that cannot be one reads as missing. */
    static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > 64) {
            throw ApiException.badRequest("id", "id must be an id of at most 64 characters");
        }
        return id;
    }

    /** The node's confirmation pillar, or a 409 when the node is in no federation, as the questions answer. */
    static Confirmation confirmation(Services services) {
        return services.confirmation().orElseThrow(() -> new ApiException(409, "not-joined", null,
                "this node has not joined a federation: see 'ibex exchange join' in the README"));
    }
}
