package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.biometrics.BiometricRefusal;
import org.ibex.biometrics.NotEnrolledException;
import org.ibex.biometrics.WantedPrint;
import org.ibex.biometrics.WantedPrints;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Wanted persons' fingerprints: the flags this node screens every probe against (its own, lifted ones kept, and the
 * copy from headquarters), a form for list managers to flag an enrolled person's prints with a reason, and one to
 * lift a flag with a reason. The API's rules, the API's audit: this page only calls {@link WantedPrints}.
 */
final class WantedPrintScreens implements ScreenArea {
    static final String PATH = "/wanted-prints";
    static final Set<Role> READERS = Set.of(Role.LIST_MANAGER, Role.ADMIN, Role.SUPERVISOR);
    private static final Set<Role> KEEPERS = Set.of(Role.LIST_MANAGER);
    private final WantedPrints wanted;

    WantedPrintScreens(WantedPrints wanted) {
        this.wanted = wanted;
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(PATH, READERS, r -> show(r, Form.empty()));
        routes.post(PATH, KEEPERS, r -> {
            Form form = Form.empty().set("personId", r.form("personId")).set("subjectId", r.form("subjectId"))
                    .set("reason", r.form("reason"));
            Long subjectId = id(r, form, "subjectId");
            Long personId = id(r, form, "personId");
            if (!form.hasErrors()) {
                try {
                    WantedPrint flag = wanted.flag(subjectId, personId, form.value("reason"), r.actor());
                    r.redirect(PATH + "?flagged=" + flag.reference());
                    return;
                } catch (BiometricRefusal e) {
                    form.error(e.field() == null ? "reason" : e.field(), refusal(r, e));
                } catch (NotEnrolledException e) {
                    form.error(personId == null ? "subjectId" : "personId", r.t("wanted.error.notEnrolled"));
                }
            }
            r.ctx().status(400);
            show(r, form);
        });
        routes.post(PATH + "/lift", KEEPERS, r -> {
            Form form = Form.empty().set("liftReason", r.form("liftReason"));
            long subjectId;
            try {
                subjectId = Long.parseLong(r.form("subjectId").strip());
                wanted.lift(subjectId, form.value("liftReason"), r.actor());
                r.redirect(PATH + "?lifted=" + subjectId);
                return;
            } catch (NumberFormatException | NotEnrolledException e) {
                form.error("liftReason", r.t("wanted.error.notFlagged"));
            } catch (BiometricRefusal e) {
                form.error("liftReason", r.t("wanted.error.liftReason"));
            }
            r.ctx().status(400);
            show(r, form);
        });
    }

    private void show(ScreenRequest r, Form form) {
        WantedPrints.Listing listing = wanted.list(r.actor());
        String done = !r.query("flagged").isEmpty() ? r.t("wanted.done.flagged", r.query("flagged"))
                : !r.query("lifted").isEmpty() ? r.t("wanted.done.lifted") : "";
        r.render("wanted/list.jte", r.page(r.t("wanted.title"), form), "flagged", rows(r, listing.flagged()),
                "copies", rows(r, listing.fromHeadquarters()), "keeper", KEEPERS.contains(r.user().role()),
                "done", done);
    }

    private static List<WantedRow> rows(ScreenRequest r, List<WantedPrint> prints) {
        ZoneId zone = ZoneId.systemDefault();
        return prints.stream().map(p -> new WantedRow(p, r.texts().dateTime(p.flaggedAt(), zone),
                p.liftedAt() == null ? null : r.texts().dateTime(p.liftedAt(), zone))).toList();
    }

    /** A whole id in a field, null when blank or not a number (the latter marks the field). */
    private static Long id(ScreenRequest r, Form form, String field) {
        String value = form.value(field).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            form.error(field, r.t("wanted.error.number"));
            return null;
        }
    }

    private static String refusal(ScreenRequest r, BiometricRefusal e) {
        return switch (e.kind()) {
            case INVALID_FIELD -> r.t("wanted.error.oneOf");
            case REASON_REQUIRED -> r.t("wanted.error.reason");
            default -> e.getMessage();
        };
    }
}
