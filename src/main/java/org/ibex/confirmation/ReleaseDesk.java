package org.ibex.confirmation;

import org.ibex.access.Actor;
import org.ibex.agreement.AgreementBook;
import org.ibex.agreement.AgreementGate;
import org.ibex.agreement.Category;
import org.ibex.agreement.InstalledAgreement;
import org.ibex.agreement.QueryType;
import org.ibex.agreement.Refusal;
import org.ibex.agreement.Verdict;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.border.NotFoundException;
import org.ibex.delivery.ExchangeNode;
import org.ibex.delivery.InboxHandler;
import org.ibex.delivery.ReceivedMessage;
import org.ibex.input.FieldRuleException;
import org.ibex.inquiry.InquiryJson;
import org.ibex.trust.NodeIdentity;
import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The responder's side of step two: a release asked by reference is checked (a reference this node gave that partner,
 * not expired; the agreement in this node's copy allows the categories and the quota), then released at once, or
 * held for a person who approves it in full or in part, or declines it with a reason the requester reads.
 */
public final class ReleaseDesk implements InboxHandler {
    private final Database database;
    private final AgreementBook book;
    private final AgreementGate gate;
    private final ExchangeNode exchange;
    private final Releasing releasing;
    private final AuditLog audit;
    private final AccessLog accessLog;
    private final Clock clock;

    ReleaseDesk(Database database, AgreementBook book, ExchangeNode exchange, Releasing releasing, AuditLog audit,
                AccessLog accessLog, Clock clock) {
        this.database = database;
        this.book = book;
        this.gate = new AgreementGate(book);
        this.exchange = exchange;
        this.releasing = releasing;
        this.audit = audit;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public String handle(Connection connection, ReceivedMessage message) throws SQLException {
        ReleaseAskMessage ask;
        try {
            ask = InquiryJson.read(message.payload(), ReleaseAskMessage.class);
            java.util.UUID.fromString(Objects.requireNonNull(ask.releaseId(), "releaseId"));
        } catch (RuntimeException e) {
            audit.append(connection, new AuditEntry.Draft("partner.release.unreadable", message.sender().toString(),
                    message.id(), "unreadable release request, not answered: " + e.getMessage()));
            return "refused: unreadable release request";
        }
        if (DecisionRows.exists(connection, ask.releaseId())) {
            return "kept: release " + ask.releaseId() + " was already received";
        }
        Instant now = clock.instant();
        String referenceSha = ask.reference() == null ? null : Searches.sha256(ask.reference());
        Optional<SearchRows.Reference> reference = referenceSha == null ? Optional.empty()
                : SearchRows.reference(connection, referenceSha);
        Verdict verdict = check(connection, message, ask, reference, now);
        SearchRows.Reference hit = reference.orElse(null);
        List<String> asked = ask.categories();
        if (verdict instanceof Verdict.Refused refused) {
            ReleaseDecision decision = new ReleaseDecision(ask.releaseId(), message.sender().toString(),
                    hit == null ? null : hit.searchId(), null, ask.agreement(), ask.caseRef(), ask.purpose(), asked,
                    ReleaseDecision.State.REFUSED, List.of(), refused.reason().code() + ": " + refused.message(), null,
                    now, now);
            DecisionRows.insert(connection, decision, referenceSha);
            audit.append(connection, new AuditEntry.Draft("agreement.refused", message.sender().toString(),
                    ask.releaseId(), "release " + refused.reason().code() + ": " + refused.message()));
            releasing.refuse(connection, decision, refused.reason().code(), refused.message());
            return "refused: " + refused.reason().code();
        }
        Verdict.Allowed allowed = (Verdict.Allowed) verdict;
        ReleaseDecision decision = new ReleaseDecision(ask.releaseId(), message.sender().toString(), hit.searchId(),
                hit.personId(), allowed.agreement().reference(), ask.caseRef(), ask.purpose(), asked,
                ReleaseDecision.State.AWAITING_APPROVAL, List.of(), null, null, now, null);
        DecisionRows.insert(connection, decision, referenceSha);
        if (allowed.rule().humanApproval()) {
            releasing.waiting(connection, decision);
            audit.append(connection, new AuditEntry.Draft("partner.release.queued", message.sender().toString(),
                    ask.releaseId(), "held for approval under " + allowed.agreement().reference()));
            return "held for approval";
        }
        ReleaseDecision.State state = releasing.release(connection, decision, hit.document(), Releases.categories(asked),
                allowed, null, now);
        return "released: " + state.name().toLowerCase(java.util.Locale.ROOT);
    }

    private Verdict check(Connection connection, ReceivedMessage message, ReleaseAskMessage ask,
                          Optional<SearchRows.Reference> reference, Instant now) throws SQLException {
        if (reference.isEmpty() || !reference.get().requester().equals(message.sender().toString())) {
            return new Verdict.Refused(Refusal.NO_HIT, "no hit of " + exchange.node() + " gave that reference to "
                    + message.sender());
        }
        if (!now.isBefore(reference.get().expiresAt())) {
            return new Verdict.Refused(Refusal.REFERENCE_EXPIRED, "the reference expired at "
                    + reference.get().expiresAt());
        }
        if (!Objects.equals(message.agreement(), ask.agreement()) || !Objects.equals(message.purpose(), ask.purpose())) {
            return new Verdict.Refused(Refusal.TAMPERED, "the envelope's agreement and purpose ("
                    + message.agreement() + ", " + message.purpose() + ") differ from the request's");
        }
        Set<Category> categories;
        try {
            categories = Releases.categories(ask.categories());
        } catch (FieldRuleException e) {
            return new Verdict.Refused(Refusal.CATEGORY_NOT_ALLOWED, e.getMessage());
        }
        return gate.forAnswerer(connection, new AgreementGate.Question(message.sender(), exchange.node(),
                        QueryType.RELEASE, ask.purpose(), categories, now), ask.agreement(), ask.digest(),
                Quota.of("partner_disclosure", "received_at", ReleaseDecision.State.REFUSED.name()));
    }

    /** The releases waiting for a person, oldest first. */
    public List<ReleaseDecision> awaitingApproval() {
        List<ReleaseDecision> newestFirst = database.read(connection -> DecisionRows.list(connection,
                ReleaseDecision.State.AWAITING_APPROVAL, 500));
        List<ReleaseDecision> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The latest releases asked of this node, newest first. */
    public List<ReleaseDecision> recent(int limit) {
        return database.read(connection -> DecisionRows.list(connection, null, limit));
    }

    /** One release asked of this node. */
    public ReleaseDecision find(String id) {
        return database.read(connection -> DecisionRows.find(connection, id, false))
                .orElseThrow(() -> new NotFoundException("no release " + id + " was asked of this node"));
    }

    /**
     * Approves a held release: all the categories asked ({@code approved} empty) or some of them (partial), after
     * checking the agreement again; approving twice answers as the first decision did.
     */
    public ReleaseDecision approve(String id, List<String> approved, Actor actor) {
        ReleaseDecision decided = database.inTransaction(connection -> {
            ReleaseDecision held = held(connection, id);
            if (held.state() != ReleaseDecision.State.AWAITING_APPROVAL) {
                return held;
            }
            Set<Category> asked = Releases.categories(held.categories());
            Set<Category> granted = approved == null || approved.isEmpty() ? asked
                    : EnumSet.copyOf(Releases.categories(approved));
            if (!asked.containsAll(granted)) {
                throw new FieldRuleException("categories", "subset", "approve only categories the partner asked for: "
                        + held.categories());
            }
            Instant now = clock.instant();
            Optional<InstalledAgreement> installed = book.find(connection, held.agreement());
            Verdict verdict = installed.isEmpty() ? new Verdict.Refused(Refusal.NO_AGREEMENT, "the agreement is gone")
                    : gate.forAnswerer(connection, new AgreementGate.Question(NodeIdentity.parse(held.requester()),
                    exchange.node(), QueryType.RELEASE, held.purpose(), granted, now), held.agreement(),
                    installed.get().digest(), Quota.of("partner_disclosure", "decided_at",
                            ReleaseDecision.State.REFUSED.name()));
            if (verdict instanceof Verdict.Refused refused) {
                DecisionRows.decide(connection, id, ReleaseDecision.State.REFUSED, List.of(),
                        refused.reason().code() + ": " + refused.message(), actor.username(), now);
                releasing.refuse(connection, held, refused.reason().code(), refused.message());
                accessLog.record(connection, AccessLog.Access.by(actor, "partner.release.refused-on-approval", id));
            } else {
                releasing.release(connection, held, document(connection, held), granted, (Verdict.Allowed) verdict,
                        actor.username(), now);
                accessLog.record(connection, AccessLog.Access.by(actor, "partner.release.approve", id + " "
                        + granted.stream().sorted().map(Category::code).toList()));
            }
            return DecisionRows.find(connection, id, false).orElseThrow();
        });
        exchange.nudge();
        return decided;
    }

    /** Declines a held release: the requester reads the reason and gets no data. */
    public ReleaseDecision decline(String id, String reason, Actor actor) {
        if (reason == null || reason.isBlank() || reason.length() > 400) {
            throw new FieldRuleException("reason", "required", "reason is required: 1 to 400 characters the"
                    + " requesting state will read");
        }
        ReleaseDecision decided = database.inTransaction(connection -> {
            ReleaseDecision held = held(connection, id);
            if (held.state() != ReleaseDecision.State.AWAITING_APPROVAL) {
                return held;
            }
            DecisionRows.decide(connection, id, ReleaseDecision.State.REFUSED, List.of(),
                    Refusal.DECLINED.code() + ": " + reason.strip(), actor.username(), clock.instant());
            releasing.refuse(connection, held, Refusal.DECLINED.code(), reason.strip());
            accessLog.record(connection, AccessLog.Access.by(actor, "partner.release.decline", id));
            return DecisionRows.find(connection, id, false).orElseThrow();
        });
        exchange.nudge();
        return decided;
    }

    private static ReleaseDecision held(Connection connection, String id) throws SQLException {
        return DecisionRows.find(connection, id, true).orElseThrow(() -> new NotFoundException("no release " + id
                + " was asked of this node"));
    }

    private static String document(Connection connection, ReleaseDecision held) throws SQLException {
        return held.searchId() == null ? null : SearchRows.documentOf(connection, held.searchId());
    }
}
