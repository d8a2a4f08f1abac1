package org.ibex.confirmation;

import org.ibex.agreement.AgreementBook;
import org.ibex.agreement.AgreementRule;
import org.ibex.agreement.InstalledAgreement;
import org.ibex.agreement.QueryType;
import org.ibex.store.Database;
import org.ibex.trust.NodeIdentity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How much of the release quota a held request would draw on, for the approver's screen: each rule of its agreement
 * that lets the requester ask this node for a release for its purpose, with the releases counted today and this
 * year (UTC) as the agreement gate counts them when the approver decides.
 */
public final class ReleaseQuota {
    private final Database database;
    private final AgreementBook book;
    private final NodeIdentity self;

    public ReleaseQuota(Database database, AgreementBook book, NodeIdentity self) {
        this.database = database;
        this.book = book;
        this.self = self;
    }

    /** One rule's limits and use. */
    public record Use(int perDay, long today, int perYear, long thisYear) {
    }

    /** The uses of the rules that cover {@code decision}; empty when its agreement is gone or unreadable. */
    public List<Use> of(ReleaseDecision decision, Instant now) {
        return database.read(connection -> {
            Optional<InstalledAgreement> installed = book.find(connection, decision.agreement());
            List<Use> uses = new ArrayList<>();
            if (installed.isEmpty() || installed.get().agreement() == null) {
                return uses;
            }
            NodeIdentity requester = NodeIdentity.parse(decision.requester());
            LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
            Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant yearStart = day.withDayOfYear(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant yearEnd = day.withDayOfYear(1).plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            var usage = Quota.of("partner_disclosure", "decided_at", ReleaseDecision.State.REFUSED.name());
            String id = installed.get().agreement().id();
            for (AgreementRule rule : installed.get().agreement().rulesBetween(requester, self)) {
                if (rule.queries().contains(QueryType.RELEASE) && rule.purposes().contains(decision.purpose())) {
                    uses.add(new Use(rule.perDay(), usage.count(connection, id, rule, dayStart,
                            dayStart.plusSeconds(86_400)), rule.perYear(),
                            usage.count(connection, id, rule, yearStart, yearEnd)));
                }
            }
            return uses;
        });
    }
}
