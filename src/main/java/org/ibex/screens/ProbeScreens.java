package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.agreement.QueryType;
import org.ibex.border.NotFoundException;
import org.ibex.confirmation.Confirmation;
import org.ibex.confirmation.PartnerProbe;
import org.ibex.confirmation.PartnerRelease;
import org.ibex.confirmation.ProbeDocument;
import org.ibex.confirmation.ProbeRequest;
import org.ibex.confirmation.ReleaseRequest;
import org.ibex.delivery.ExchangeNode;
import org.ibex.inquiry.QuestionRefusedException;
import org.ibex.input.FieldRuleException;
import org.ibex.trust.NodeIdentity;
import org.ibex.web.Services;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The probes this node sent to partner states, newest first, with a form for a lost-or-stolen document probe; one
 * probe with its answer and its deletion receipt, refreshing itself while the answer is due (weak links may take
 * hours); on a hit, a supervisor asks for the release of what the agreement allows and follows it. Officers and
 * supervisors see their post's probes; the domain scopes them, so another post's probe reads as missing.
 */
final class ProbeScreens implements ScreenArea {
    static final String PATH = "/partner-probes";
    static final Set<Role> READERS = Set.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST);
    static final Set<Role> SENDERS = Set.of(Role.OFFICER, Role.SUPERVISOR);
    static final Set<Role> RELEASE_ASKERS = Set.of(Role.SUPERVISOR);
    /** The categories a release may ask for, in the order of the form. */
    static final List<String> RELEASABLE = List.of("biographic", "travel-history", "documents", "photo");
    private static final int LISTED = 100;
    private final Optional<Confirmation> confirmation;
    private final Services services;
    private final Clock clock;

    ProbeScreens(Services services) {
        this.confirmation = services.confirmation();
        this.services = services;
        this.clock = services.clock();
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(PATH, READERS, r -> list(r, Form.empty(), null));
        routes.post(PATH, SENDERS, this::sendDocument);
        routes.get(PATH + "/{id}", READERS, r -> show(r, Form.empty(), null));
        routes.get(PATH + "/{id}/receipt", READERS, this::receipt);
        routes.post(PATH + "/{id}/releases", RELEASE_ASKERS, this::askRelease);
    }

    /** The partners and purposes of a query, as the agreements in force offer them. */
    static ProbeOptions options(ScreenRequest r, Services services, QueryType query) {
        ExchangeNode exchange = services.exchange().orElseThrow();
        return ProbeOptions.of(r, exchange.node(), exchange.membership().federation().directory().nodes(),
                services.agreements().orElseThrow().usable(), query);
    }

    private void list(ScreenRequest r, Form form, ProbeRefusal refused) {
        if (confirmation.isEmpty()) {
            r.render("confirm/probes.jte", r.page(r.t("confirm.probes.title")), "options", null, "probes", List.of(),
                    "refused", null, "uid", "");
            return;
        }
        List<ProbeView> probes = confirmation.get().probes().list(null, r.actor(), LISTED).stream()
                .map(p -> ProbeView.of(p, clock.instant())).toList();
        ProbeOptions options = SENDERS.contains(r.user().role())
                ? options(r, services, QueryType.DOCUMENT_STATUS) : null;
        r.render("confirm/probes.jte", r.page(r.t("confirm.probes.title"), form), "options", options,
                "probes", probes, "refused", refused, "uid", UUID.randomUUID().toString());
    }

    private void sendDocument(ScreenRequest r) {
        Confirmation c = confirmation();
        Form form = Form.empty();
        for (String field : List.of("partner", "purpose", "issuingState", "number", "case")) {
            form.set(field, r.form(field));
        }
        String state = form.value("issuingState").toUpperCase(java.util.Locale.ROOT);
        String number = form.value("number").toUpperCase(java.util.Locale.ROOT);
        ProbeDocument document = null;
        try {
            document = new ProbeDocument(state, number);
        } catch (FieldRuleException e) {
            form.error(e.field().endsWith("issuingState") ? "issuingState" : "number",
                    r.t(e.field().endsWith("issuingState") ? "confirm.error.issuingState" : "confirm.error.number"));
        }
        NodeIdentity partner = partner(r, form);
        if (!form.hasErrors()) {
            try {
                PartnerProbe sent = c.probes().send(new ProbeRequest(partner, QueryType.DOCUMENT_STATUS.code(),
                        form.value("purpose"), List.of(), null, document, blankToNull(form.value("case")),
                        uid(r)), r.actor());
                r.redirect(PATH + "/" + sent.id());
                return;
            } catch (QuestionRefusedException e) {
                r.ctx().status(403);
                list(r, form, ProbeRefusal.of(r, e));
                return;
            } catch (FieldRuleException e) {
                mark(r, form, e);
            }
        }
        r.ctx().status(400);
        list(r, form, null);
    }

    /** The partner chosen, or an error on its field. */
    static NodeIdentity partner(ScreenRequest r, Form form) {
        try {
            return NodeIdentity.parse(form.value("partner"));
        } catch (IllegalArgumentException e) {
            form.error("partner", r.t("confirm.error.partner"));
            return null;
        }
    }

    /** A rule the domain names, on the form's field. */
    static void mark(ScreenRequest r, Form form, FieldRuleException e) {
        String field = switch (e.field()) {
            case "partner", "purpose", "case", "categories", "personId" -> e.field();
            case "document.issuingState" -> "issuingState";
            case "document.number", "document" -> "number";
            default -> "partner";
        };
        form.error(field, r.t("confirm.error." + field));
    }

    /** The retry key the form carried: a second submission answers with the first probe or release. */
    static String uid(ScreenRequest r) {
        String uid = r.form("uid");
        return uid.matches("[A-Za-z0-9._:-]{1,100}") ? uid : null;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private void show(ScreenRequest r, Form form, ProbeRefusal refused) {
        Confirmation c = confirmation();
        String id = id(r);
        // A poll while the answer is due reads the post's probes, not the one on record every few seconds.
        PartnerProbe probe = r.htmx() ? c.probes().list(null, r.actor(), LISTED).stream()
                .filter(p -> p.id().equals(id)).findFirst().orElse(null) : null;
        ProbeView view = ProbeView.of(probe != null ? probe : c.probes().find(id, r.actor()), clock.instant());
        Page page = r.page(r.t("confirm.probe.title"), form);
        List<ReleaseView> releases = c.releases().list(view.probe().id(), r.actor(), LISTED).stream()
                .map(ReleaseView::of).toList();
        boolean polling = view.pending() || releases.stream().anyMatch(ReleaseView::waiting);
        if (r.htmx()) {
            r.render("confirm/probeState.jte", page, "view", view, "releases", releases, "polling", polling);
            return;
        }
        boolean mayAsk = view.releasable() && RELEASE_ASKERS.contains(r.user().role());
        r.render("confirm/probe.jte", page, "view", view, "releases", releases, "polling", polling,
                "purposes", mayAsk ? options(r, services, QueryType.RELEASE).purposes() : null,
                "categories", RELEASABLE, "refused", refused, "uid", UUID.randomUUID().toString());
    }

    private void receipt(ScreenRequest r) {
        PartnerProbe probe = confirmation().probes().find(id(r), r.actor());
        if (probe.receipt() == null) {
            throw new NotFoundException("no receipt for probe " + probe.id() + " yet");
        }
        r.ctx().header("Content-Disposition", "attachment; filename=\"receipt-" + probe.id() + ".json\"");
        r.ctx().header("Cache-Control", "no-store");
        r.ctx().contentType("application/json");
        r.ctx().result(probe.receipt().toFile());
    }

    private void askRelease(ScreenRequest r) {
        Confirmation c = confirmation();
        String probeId = id(r);
        c.probes().find(probeId, r.actor());
        Form form = Form.empty().set("case", r.form("case")).set("purpose", r.form("purpose"))
                .set("personId", r.form("personId"))
                .set("categories", String.join(",", r.formValues("categories")));
        Long personId = null;
        if (!form.value("personId").isEmpty()) {
            if (form.value("personId").matches("[1-9][0-9]{0,17}")) {
                personId = Long.parseLong(form.value("personId"));
            } else {
                form.error("personId", r.t("confirm.error.personId"));
            }
        }
        if (form.value("case").isEmpty()) {
            form.error("case", r.t("confirm.error.case"));
        }
        if (r.formValues("categories").isEmpty()) {
            form.error("categories", r.t("confirm.error.categories"));
        }
        if (!form.hasErrors()) {
            try {
                PartnerRelease asked = c.releases().ask(new ReleaseRequest(probeId, form.value("case"),
                        form.value("purpose"), r.formValues("categories"), personId, uid(r)), r.actor());
                r.redirect(PATH + "/" + probeId + "#release-" + asked.id());
                return;
            } catch (QuestionRefusedException e) {
                r.ctx().status(403);
                show(r, form, ProbeRefusal.of(r, e));
                return;
            } catch (FieldRuleException e) {
                mark(r, form, e);
            }
        }
        r.ctx().status(400);
        show(r, form, null);
    }

    private Confirmation confirmation() {
        return confirmation.orElseThrow(() -> new NotFoundException("this node has not joined a federation"));
    }

    static String id(ScreenRequest r) {
        return r.uuidPath("probe");
    }
}
