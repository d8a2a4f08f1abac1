package org.ibex.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.confirmation.Confirmation;
import org.ibex.confirmation.ConfirmationViews;
import org.ibex.confirmation.ReleaseRequest;

import java.util.List;
import java.util.Set;

/**
 * Releases asked of partner states after a hit: a supervisor asks by the probe, for a case, a purpose and the
 * categories the agreement allows (officers may not); supervisors of the probe's post and analysts follow what came
 * back, and the data while it is kept.
 */
final class PartnerReleaseRoutes {
    static final Set<Role> READERS = Set.of(Role.SUPERVISOR, Role.ANALYST);
    private final Services services;
    private final ObjectMapper mapper;

    /** The body of POST /api/partner-releases, as the client spells it. */
    record ReleaseBody(String probeId, @JsonProperty("case") String caseRef, String purpose, List<String> categories,
                       Long personId, String uid) {
    }

    PartnerReleaseRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.POST, "/api/partner-releases", Set.of(Role.SUPERVISOR), this::ask),
                Endpoint.of(HandlerType.GET, "/api/partner-releases", READERS, ctx -> {
                    Confirmation confirmation = PartnerProbeRoutes.confirmation(services);
                    String probe = ctx.queryParam("probeId");
                    if (probe != null && probe.length() > 64) {
                        throw ApiException.badRequest("probeId", "probeId must be a probe id of at most 64"
                                + " characters");
                    }
                    ctx.json(confirmation.releases().list(probe == null || probe.isBlank() ? null : probe.strip(),
                            Requests.actor(ctx), Requests.limit(ctx)).stream().map(ConfirmationViews::release)
                            .toList());
                }),
                Endpoint.of(HandlerType.GET, "/api/partner-releases/{id}", READERS, ctx ->
                        ctx.json(ConfirmationViews.release(PartnerProbeRoutes.confirmation(services).releases()
                                .find(PartnerProbeRoutes.id(ctx), Requests.actor(ctx))))));
    }

    private void ask(Context ctx) {
        Confirmation confirmation = PartnerProbeRoutes.confirmation(services);
        long declared = ctx.req().getContentLengthLong();
        if (declared > QuestionRoutes.MAX_BODY || ctx.bodyAsBytes().length > QuestionRoutes.MAX_BODY) {
            throw new ApiException(413, "body-too-large", "body", "a release request takes at most "
                    + QuestionRoutes.MAX_BODY + " bytes: the probe, the case, the purpose and the categories");
        }
        ReleaseBody body = Requests.body(ctx, mapper, ReleaseBody.class);
        if (body.categories() != null && body.categories().size() > 10) {
            throw ApiException.badRequest("categories", "at most ten categories");
        }
        ctx.status(201).json(ConfirmationViews.release(confirmation.releases().ask(new ReleaseRequest(
                body.probeId(), body.caseRef(), body.purpose(), body.categories(), body.personId(), body.uid()),
                Requests.actor(ctx))));
    }
}
