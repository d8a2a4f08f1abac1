package org.ibex.screens;

import org.ibex.agreement.QueryType;
import org.ibex.confirmation.Confirmation;
import org.ibex.confirmation.PartnerProbe;
import org.ibex.confirmation.ProbeRequest;
import org.ibex.inquiry.QuestionRefusedException;
import org.ibex.input.FieldRuleException;
import org.ibex.trust.NodeIdentity;
import org.ibex.web.Services;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The "ask partner states" part of an arrival's result: the partners whose agreements let this node ask who a person
 * is by their prints, a form that sends the identification's own fingers to one of them, and every probe already
 * sent for the identification with its answer and receipt. Absent on a node outside a federation.
 */
public final class ArrivalPartners {
    static final int LISTED = 50;
    private final Services services;
    private final Optional<Confirmation> confirmation;
    private final Clock clock;

    /** What the arrival page shows of partner states. */
    public record Section(long identificationId, ProbeOptions options, List<ProbeView> probes, boolean polling,
                          ProbeRefusal refused, String uid) {
    }

    ArrivalPartners(Services services) {
        this.services = services;
        this.confirmation = services.confirmation();
        this.clock = services.clock();
    }

    /** The section for the identification (whose scope the caller checked), or null outside a federation. */
    Section section(ScreenRequest r, long identificationId, ProbeRefusal refused) {
        if (confirmation.isEmpty() || services.agreements().isEmpty()) {
            return null;
        }
        List<ProbeView> probes = confirmation.get().probes().list(identificationId, r.actor(), LISTED).stream()
                .map(p -> ProbeView.of(p, clock.instant())).toList();
        return new Section(identificationId, ProbeScreens.options(r, services, QueryType.IDENTITY), probes,
                probes.stream().anyMatch(ProbeView::pending), refused, UUID.randomUUID().toString());
    }

    /**
     * Sends the identification's fingers to the partner chosen; the probe on success, else null with the form
     * marked, or the refusal thrown for the page to show.
     */
    PartnerProbe send(ScreenRequest r, long identificationId, Form form) {
        if (confirmation.isEmpty()) {
            throw new org.ibex.border.NotFoundException("this node has not joined a federation");
        }
        NodeIdentity partner = ProbeScreens.partner(r, form);
        if (form.value("purpose").isEmpty()) {
            form.error("purpose", r.t("confirm.error.purpose"));
        }
        if (form.value("case").length() > 200) {
            form.error("case", r.t("confirm.error.case"));
        }
        if (form.hasErrors()) {
            return null;
        }
        try {
            return confirmation.get().probes().send(new ProbeRequest(partner, QueryType.IDENTITY.code(),
                    form.value("purpose"), List.of(), identificationId, null,
                    ProbeScreens.blankToNull(form.value("case")), ProbeScreens.uid(r)), r.actor());
        } catch (FieldRuleException e) {
            ProbeScreens.mark(r, form, e);
            return null;
        }
    }

    /** Kept for the refusal's type in the caller's catch. */
    static ProbeRefusal refused(ScreenRequest r, QuestionRefusedException e) {
        return ProbeRefusal.of(r, e);
    }
}
