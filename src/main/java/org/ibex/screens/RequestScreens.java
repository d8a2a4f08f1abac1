package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.border.NotFoundException;
import org.ibex.inquiry.AgencyRequest;
import org.ibex.inquiry.Inquiry;
import org.ibex.input.FieldRuleException;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The questions other agencies asked this node: the approval queue where an agreement wants a person to release
 * each answer (supervisors approve, or decline with a reason the asker reads; analysts and admins only look), and
 * the latest received with their outcome or refusal. Approving twice answers as the first approval did.
 */
final class RequestScreens implements ScreenArea {
    static final String PATH = "/requests";
    static final Set<Role> READERS = Set.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN);
    private static final Set<Role> APPROVERS = Set.of(Role.SUPERVISOR);
    private static final int RECENT = 100;
    private static final int MAX_REASON = 400;
    private final Optional<Inquiry> inquiry;

    RequestScreens(Optional<Inquiry> inquiry) {
        this.inquiry = inquiry;
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(PATH, READERS, r -> show(r, Form.empty(), null));
        routes.post(PATH + "/{id}/approve", APPROVERS, r -> {
            inquiry().requests().approve(id(r), r.actor());
            r.redirect(PATH + "?done=approved");
        });
        routes.post(PATH + "/{id}/decline", APPROVERS, r -> {
            String id = id(r);
            String reason = r.form("reason");
            Form form = Form.empty().set("reason-" + id, reason.length() > MAX_REASON * 2
                    ? reason.substring(0, MAX_REASON * 2) : reason);
            try {
                inquiry().requests().decline(id, reason, r.actor());
                r.redirect(PATH + "?done=declined");
            } catch (FieldRuleException e) {
                form.error("reason-" + id, r.t("inquiry.error.reason", MAX_REASON));
                r.ctx().status(400);
                show(r, form, id);
            }
        });
    }

    private void show(ScreenRequest r, Form form, String declining) {
        List<AgencyRequest> queue = inquiry.map(i -> i.requests().awaitingApproval()).orElse(List.of());
        List<AgencyRequest> recent = inquiry.map(i -> i.requests().recent(RECENT)).orElse(List.of());
        String done = switch (r.query("done")) {
            case "approved" -> r.t("inquiry.requests.approved");
            case "declined" -> r.t("inquiry.requests.declined");
            default -> null;
        };
        r.render("inquiry/requests.jte", r.page(r.t("inquiry.requests.title"), form), "joined", inquiry.isPresent(),
                "queue", queue, "recent", recent, "approver", APPROVERS.contains(r.user().role()), "done", done);
    }

    private Inquiry inquiry() {
        return inquiry.orElseThrow(() -> new NotFoundException("this node has not joined a federation"));
    }

    private static String id(ScreenRequest r) {
        return r.uuidPath("question received");
    }
}
