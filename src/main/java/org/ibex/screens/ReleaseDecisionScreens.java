package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.border.NotFoundException;
import org.ibex.confirmation.Confirmation;
import org.ibex.confirmation.ReleaseDecision;
import org.ibex.confirmation.ReleaseQuota;
import org.ibex.input.FieldRuleException;
import org.ibex.web.Services;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The releases partner states ask of this node after a hit, where the agreement wants a person to decide: each with
 * its requester, case, purpose, agreement and the quota used; a supervisor approves all the categories asked or some
 * of them (a partial release), or declines with a reason the requester reads. Analysts and admins only look.
 * Deciding twice answers as the first decision did.
 */
final class ReleaseDecisionScreens implements ScreenArea {
    static final String PATH = "/release-decisions";
    static final Set<Role> READERS = Set.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN);
    private static final Set<Role> APPROVERS = Set.of(Role.SUPERVISOR);
    private static final int RECENT = 100;
    private static final int MAX_REASON = 400;
    private final Optional<Confirmation> confirmation;
    private final Optional<ReleaseQuota> quota;
    private final Clock clock;

    ReleaseDecisionScreens(Services services) {
        this.confirmation = services.confirmation();
        this.quota = services.agreements().flatMap(book -> services.exchange()
                .map(exchange -> new ReleaseQuota(services.database(), book, exchange.node())));
        this.clock = services.clock();
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(PATH, READERS, r -> show(r, Form.empty()));
        routes.post(PATH + "/{id}/approve", APPROVERS, r -> {
            String id = id(r);
            Form form = Form.empty();
            try {
                ReleaseDecision decided = confirmation().desk().approve(id, r.formValues("categories-" + id),
                        r.actor());
                r.redirect(PATH + "?done=" + decided.state().name().toLowerCase(java.util.Locale.ROOT));
            } catch (FieldRuleException e) {
                form.error("categories-" + id, r.t("confirm.error.approveCategories"));
                r.ctx().status(400);
                show(r, form);
            }
        });
        routes.post(PATH + "/{id}/decline", APPROVERS, r -> {
            String id = id(r);
            String reason = r.form("reason");
            Form form = Form.empty().set("reason-" + id, reason.length() > MAX_REASON * 2
                    ? reason.substring(0, MAX_REASON * 2) : reason);
            try {
                confirmation().desk().decline(id, reason, r.actor());
                r.redirect(PATH + "?done=declined");
            } catch (FieldRuleException e) {
                form.error("reason-" + id, r.t("confirm.error.reason", MAX_REASON));
                r.ctx().status(400);
                show(r, form);
            }
        });
    }

    private void show(ScreenRequest r, Form form) {
        List<HeldRelease> queue = confirmation.map(c -> c.desk().awaitingApproval()).orElse(List.of()).stream()
                .map(d -> new HeldRelease(d, quota.map(q -> q.of(d, clock.instant())).orElse(List.of()))).toList();
        List<ReleaseDecision> recent = confirmation.map(c -> c.desk().recent(RECENT)).orElse(List.of()).stream()
                .filter(d -> d.state() != ReleaseDecision.State.AWAITING_APPROVAL).toList();
        String done = switch (r.query("done")) {
            case "released" -> r.t("confirm.decisions.released");
            case "partial" -> r.t("confirm.decisions.partial");
            case "refused", "declined" -> r.t("confirm.decisions.declined");
            default -> null;
        };
        r.render("confirm/decisions.jte", r.page(r.t("confirm.decisions.title"), form), "joined",
                confirmation.isPresent(), "queue", queue, "recent", recent,
                "approver", APPROVERS.contains(r.user().role()), "done", done);
    }

    private Confirmation confirmation() {
        return confirmation.orElseThrow(() -> new NotFoundException("this node has not joined a federation"));
    }

    private static String id(ScreenRequest r) {
        return r.uuidPath("release asked of this node");
    }
}
