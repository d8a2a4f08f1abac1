package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.biometrics.BiometricRefusal;
import org.ibex.biometrics.BiometricsBusyException;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.Identification;
import org.ibex.biometrics.ImageRefusedException;
import org.ibex.biometrics.Minutiae;
import org.ibex.biometrics.ReviewedIdentification;
import org.ibex.biometrics.UnusableFingerException;
import org.ibex.border.NotFoundException;
import org.ibex.input.FieldRuleException;
import org.ibex.store.ConflictException;
import org.ibex.web.Services;

import java.time.Clock;
import java.util.Set;

/**
 * Undocumented arrival: capture up to ten fingers (or one ANSI/NIST file), search the gallery 1:N, compare the
 * candidates with the probe side by side, record the outcome, and enrol an unknown person only by an act of its own
 * with a reason. Scoping and the access log are the domain's, as for the API: a search belongs to its post.
 */
public final class ArrivalScreens implements ScreenArea {
    static final String PATH = "/arrivals";
    /** The label of a search without the officer's reference, as the API gives it. */
    static final String DEFAULT_LABEL = "unknown subject";
    private static final Set<Role> INSPECTORS = Set.of(Role.OFFICER, Role.SUPERVISOR);
    private static final String OUTCOME = "outcome";
    private static final String REASON = "reason";
    private static final String ENROL_REASON = "enrolReason";
    private static final int MAX_REASON = 500;
    /** The ids of the notices of an outcome and an enrolment recorded, where an act too late is explained. */
    private static final String RECORDED = "recorded";
    private static final String ENROLLED = "enrolled";
    private final Services services;
    private final ArrivalImages images;
    private final ArrivalPartners partners;

    /** The shell is not needed beyond the gate: every answer goes through the request. */
    public ArrivalScreens(Shell shell, Services services) {
        this.services = services;
        this.images = new ArrivalImages(Clock.systemUTC());
        this.partners = new ArrivalPartners(services);
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(PATH, INSPECTORS, r -> showCapture(r, Form.empty()));
        routes.post(PATH, INSPECTORS, this::identify);
        routes.get(PATH + "/{id}", INSPECTORS, r -> showReview(r, id(r), Form.empty()));
        routes.post(PATH + "/{id}/partner-probes", INSPECTORS, this::askPartner);
        routes.get(PATH + "/{id}/partner-probes", INSPECTORS, this::partnerProbes);
        routes.post(PATH + "/{id}/outcome", INSPECTORS, this::recordOutcome);
        routes.post(PATH + "/{id}/enrolment", INSPECTORS, this::enrol);
        routes.get(PATH + "/{id}/probe/{finger}", INSPECTORS, r -> image(r, null));
        routes.get(PATH + "/{id}/candidates/{subject}/{finger}", INSPECTORS, r -> image(r, number(r, "subject")));
    }

    private void showCapture(ScreenRequest r, Form form) {
        r.render("arrival/capture.jte", r.page(r.t("arrival.title"), form), "positions", ArrivalCapture.positions());
    }

    private void identify(ScreenRequest r) {
        Form form = Form.empty();
        ArrivalCapture.Captured captured = ArrivalCapture.read(r, form);
        Identification identification = null;
        int status = 400;
        if (!form.hasErrors()) {
            try {
                identification = services.biometrics().identify(captured.label().isEmpty() ? DEFAULT_LABEL
                        : captured.label(), captured.captures(), null, r.actor());
            } catch (ImageRefusedException e) {
                String field = e.index() >= 0 ? captured.fields().get(e.index()) : captured.fields().get(0);
                form.error(field, switch (e.refusal()) {
                    case TOO_MANY_BYTES -> r.t("arrival.error.tooLarge", FingerCapture.MAX_IMAGE_BYTES >> 20);
                    case TOO_MANY_PIXELS -> r.t("arrival.error.tooManyPixels");
                    case UNREADABLE -> r.t(e.field().endsWith(".dpi") ? "arrival.error.imageDpi"
                            : "arrival.error.unreadable");
                });
            } catch (UnusableFingerException e) {
                String field = fieldOf(captured, e.position());
                form.error(field, field.equals(ArrivalCapture.NIST)
                        ? r.t("arrival.error.unusableIn", r.t("arrival.finger." + e.position().code()))
                        : r.t("arrival.error.unusable"));
            } catch (BiometricsBusyException e) {
                status = 503;
                r.ctx().header("Retry-After", String.valueOf(e.retryAfterSeconds()));
                form.error(captured.fields().get(0), r.t("arrival.error.busy", e.retryAfterSeconds()));
            }
        }
        if (identification == null) {
            r.ctx().status(status);
            showCapture(r, form);
            return;
        }
        try {
            images.keep(identification.id(), captured.captures());
        } catch (RuntimeException e) {
            // The search is recorded; the review shows the probe's minutiae instead of its images.
        }
        r.redirect(PATH + "/" + identification.id());
    }

    private static String fieldOf(ArrivalCapture.Captured captured, FingerPosition position) {
        for (int i = 0; i < captured.captures().size(); i++) {
            if (captured.captures().get(i).position() == position) {
                return captured.fields().get(i);
            }
        }
        return captured.fields().get(0);
    }

    private void showReview(ScreenRequest r, long id, Form form) {
        showReview(r, id, form, null);
    }

    private void showReview(ScreenRequest r, long id, Form form, ProbeRefusal refused) {
        ReviewedIdentification reviewed = services.biometrics().reviewedIdentification(id, r.actor());
        ArrivalView view = ArrivalView.of(reviewed, r.texts());
        r.render("arrival/review.jte", r.page(r.t("arrival.review.title", String.valueOf(id)), form), "view", view,
                "partners", partners.section(r, id, refused));
    }

    /** Asks a partner state who the person is, by the identification's own fingers (after the national search). */
    private void askPartner(ScreenRequest r) {
        long id = id(r);
        services.biometrics().reviewedIdentification(id, r.actor());
        Form form = Form.empty().set("partner", r.form("partner")).set("purpose", r.form("purpose"))
                .set("case", r.form("case"));
        try {
            if (partners.send(r, id, form) != null) {
                r.redirect(PATH + "/" + id + "#partners");
                return;
            }
        } catch (org.ibex.inquiry.QuestionRefusedException e) {
            r.ctx().status(403);
            showReview(r, id, form, ArrivalPartners.refused(r, e));
            return;
        }
        r.ctx().status(400);
        showReview(r, id, form, null);
    }

    /**
     * The probes of the identification, as the fragment the page polls while an answer is due. The probes are the
     * post's (the domain scopes them), so a poll reads them without putting the search on record every few seconds;
     * only a poll that finds none checks the search itself, so a search out of reach still reads as missing.
     */
    private void partnerProbes(ScreenRequest r) {
        long id = id(r);
        ArrivalPartners.Section section = r.htmx() ? partners.section(r, id, null) : null;
        if (section == null || section.probes().isEmpty()) {
            services.biometrics().reviewedIdentification(id, r.actor());
        }
        if (!r.htmx()) {
            r.redirect(PATH + "/" + id + "#partners");
            return;
        }
        if (section == null) {
            throw new NotFoundException("this node has not joined a federation");
        }
        r.render("confirm/arrivalProbes.jte", r.page(r.t("confirm.arrival.heading")), "partners", section);
    }

    private void recordOutcome(ScreenRequest r) {
        long id = id(r);
        String choice = r.form(OUTCOME);
        String reason = r.form(REASON);
        Form form = Form.empty().set(OUTCOME, choice).set(REASON, reason);
        Long subject = null;
        if (choice.startsWith("subject-")) {
            try {
                subject = Long.parseLong(choice.substring("subject-".length()));
            } catch (NumberFormatException e) {
                form.error(OUTCOME, r.t("arrival.error.choice"));
            }
        } else if (!choice.equals("none")) {
            form.error(OUTCOME, r.t("arrival.error.choice"));
        }
        if (reason.length() > MAX_REASON) {
            form.error(REASON, r.t("arrival.error.reasonLong"));
        }
        if (!form.hasErrors()) {
            try {
                services.biometrics().reviewIdentification(id, subject, reason, r.actor());
                r.redirect(PATH + "/" + id);
                return;
            } catch (BiometricRefusal e) {
                if (e.kind() != BiometricRefusal.Kind.REASON_REQUIRED) {
                    throw e;
                }
                form.error(REASON, r.t("arrival.error.reasonNoMatch"));
            } catch (FieldRuleException e) {
                form.error(e.field().equals(REASON) ? REASON : OUTCOME, r.t(e.field().equals(REASON)
                        ? "arrival.error.reasonLong" : "arrival.error.choice"));
            } catch (ConflictException e) {
                // The outcome's form is gone from the page: the summary links to the outcome recorded instead.
                form.error(RECORDED, r.t("arrival.error.reviewed"));
            }
        }
        r.ctx().status(400);
        showReview(r, id, form);
    }

    private void enrol(ScreenRequest r) {
        long id = id(r);
        String reason = r.form(ENROL_REASON);
        Form form = Form.empty().set(ENROL_REASON, reason);
        if (reason.isEmpty()) {
            form.error(ENROL_REASON, r.t("arrival.error.enrolReason"));
        } else if (reason.length() > MAX_REASON) {
            form.error(ENROL_REASON, r.t("arrival.error.reasonLong"));
        } else {
            ReviewedIdentification reviewed = services.biometrics().reviewedIdentification(id, r.actor());
            if (reviewed.review().map(review -> review.matchConfirmed()).orElse(false)) {
                form.error(RECORDED, r.t("arrival.error.matched"));
            } else {
                try {
                    services.biometrics().enrolIdentified(id, reason, r.actor());
                    r.redirect(PATH + "/" + id);
                    return;
                } catch (BiometricRefusal e) {
                    if (e.kind() == BiometricRefusal.Kind.REASON_REQUIRED) {
                        form.error(ENROL_REASON, r.t("arrival.error.enrolReason"));
                    } else if (e.kind() == BiometricRefusal.Kind.ENROLMENT_EXISTS) {
                        form.error(ENROLLED, r.t("arrival.error.enrolled"));
                    } else {
                        throw e;
                    }
                }
            }
        }
        r.ctx().status(400);
        showReview(r, id, form);
    }

    /**
     * A probe finger (subject null) or a candidate's, as PNG: the domain decides who may see it and logs the look;
     * never cached by the browser, as the data it shows.
     */
    private void image(ScreenRequest r, Long subject) {
        long id = id(r);
        long code = number(r, "finger");
        if (code < 1 || code > 10) {
            throw new NotFoundException("no finger " + code);
        }
        FingerPosition position = FingerPosition.ofCode((int) code);
        Minutiae minutiae = services.biometrics().identificationMinutiae(id, subject, position, r.actor())
                .orElseThrow(() -> new NotFoundException("no " + position.label() + " held for identification " + id));
        byte[] png = subject == null ? images.probe(id, position).orElseGet(() -> ArrivalImages.minutiae(minutiae))
                : ArrivalImages.minutiae(minutiae);
        r.ctx().header("Cache-Control", "no-store");
        r.ctx().contentType("image/png");
        r.ctx().result(png);
    }

    private static long id(ScreenRequest r) {
        return number(r, "id");
    }

    /** A path number; anything else is a page that is not there, as an id out of reach is. */
    private static long number(ScreenRequest r, String name) {
        String text = r.ctx().pathParam(name);
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            throw new NotFoundException("no " + name + " " + text);
        }
        return Long.parseLong(text);
    }
}
