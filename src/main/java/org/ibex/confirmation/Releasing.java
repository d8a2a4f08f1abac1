package org.ibex.confirmation;

import org.ibex.agreement.Category;
import org.ibex.agreement.Verdict;
import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.delivery.ExchangeNode;
import org.ibex.inquiry.Disclosure;
import org.ibex.inquiry.Disclosures;
import org.ibex.inquiry.InquiryJson;
import org.ibex.trust.NodeIdentity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the responder sends back for a release, and writes down: the data cut to the categories granted, with the
 * purpose and the date the requester must delete it by, in the person's disclosure ledger and the audit log; or the
 * refusal with its reason; or that a person will decide.
 */
final class Releasing {
    private final ExchangeNode exchange;
    private final Disclosures ledger;
    private final AuditLog audit;

    Releasing(ExchangeNode exchange, Disclosures ledger, AuditLog audit) {
        this.exchange = exchange;
        this.ledger = ledger;
        this.audit = audit;
    }

    ReleaseDecision.State release(Connection connection, ReleaseDecision decision, String document,
                                  Set<Category> granted, Verdict.Allowed allowed, String decidedBy, Instant now)
            throws SQLException {
        ReleasedData released = ReleasedData.of(connection, decision.personId(), document, granted);
        boolean partial = granted.size() < decision.categories().size() || !released.notHeld().isEmpty();
        ReleaseDecision.State state = partial ? ReleaseDecision.State.PARTIAL : ReleaseDecision.State.RELEASED;
        String note = released.notHeld().isEmpty() ? null : "not held by " + exchange.node() + ": "
                + String.join(", ", released.notHeld());
        DecisionRows.decide(connection, decision.id(), state, released.categories(), note, decidedBy, now);
        Instant retainUntil = now.plus(Duration.ofDays(allowed.rule().retentionDays()));
        send(connection, decision, new ReleaseMessage(decision.id(), partial ? ReleaseMessage.PARTIAL
                : ReleaseMessage.RELEASED, released.categories(), released.data(), decision.purpose(), retainUntil,
                null, note), allowed.agreement().reference());
        if (!released.categories().isEmpty()) {
            ledger.record(connection, new Disclosure(0, decision.personId(), "release to " + decision.requester()
                    + " for case " + decision.caseRef(), Disclosure.Direction.SENT, decision.requester(),
                    allowed.agreement().reference(), decision.purpose(), released.categories(), decision.id(),
                    Disclosure.Kind.ANSWER, now));
        }
        audit.append(connection, new AuditEntry.Draft("partner.release.released", decision.requester(),
                decision.id(), state.name().toLowerCase(java.util.Locale.ROOT) + " " + released.categories()
                + (decidedBy == null ? " automatically" : " approved by " + decidedBy) + " under "
                + allowed.agreement().reference() + ", to be deleted by " + retainUntil));
        return state;
    }

    void waiting(Connection connection, ReleaseDecision decision) throws SQLException {
        send(connection, decision, new ReleaseMessage(decision.id(), ReleaseMessage.WAITING, List.of(), null,
                decision.purpose(), null, null, null), decision.agreement());
    }

    void refuse(Connection connection, ReleaseDecision decision, String code, String reason) throws SQLException {
        send(connection, decision, new ReleaseMessage(decision.id(), ReleaseMessage.REFUSED, List.of(), null,
                decision.purpose(), null, code, reason), null);
    }

    private void send(Connection connection, ReleaseDecision decision, ReleaseMessage message, String agreement)
            throws SQLException {
        var envelope = exchange.message(NodeIdentity.parse(decision.requester()), ReleaseMessage.TYPE,
                Probes.envelopePurpose(decision.purpose()), "application/json", InquiryJson.write(message));
        exchange.enqueue(connection, agreement == null ? envelope : envelope.withAgreement(agreement));
    }
}
