package org.ibex.screens;

import org.ibex.agreement.Agreement;
import org.ibex.agreement.AgreementOverview;
import org.ibex.agreement.AgreementRule;
import org.ibex.agreement.AgreementState;
import org.ibex.agreement.AgreementUsage;
import org.ibex.agreement.Category;
import org.ibex.agreement.InstalledAgreement;
import org.ibex.agreement.QueryType;

import java.util.List;

/** One installed version as the agreements pages show it, its dates and numbers already in the reader's language. */
public record AgreementRow(String id, String reference, int version, AgreementState state, String title,
                           List<String> parties, List<String> signers, String validFrom, String validUntil,
                           String installed, String ended, String endReason, String problem, List<Rule> rules) {
    public AgreementRow {
        parties = List.copyOf(parties);
        signers = List.copyOf(signers);
        rules = List.copyOf(rules);
    }

    /** One rule: who asks whom, what, and how much of its quota this node has used. */
    public record Rule(String asker, String answerer, String queries, String purposes, String categories,
                       String side, long usedToday, int perDay, long usedThisYear, int perYear, int retentionDays,
                       boolean humanApproval) {
        public boolean dayFull() {
            return usedToday >= perDay;
        }

        public boolean yearFull() {
            return usedThisYear >= perYear;
        }
    }

    public boolean inForce() {
        return state == AgreementState.IN_FORCE;
    }

    static AgreementRow of(AgreementOverview.Entry entry, Texts t) {
        InstalledAgreement installed = entry.installed();
        Agreement agreement = installed.agreement();
        return new AgreementRow(installed.id(), installed.reference(), installed.version(), installed.state(),
                agreement == null ? "" : agreement.title(),
                agreement == null ? List.of() : agreement.parties().stream().map(Object::toString).toList(),
                installed.signers().stream().map(s -> s.party() + " · " + s.node()).toList(),
                agreement == null ? "" : t.date(agreement.validFrom()),
                agreement == null ? "" : t.date(agreement.validUntil()),
                t.dateTime(installed.installedAt()) + " · " + installed.installedBy(),
                installed.endedAt() == null ? "" : t.dateTime(installed.endedAt()) + " · " + installed.endedBy(),
                installed.endReason() == null ? "" : installed.endReason(),
                installed.problem() == null ? "" : installed.problem(),
                entry.rules().stream().map(AgreementRow::rule).toList());
    }

    private static Rule rule(AgreementUsage.RuleUsage use) {
        AgreementRule rule = use.rule();
        return new Rule(rule.asker().toString(), rule.answerer().toString(),
                String.join(", ", rule.queries().stream().sorted().map(QueryType::code).toList()),
                String.join(", ", rule.purposes().stream().sorted().toList()),
                String.join(", ", rule.categories().stream().sorted().map(Category::code).toList()),
                use.side().name().toLowerCase(java.util.Locale.ROOT), use.today(), rule.perDay(), use.thisYear(),
                rule.perYear(), rule.retentionDays(), rule.humanApproval());
    }
}
