package org.ibex.screens;

import org.ibex.border.StayPolicy;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleKey;
import org.ibex.border.StayRules;
import org.ibex.border.StayService;
import org.ibex.input.FieldRuleException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stay rules in force, most general first, and one form that sets the rule of a nationality and permit type.
 * The node applies a change to stay computations within seconds; crossings already recorded keep their decision.
 */
final class AdminStayRuleScreens implements ScreenArea {
    private static final String RULES = "/admin/stay-rules";
    private static final Comparator<String> ANY_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private final StayRules rules;
    private final StayService stays;

    AdminStayRuleScreens(StayRules rules, StayService stays) {
        this.rules = rules;
        this.stays = stays;
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(RULES, AdminScreens.ADMIN, r -> show(r, prefilled(r)));
        routes.post(RULES, AdminScreens.ADMIN, r -> {
            Form form = Form.empty();
            for (String field : List.of("nationality", "permitType", "kind", "days", "windowDays")) {
                form.set(field, r.form(field));
            }
            try {
                rules.put(r.actor(), new StayRules.Input(form.value("nationality"), form.value("permitType"),
                        form.value("kind"), form.value("days"), form.value("windowDays")));
                r.redirect(RULES + "?done=saved");
            } catch (FieldRuleException e) {
                AdminErrors.add(r, form, "admin.rules.error", e);
                r.ctx().status(400);
                show(r, form);
            }
        });
        routes.post(RULES + "/remove", AdminScreens.ADMIN, r -> {
            rules.remove(r.actor(), r.form("nationality"), r.form("permitType"));
            r.redirect(RULES + "?done=removed");
        });
    }

    private void show(ScreenRequest r, Form form) {
        StayPolicy policy = stays.policy();
        List<StayRuleRow> rows = rules.stored().entrySet().stream()
                .sorted(Map.Entry.<StayRuleKey, StayRule>comparingByKey(Comparator
                        .comparing(StayRuleKey::nationality, ANY_FIRST)
                        .thenComparing(StayRuleKey::permitType, ANY_FIRST)))
                .map(e -> row(r, e.getKey(), e.getValue())).toList();
        String done = r.query("done");
        r.render("admin/stayRules.jte", r.page(r.t("admin.rules.title"), form), "rules", rows,
                "defaultRule", describe(r, policy.book().defaultRule()), "kinds", kinds(r),
                "done", done.equals("saved") || done.equals("removed") ? r.t("admin.rules.done." + done) : "");
    }

    /** The form starts from the rule an Edit link names, else from a rolling 90 in 180 for a new key. */
    private Form prefilled(ScreenRequest r) {
        String nationality = r.query("nationality");
        String permitType = r.query("permitType");
        StayRule rule = rules.stored().get(new StayRuleKey(nationality.isEmpty() ? null : nationality,
                permitType.isEmpty() ? null : permitType));
        Form form = Form.empty().set("nationality", nationality).set("permitType", permitType);
        if (rule == null) {
            return form.set("kind", "ROLLING").set("days", "90").set("windowDays", "180");
        }
        return form.set("kind", rule.kind().name()).set("days", rule.days() == 0 ? "" : Integer.toString(rule.days()))
                .set("windowDays", rule.windowDays() == 0 ? "" : Integer.toString(rule.windowDays()));
    }

    private static StayRuleRow row(ScreenRequest r, StayRuleKey key, StayRule rule) {
        String nationality = key.nationality() == null ? "" : key.nationality();
        String permitType = key.permitType() == null ? "" : key.permitType();
        return new StayRuleRow(nationality, permitType, describe(r, rule), RULES + "?nationality="
                + URLEncoder.encode(nationality, StandardCharsets.UTF_8) + "&permitType="
                + URLEncoder.encode(permitType, StandardCharsets.UTF_8) + "#kind");
    }

    static String describe(ScreenRequest r, StayRule rule) {
        if (rule.equals(StayPolicy.VISA_TERMS)) {
            return r.t("admin.rules.describe.visa");
        }
        return switch (rule.kind()) {
            case EXEMPT -> r.t("admin.rules.describe.exempt");
            case FIXED_PER_ENTRY -> r.t("admin.rules.describe.fixed", rule.days());
            case ROLLING -> r.t("admin.rules.describe.rolling", rule.days(), rule.windowDays());
            case VISA -> r.t("admin.rules.describe.visa");
        };
    }

    private static Map<String, String> kinds(ScreenRequest r) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (StayRule.Kind kind : StayRule.Kind.values()) {
            kinds.put(kind.name(), r.t("admin.rules.kind." + kind.name()));
        }
        return kinds;
    }
}
