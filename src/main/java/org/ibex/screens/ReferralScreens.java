package org.ibex.screens;

import org.ibex.border.Crossing;
import org.ibex.border.CrossingRepository;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Decision;
import org.ibex.border.InvalidInputException;
import org.ibex.border.NotFoundException;
import org.ibex.border.Post;
import org.ibex.border.RecordedCrossing;
import org.ibex.document.MrzInputException;
import org.ibex.document.MrzReading;
import org.ibex.web.Services;

import java.time.Instant;
import java.util.List;

/**
 * Referrals awaiting second line at the supervisor's post, and their outcome. The domain has no second-line decision
 * of its own: a crossing is changed only by a correction, which re-runs the inspection rules on the record as
 * corrected (the MRZ as examined at second line) with the supervisor's reason, and supersedes the referral. So the
 * outcome a supervisor records is a correction, and its decision is the rules', never typed in.
 */
final class ReferralScreens {
    static final String REFERRALS = "/supervisor/referrals";
    /** A referral older than a week is no longer a queue at the desk but a record to correct from the person view. */
    private static final int DAYS_SHOWN = 7;
    /** Enough for a week at a busy post; more is said on screen rather than silently cut. */
    private static final int MAX_SHOWN = 200;
    private static final int MAX_REASON = 500;
    private static final int MAX_MRZ = 200;
    private final Services services;

    ReferralScreens(Services services) {
        this.services = services;
    }

    void routes(ScreenRoutes routes) {
        routes.get(REFERRALS, SupervisorScreens.SUPERVISOR, this::list);
        routes.get(REFERRALS + "/{id}", SupervisorScreens.SUPERVISOR, r -> show(r, crossing(r), Form.empty()));
        routes.post(REFERRALS + "/{id}", SupervisorScreens.SUPERVISOR, this::recordOutcome);
    }

    /** The referrals of the last days that no correction has superseded yet, newest first. */
    private void list(ScreenRequest r) {
        Post post = SupervisorScreens.postOf(services, r);
        Instant from = SupervisorScreens.today(services, post).minusDays(DAYS_SHOWN - 1L).atStartOfDay(post.zone())
                .toInstant();
        var page = services.border().page(new CrossingRepository.Filter(post.id(), null, from, null, Decision.REFER,
                null, null, null, MAX_SHOWN), r.actor());
        List<SupervisorRows.CrossingRow> rows = page.items().stream().filter(c -> c.supersededBy() == null)
                .map(c -> SupervisorRows.CrossingRow.of(c, r.texts())).toList();
        SupervisorRows.CrossingRow done = null;
        String handled = r.query("handled");
        if (handled.matches("[1-9][0-9]{0,17}")) {
            done = SupervisorRows.CrossingRow.of(services.border().get(Long.parseLong(handled), r.actor()), r.texts());
        }
        r.render("supervisor/referrals.jte", r.page(r.t("supervisor.referrals.title")), "rows", rows,
                "postName", post.name(), "days", DAYS_SHOWN, "more", page.more(), "done", done);
    }

    /** The referral as read; another post's crossing reads as missing (the domain's rule), a bad id too. */
    private Crossing crossing(ScreenRequest r) {
        String id = r.ctx().pathParam("id");
        if (!id.matches("[1-9][0-9]{0,17}")) {
            throw new NotFoundException("no crossing " + id);
        }
        return services.border().get(Long.parseLong(id), r.actor());
    }

    private void show(ScreenRequest r, Crossing crossing, Form form) {
        if (!form.hasErrors() && crossing.document().mrz() != null) {
            form.set("mrz", crossing.document().mrz());
        }
        r.render("supervisor/referral.jte", r.page(r.t("supervisor.referral.title"), form),
                "row", SupervisorRows.CrossingRow.of(crossing, r.texts()), "crossing", crossing,
                "awaiting", awaiting(crossing), "words", new InspectionWords(r.texts(),
                        InspectionWords.Facts.of(crossing, reading(crossing))));
    }

    /** The MRZ as the officer's reader gave it, read again for its errors in words; null when keyed in or unreadable. */
    private MrzReading reading(Crossing crossing) {
        if (crossing.document().mrz() == null) {
            return null;
        }
        try {
            return services.mrzParser().parse(crossing.document().mrz());
        } catch (MrzInputException e) {
            return null;
        }
    }

    /** Only a referral not yet handled takes an outcome here; other corrections go through the API. */
    private static boolean awaiting(Crossing crossing) {
        return crossing.decision() == Decision.REFER && crossing.supersededBy() == null;
    }

    /**
     * Records the outcome as a correction: the crossing again, with the MRZ as examined, the reason, and the
     * original time (a correction is late by nature, its reason serves). The rules decide; the list shows it.
     */
    private void recordOutcome(ScreenRequest r) {
        Crossing crossing = crossing(r);
        if (!awaiting(crossing)) {
            r.ctx().status(409);
            show(r, crossing, Form.empty());
            return;
        }
        String reason = r.form("reason");
        String mrz = r.form("mrz").replace("\r\n", "\n").replace('\r', '\n');
        Form form = Form.empty().set("reason", reason).set("mrz", mrz);
        boolean keyed = crossing.document().mrz() == null;
        if (reason.isEmpty()) {
            form.error("reason", r.t("supervisor.error.reasonRequired"));
        } else if (reason.length() > MAX_REASON) {
            form.error("reason", r.t("supervisor.error.reasonLength", MAX_REASON));
        }
        if (!keyed && mrz.isEmpty()) {
            form.error("mrz", r.t("supervisor.error.mrzRequired"));
        } else if (mrz.length() > MAX_MRZ) {
            form.error("mrz", r.t("supervisor.error.mrzLength", MAX_MRZ));
        }
        if (!form.hasErrors()) {
            CrossingRequest again = new CrossingRequest(null, crossing.direction(), crossing.postId(),
                    crossing.occurredAt(), keyed ? null : mrz, crossing.document(), crossing.permit(),
                    crossing.document().nameOriginal(), null);
            try {
                RecordedCrossing recorded = services.border().correct(crossing.id(), again, reason, r.actor());
                r.redirect(REFERRALS + "?handled=" + recorded.crossing().id());
                return;
            } catch (InvalidInputException e) {
                refusal(r, form, e);
            } catch (org.ibex.document.MrzInputException e) {
                form.error("mrz", r.t("supervisor.error.mrzUnreadable", e.getMessage()));
            }
        }
        r.ctx().status(400);
        show(r, crossing, form);
    }

    /** The domain's refusal on the field the supervisor can fix: its message names the rule, in its own words. */
    private static void refusal(ScreenRequest r, Form form, InvalidInputException e) {
        for (InvalidInputException.Problem problem : e.problems()) {
            String field = problem.field() == null ? "" : problem.field();
            if (field.equals("id")) {
                form.error("reason", r.t("supervisor.error.alreadyHandled"));
            } else if (field.equals("reason") || field.equals("lateReason")) {
                form.error("reason", problem.message());
            } else {
                form.error("mrz", r.t("supervisor.error.document", problem.message()));
            }
        }
    }
}
