package org.ibex.confirmation;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.delivery.InboxHandler;
import org.ibex.delivery.ReceivedMessage;
import org.ibex.inquiry.InquiryJson;
import org.ibex.trust.DocumentSignature;
import org.ibex.trust.Federation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The requester's intake of step one's answers: each is matched to the probe it answers (from the partner it was
 * sent to), and its deletion receipt is verified against the federation's anchor and the digest of the probe this
 * node sent; a receipt that fails is kept, marked invalid, and audited.
 */
final class ResultIntake implements InboxHandler {
    private final Supplier<Federation> federation;
    private final AuditLog audit;
    private final Clock clock;

    ResultIntake(Supplier<Federation> federation, AuditLog audit, Clock clock) {
        this.federation = federation;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String handle(Connection connection, ReceivedMessage message) throws SQLException {
        ResultMessage result;
        try {
            result = InquiryJson.read(message.payload(), ResultMessage.class);
        } catch (RuntimeException e) {
            audit.append(connection, new AuditEntry.Draft("partner.result.unreadable", message.sender().toString(),
                    message.id(), e.getMessage()));
            return "refused: unreadable result";
        }
        Optional<PartnerProbe> probe = result.probeId() == null ? Optional.empty()
                : ProbeRows.find(connection, result.probeId());
        if (probe.isEmpty() || !probe.get().partner().equals(message.sender().toString())) {
            audit.append(connection, new AuditEntry.Draft("partner.result.unexpected", message.sender().toString(),
                    message.id(), "answers no probe sent to " + message.sender()));
            return "refused: answers no probe sent to this partner";
        }
        if (probe.get().state() != PartnerProbe.State.PENDING) {
            return "kept: probe " + result.probeId() + " was already answered";
        }
        Instant now = clock.instant();
        String problem = receiptProblem(result.receipt(), probe.get(), now);
        ProbeRows.answer(connection, result.probeId(), result, problem == null, now);
        audit.append(connection, new AuditEntry.Draft("partner.probe.answered", message.sender().toString(),
                result.probeId(), (ResultMessage.REFUSED.equals(result.state()) ? "refused " + result.refusal()
                : result.outcome()) + "; deletion receipt " + (problem == null ? "verified" : "INVALID: " + problem)));
        return "answered: " + (result.outcome() == null ? result.state() : result.outcome());
    }

    /** What is wrong with the receipt, or null when it verifies and names the probe this node sent. */
    private String receiptProblem(SignedReceipt receipt, PartnerProbe probe, Instant now) {
        if (receipt == null) {
            return "no receipt came with the answer";
        }
        try {
            Federation current = federation.get();
            receipt.verify(current.anchor(), current::isRevoked, now);
        } catch (DocumentSignature.Invalid e) {
            return "the signature " + e.getMessage();
        }
        if (!probe.id().equals(receipt.receipt().probeId())
                || !probe.probeSha256().equals(receipt.receipt().probeSha256())) {
            return "it names probe " + receipt.receipt().probeId() + " with digest " + receipt.receipt().probeSha256()
                    + ", not the probe sent";
        }
        if (receipt.receipt().deletedAt() == null) {
            return "it states no deletion time";
        }
        return null;
    }
}
