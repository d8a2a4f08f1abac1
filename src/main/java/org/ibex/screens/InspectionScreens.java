package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.biometrics.BiometricsBusyException;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.ImageRefusedException;
import org.ibex.border.Assessment;
import org.ibex.border.Crossing;
import org.ibex.border.CrossingRepository;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Decision;
import org.ibex.border.Direction;
import org.ibex.border.OfficerDecision;
import org.ibex.border.RecordedCrossing;
import org.ibex.document.MrzReading;
import org.ibex.input.FieldRuleException;
import org.ibex.store.ConflictException;
import org.ibex.web.Services;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The officer's primary-inspection desk: the MRZ as a reader types it, the document with its errors where they are,
 * the proposed decision with its reasons and hits, then a confirmation (Enter) or an override with a reason, and the
 * crossing recorded under the form's uid, so a double Enter or a retried POST records it once.
 */
public final class InspectionScreens implements ScreenArea {
    static final String PATH = "/inspection";
    private static final Set<Role> INSPECTORS = Set.of(Role.OFFICER, Role.SUPERVISOR);
    /** Enough for a desk's recent travellers; only the officer's own are shown from the post's latest. */
    private static final int RECENT = 5;
    private static final int RECENT_SCAN = 60;
    /** A reader's MRZ is at most 3 lines of 44; anything much longer is not a document. */
    private static final int MAX_MRZ = 200;
    private final Services services;
    private final InspectionPrints prints;

    public InspectionScreens(Shell shell, Services services) {
        this.services = services;
        this.prints = new InspectionPrints(services.clock());
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(PATH, INSPECTORS, this::desk);
        routes.post(PATH + "/assess", INSPECTORS, this::assess);
        routes.post(PATH + "/record", INSPECTORS, this::record);
    }

    private void desk(ScreenRequest r) {
        Direction direction = direction(r.query("direction"));
        Crossing recorded = null;
        if (!r.query("recorded").isEmpty()) {
            recorded = services.border().get(id(r.query("recorded")), r.actor());
        }
        show(r, Form.empty(), DeskView.fresh(newUid(), direction, recorded, recent(r)));
    }

    private void assess(ScreenRequest r) {
        Form form = Form.empty();
        String mrz = mrz(r, form);
        Direction direction = direction(r.form("direction"));
        String uid = uid(r.form("uid"));
        form.set("mrz", mrz);
        if (form.hasErrors()) {
            show(r, form, DeskView.fresh(uid, direction, null, recentUnlessKept(r)));
            return;
        }
        MrzReading reading = null;
        Assessment assessment;
        List<FingerCapture> fingers;
        try {
            fingers = prints.read(r);
            if (fingers.isEmpty()) {
                // The same form assessed again (another direction): the fingers it came with still count.
                List<FingerCapture> kept = prints.kept(r.user().username(), uid);
                fingers = kept == null ? List.of() : kept;
            }
            reading = services.mrzParser().parse(mrz);
            assessment = services.border().assess(request(r, uid, direction, mrz, fingers), r.actor());
            if (assessment.recorded() != null
                    && !assessment.recorded().document().documentNumber().equals(reading.documentNumber())) {
                // A page from history sent again with another document: that is a new traveller, under a new uid.
                uid = newUid();
                assessment = services.border().assess(request(r, uid, direction, mrz, fingers), r.actor());
            }
        } catch (FieldRuleException e) {
            // Not a document the node can store (no number, an unreadable layout), or not a fingerprint: said at the
            // field, never a 500.
            boolean inPrints = e.field().startsWith(InspectionPrints.FIELD);
            form.error(inPrints ? e.field() : "mrz", r.t(inPrints ? "inspection.error.prints"
                    : "inspection.error.unusable", e.getMessage()));
            show(r, form, new DeskView(uid, direction, mrz, reading == null ? null : MrzView.of(reading), null, null,
                    false, false, recentUnlessKept(r)));
            return;
        } catch (ImageRefusedException | BiometricsBusyException e) {
            form.error(InspectionPrints.FIELD, r.t("inspection.error.prints", e.getMessage()));
            show(r, form, new DeskView(uid, direction, mrz, reading == null ? null : MrzView.of(reading), null, null,
                    false, false, recentUnlessKept(r)));
            return;
        }
        if (!fingers.isEmpty()) {
            prints.keep(r.user().username(), uid, fingers);
        }
        show(r, form, new DeskView(uid, direction, mrz, MrzView.of(reading), assessment, null, false,
                !fingers.isEmpty(), recentUnlessKept(r)));
    }

    private void record(ScreenRequest r) {
        Form form = Form.empty();
        String mrz = mrz(r, form);
        Direction direction = direction(r.form("direction"));
        String uid = uid(r.form("uid"));
        OfficerDecision override = null;
        String overrideTo = r.form("override");
        if (!overrideTo.isEmpty()) {
            Decision decision = decision(overrideTo);
            String reason = r.form("reason");
            form.set("reason", reason).set("override", overrideTo);
            if (reason.isEmpty()) {
                form.error("reason", r.t("inspection.error.reasonRequired"));
            } else if (reason.length() > OfficerDecision.MAX_REASON) {
                form.error("reason", r.t("inspection.error.reasonLength", OfficerDecision.MAX_REASON));
            } else if (decision.name().equals(r.form("proposed"))) {
                form.error("override", r.t("inspection.error.sameDecision"));
            } else {
                override = new OfficerDecision(decision, reason);
            }
        }
        form.set("mrz", mrz);
        List<FingerCapture> fingers = prints.kept(r.user().username(), uid);
        if (fingers == null && "true".equals(r.form("printsKept"))) {
            // The proposal rested on fingers the node no longer holds: never record it without them.
            form.error(InspectionPrints.FIELD, r.t("inspection.error.printsExpired"));
        }
        fingers = fingers == null ? List.of() : fingers;
        if (form.hasErrors()) {
            // The assessment again, with the officer's words kept and the error beside the field.
            boolean readable = form.errorOf("mrz") == null;
            Assessment assessment = readable && form.errorOf(InspectionPrints.FIELD) == null
                    ? services.border().assess(request(r, uid, direction, mrz, fingers), r.actor()) : null;
            MrzView view = readable ? MrzView.of(services.mrzParser().parse(mrz)) : null;
            show(r, form, new DeskView(uid, direction, mrz, view, assessment, null, false, !fingers.isEmpty(),
                    recentUnlessKept(r)));
            return;
        }
        RecordedCrossing recorded;
        try {
            recorded = services.border().record(request(r, uid, direction, mrz, fingers), override, r.actor());
        } catch (ConflictException e) {
            // This form's uid already recorded another traveller (a page from history): read the document afresh.
            form.error("mrz", r.t("inspection.error.formUsed"));
            show(r, form, new DeskView(newUid(), direction, mrz, null, null, null, false, false, recentUnlessKept(r)));
            return;
        }
        prints.forget(r.user().username(), uid);
        if (r.htmx()) {
            show(r, Form.empty(), new DeskView(newUid(), direction, "", null, null, recorded.crossing(),
                    recorded.duplicate(), false, recent(r)));
        } else {
            r.redirect(PATH + "?direction=" + direction.name() + "&recorded=" + recorded.crossing().id());
        }
    }

    private void show(ScreenRequest r, Form form, DeskView desk) {
        if (form.hasErrors() && !r.htmx()) {
            // htmx swaps only a success; without it the browser shows the page either way and a client sees the 400.
            r.ctx().status(400);
        }
        Page page = r.page(r.t("inspection.title"), form);
        r.render(r.htmx() ? "inspection/desk.jte" : "inspection/page.jte", page, "desk", desk);
    }

    private CrossingRequest request(ScreenRequest r, String uid, Direction direction, String mrz,
                                    List<FingerCapture> fingers) {
        return new CrossingRequest(uid, direction, r.user().postId(), null, mrz, null, null, null, null, fingers);
    }

    /** The MRZ as the reader typed it: lines kept, blank lines and trailing spaces dropped. */
    private static String mrz(ScreenRequest r, Form form) {
        String raw = r.form("mrz");
        if (raw.isEmpty()) {
            form.error("mrz", r.t("inspection.error.mrzRequired"));
            return "";
        }
        if (raw.length() > MAX_MRZ) {
            form.error("mrz", r.t("inspection.error.mrzLength", MAX_MRZ));
            return raw.substring(0, MAX_MRZ);
        }
        return String.join("\n", raw.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    /**
     * Null for an htmx request that records nothing: the page keeps the list it shows (hx-preserve), which saves the
     * read of the post's latest crossings, and its access-log commit, on every assessment.
     */
    private List<Crossing> recentUnlessKept(ScreenRequest r) {
        return r.htmx() ? null : recent(r);
    }

    private List<Crossing> recent(ScreenRequest r) {
        List<Crossing> latest = services.border().page(new CrossingRepository.Filter(r.user().postId(), null, null,
                null, RECENT_SCAN), r.actor()).items();
        return latest.stream().filter(c -> c.officer().equals(r.user().username())).limit(RECENT).toList();
    }

    static Direction direction(String value) {
        return "EXIT".equalsIgnoreCase(value) ? Direction.EXIT : Direction.ENTRY;
    }

    private static Decision decision(String value) {
        try {
            return Decision.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldRuleException("override", "decision", "override must be ADMIT, REFER or REFUSE");
        }
    }

    /** The form's idempotency key: a fresh one when none or a malformed one comes back. */
    private static String uid(String value) {
        return value.matches("[A-Za-z0-9-]{8,64}") ? value : newUid();
    }

    private static String newUid() {
        return UUID.randomUUID().toString();
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new FieldRuleException("recorded", "number", "recorded must be a crossing number");
        }
    }
}
