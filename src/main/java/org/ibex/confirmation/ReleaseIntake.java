package org.ibex.confirmation;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.delivery.InboxHandler;
import org.ibex.delivery.ReceivedMessage;
import org.ibex.inquiry.Disclosure;
import org.ibex.inquiry.Disclosures;
import org.ibex.inquiry.InquiryJson;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The requester's intake of step two's answers: waiting, released (in full or in part: the data kept until the
 * retention the partner set, then deleted), or refused with the partner's reason; each release is written in the
 * disclosure ledger, under the local person when the release was linked to one.
 */
final class ReleaseIntake implements InboxHandler {
    private final Disclosures ledger;
    private final AuditLog audit;
    private final Clock clock;

    ReleaseIntake(Disclosures ledger, AuditLog audit, Clock clock) {
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String handle(Connection connection, ReceivedMessage message) throws SQLException {
        ReleaseMessage answer;
        try {
            answer = InquiryJson.read(message.payload(), ReleaseMessage.class);
        } catch (RuntimeException e) {
            audit.append(connection, new AuditEntry.Draft("partner.release.unreadable", message.sender().toString(),
                    message.id(), e.getMessage()));
            return "refused: unreadable release";
        }
        Optional<PartnerRelease> asked = answer.releaseId() == null ? Optional.empty()
                : ReleaseRows.find(connection, answer.releaseId());
        if (asked.isEmpty() || !asked.get().partner().equals(message.sender().toString())) {
            audit.append(connection, new AuditEntry.Draft("partner.release.unexpected", message.sender().toString(),
                    message.id(), "answers no release asked of " + message.sender()));
            return "refused: answers no release asked of this partner";
        }
        PartnerRelease release = asked.get();
        PartnerRelease.State state = state(answer.state());
        if (state == null || release.state() != PartnerRelease.State.PENDING
                && release.state() != PartnerRelease.State.WAITING) {
            return "kept: release " + release.id() + " is " + release.state();
        }
        Instant now = clock.instant();
        if (state == PartnerRelease.State.WAITING) {
            ReleaseRows.answer(connection, release.id(), state, List.of(), null, null, null, null);
            return "waiting for the partner's approval";
        }
        if (state == PartnerRelease.State.REFUSED) {
            ReleaseRows.answer(connection, release.id(), state, List.of(), null, answer.refusal() + ": "
                    + answer.reason(), null, now);
            audit.append(connection, new AuditEntry.Draft("partner.release.refused", message.sender().toString(),
                    release.id(), answer.refusal() + ": " + answer.reason()));
            return "refused: " + answer.refusal();
        }
        String data = answer.data() == null ? null : new String(InquiryJson.write(answer.data()),
                StandardCharsets.UTF_8);
        ReleaseRows.answer(connection, release.id(), state, answer.categories(), data, answer.reason(),
                answer.retainUntil(), now);
        if (!answer.categories().isEmpty()) {
            ledger.record(connection, new Disclosure(0, release.personId(), "case " + release.caseRef(),
                    Disclosure.Direction.RECEIVED, release.partner(), release.agreement(), release.purpose(),
                    answer.categories(), release.id(), Disclosure.Kind.ANSWER, now));
        }
        audit.append(connection, new AuditEntry.Draft("partner.release.received", message.sender().toString(),
                release.id(), state.name().toLowerCase(java.util.Locale.ROOT) + " " + answer.categories()
                + " for case " + release.caseRef() + ", to be deleted by " + answer.retainUntil()));
        return "released: " + answer.categories();
    }

    private static PartnerRelease.State state(String code) {
        return switch (code == null ? "" : code) {
            case ReleaseMessage.WAITING -> PartnerRelease.State.WAITING;
            case ReleaseMessage.RELEASED -> PartnerRelease.State.RELEASED;
            case ReleaseMessage.PARTIAL -> PartnerRelease.State.PARTIAL;
            case ReleaseMessage.REFUSED -> PartnerRelease.State.REFUSED;
            default -> null;
        };
    }
}
