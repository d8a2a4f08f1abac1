package org.ibex.web;

import org.ibex.agreement.Agreement;
import org.ibex.agreement.AgreementOverview;
import org.ibex.agreement.AgreementRule;
import org.ibex.agreement.AgreementUsage;
import org.ibex.agreement.Category;
import org.ibex.agreement.InstalledAgreement;
import org.ibex.agreement.QueryType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** How the API writes an installed agreement: its state, parties, signers, validity and each rule's quota used. */
final class AgreementViews {
    private AgreementViews() {
    }

    record Version(String id, int version, String reference, String state, String title, List<String> parties,
                   List<Signer> signers, LocalDate validFrom, LocalDate validUntil, String digest,
                   String installedBy, Instant installedAt, String endedBy, Instant endedAt, String endReason,
                   String problem, List<Rule> rules) {
    }

    record Signer(String party, String node) {
    }

    record Rule(String asker, String answerer, List<String> queries, List<String> purposes, List<String> categories,
                int perDay, int perYear, int retentionDays, boolean humanApproval, String side, long usedToday,
                long usedThisYear) {
    }

    static Version of(AgreementOverview.Entry entry) {
        InstalledAgreement installed = entry.installed();
        Agreement agreement = installed.agreement();
        return new Version(installed.id(), installed.version(), installed.reference(), installed.state().name(),
                agreement == null ? null : agreement.title(),
                agreement == null ? List.of() : agreement.parties().stream().map(Object::toString).toList(),
                installed.signers().stream().map(s -> new Signer(s.party().toString(), s.node().toString())).toList(),
                agreement == null ? null : agreement.validFrom(), agreement == null ? null : agreement.validUntil(),
                installed.digest(), installed.installedBy(), installed.installedAt(), installed.endedBy(),
                installed.endedAt(), installed.endReason(), installed.problem(),
                entry.rules().stream().map(AgreementViews::rule).toList());
    }

    private static Rule rule(AgreementUsage.RuleUsage use) {
        AgreementRule rule = use.rule();
        return new Rule(rule.asker().toString(), rule.answerer().toString(),
                rule.queries().stream().sorted().map(QueryType::code).toList(),
                rule.purposes().stream().sorted().toList(),
                rule.categories().stream().sorted().map(Category::code).toList(), rule.perDay(), rule.perYear(),
                rule.retentionDays(), rule.humanApproval(), use.side().name().toLowerCase(java.util.Locale.ROOT),
                use.today(), use.thisYear());
    }
}
