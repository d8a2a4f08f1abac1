package org.ibex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.agreement.AgreementBook;
import org.ibex.agreement.AgreementException;
import org.ibex.agreement.AgreementFile;
import org.ibex.agreement.AgreementOverview;
import org.ibex.agreement.AgreementState;
import org.ibex.agreement.InstalledAgreement;
import org.ibex.agreement.SignedAgreement;
import org.ibex.border.NotFoundException;
import org.ibex.input.FieldRuleException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Agreements with other agencies or states: every installed version with its signers and quota used, installing a
 * signed file (admin), revoking the version in force (admin), and the file format's schema.
 */
final class AgreementRoutes {
    private static final Set<Role> READERS = Set.of(Role.ADMIN, Role.SUPERVISOR, Role.ANALYST);
    private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");
    private final Services services;
    private final ObjectMapper mapper;
    private final BodyBudget bodies;

    AgreementRoutes(Services services, ObjectMapper mapper, BodyBudget bodies) {
        this.services = services;
        this.mapper = mapper;
        this.bodies = bodies;
    }

    record RevokeRequest(String reason) {
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/agreements", READERS, ctx -> ctx.json(Map.of("node",
                        book().self().toString(), "agreements", overview().all().stream().map(AgreementViews::of)
                                .toList()))),
                Endpoint.of(HandlerType.GET, "/api/agreements/schema", READERS, this::schema),
                Endpoint.of(HandlerType.GET, "/api/agreements/{id}", READERS, ctx -> {
                    String id = id(ctx);
                    List<AgreementOverview.Entry> versions = overview().of(id);
                    if (versions.isEmpty()) {
                        throw new NotFoundException("no agreement " + id + " is installed at this node");
                    }
                    ctx.json(Map.of("id", id, "versions", versions.stream().map(AgreementViews::of).toList()));
                }),
                Endpoint.of(HandlerType.POST, "/api/agreements", Set.of(Role.ADMIN), this::install),
                Endpoint.of(HandlerType.POST, "/api/agreements/{id}/revoke", Set.of(Role.ADMIN), this::revoke));
    }

    private AgreementBook book() {
        return services.agreements().orElseThrow(() -> new ApiException(409, "not-federated", null, "this node has"
                + " not joined a federation, so it is party to no agreement: see 'ibex exchange join' in the README"));
    }

    private AgreementOverview overview() {
        return new AgreementOverview(services.database(), book(), services.clock());
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw ApiException.badRequest("id", "an agreement id is 3 to 64 of A-Z, 0-9 and -, such as"
                    + " UTO-POL-IMM");
        }
        return id;
    }

    private void schema(Context ctx) throws IOException {
        try (InputStream in = AgreementFile.class.getResourceAsStream("agreement.schema.json")) {
            ctx.contentType("application/schema+json").result(in.readAllBytes());
        }
    }

    private void install(Context ctx) {
        AgreementBook book = book();
        byte[] file;
        try (BodyBudget.Lease lease = bodies.lease()) {
            file = Requests.bytes(ctx, AgreementFile.MAX_BYTES, lease, "An agreement file is a few kilobytes");
        }
        try {
            SignedAgreement read = AgreementFile.read(file);
            boolean retry = book.find(read.agreement().id(), read.agreement().version())
                    .filter(a -> a.digest().equals(read.agreement().digest())).isPresent();
            InstalledAgreement installed = book.install(file, Requests.actor(ctx));
            ctx.status(retry ? 200 : 201).json(view(installed));
        } catch (AgreementException e) {
            throw new ApiException(400, e.kind() == AgreementException.Kind.INVALID ? "invalid-agreement"
                    : "unusable-agreement", e.field().isEmpty() ? "body" : e.field(), e.getMessage());
        } catch (FieldRuleException e) {
            if (e.field().equals("agreement.version")) {
                throw new ApiException(409, "version-" + e.rule(), e.field(), e.getMessage());
            }
            throw e;
        }
    }

    private void revoke(Context ctx) {
        AgreementBook book = book();
        String id = id(ctx);
        RevokeRequest request = Requests.body(ctx, mapper, RevokeRequest.class);
        try {
            ctx.json(view(book.revoke(id, request.reason(), Requests.actor(ctx))));
        } catch (NotFoundException e) {
            // A retried revoke answers as the first did: the latest version, revoked for this very reason.
            Optional<InstalledAgreement> latest = book.all().stream().filter(a -> a.id().equals(id)).findFirst();
            if (latest.isPresent() && latest.get().state() == AgreementState.REVOKED && request.reason() != null
                    && request.reason().strip().equals(latest.get().endReason())) {
                ctx.json(view(latest.get()));
                return;
            }
            throw e;
        }
    }

    private AgreementViews.Version view(InstalledAgreement installed) {
        return overview().of(installed.id()).stream()
                .filter(e -> e.installed().version() == installed.version()).findFirst()
                .map(AgreementViews::of).orElseThrow();
    }
}
