package org.ibex.inquiry;

import org.ibex.access.Actor;
import org.ibex.agreement.Agreement;
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
import org.ibex.store.Database;
import org.ibex.trust.Envelope;
import org.ibex.trust.NodeIdentity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The answerer's side: every question is checked against this node's own copy of the agreement it names before
 * anything is looked up. A refusal is audited and answered without data; an allowed question is answered at once,
 * or held for a supervisor when the agreement wants a person to approve each release.
 */
public final class Requests implements InboxHandler {
    private final Database database;
    private final AgreementBook book;
    private final AgreementGate gate;
    private final ExchangeNode exchange;
    private final Answers answers;
    private final Disclosures ledger;
    private final AuditLog audit;
    private final AccessLog accessLog;
    private final Clock clock;

    Requests(Database database, AgreementBook book, ExchangeNode exchange, Answers answers, Disclosures ledger,
             AuditLog audit, AccessLog accessLog, Clock clock) {
        this.database = database;
        this.book = book;
        this.gate = new AgreementGate(book);
        this.exchange = exchange;
        this.answers = answers;
        this.ledger = ledger;
        this.audit = audit;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public String handle(Connection connection, ReceivedMessage message) throws SQLException {
        QuestionMessage question;
        try {
            question = InquiryJson.read(message.payload(), QuestionMessage.class);
            Objects.requireNonNull(question.questionId(), "questionId");
            java.util.UUID.fromString(question.questionId());
        } catch (RuntimeException e) {
            audit.append(connection, new AuditEntry.Draft("agreement.refused", message.sender().toString(),
                    message.id(), "unreadable question, not answered: " + e.getMessage()));
            return "refused: unreadable question";
        }
        if (RequestRows.find(connection, question.questionId(), false).isPresent()) {
            return "kept: question " + question.questionId() + " was already received";
        }
        Instant now = clock.instant();
        Verdict verdict = check(connection, message, question, now);
        if (verdict instanceof Verdict.Refused refused) {
            return refuse(connection, message.sender(), question, refused, now);
        }
        Verdict.Allowed allowed = (Verdict.Allowed) verdict;
        Agreement agreement = allowed.agreement();
        Instant retainUntil = now.plus(Duration.ofDays(allowed.rule().retentionDays()));
        byte[] subject = InquiryJson.write(question.subject());
        String label = question.subject().label();
        if (allowed.rule().humanApproval()) {
            RequestRows.insert(connection, question.questionId(), message.sender().toString(), agreement.id(),
                    agreement.version(), question, subject, label, now, AgencyRequest.State.AWAITING_APPROVAL, null,
                    null, retainUntil);
            recordQuestion(connection, message.sender(), question, agreement, null, now);
            send(connection, message.sender(), question, new AnswerMessage(question.questionId(),
                    AnswerMessage.WAITING, null, null, null, List.of(), null), agreement);
            audit.append(connection, new AuditEntry.Draft("agency.request.queued", message.sender().toString(),
                    question.questionId(), "held for approval under " + agreement.reference()));
            return "held for approval";
        }
        Answers.Found found = answers.answer(connection, QueryType.parse(question.query()), question.subject(),
                categories(question), asker(message.sender(), question.purpose()));
        RequestRows.insert(connection, question.questionId(), message.sender().toString(), agreement.id(),
                agreement.version(), question, subject, label, now, AgencyRequest.State.ANSWERED, found.outcome(),
                null, retainUntil);
        recordQuestion(connection, message.sender(), question, agreement, found.personId(), now);
        release(connection, message.sender(), question, agreement, found, now);
        return "answered: " + found.outcome();
    }

    /** Same checks as the asker's, plus: the envelope names the agreement and purpose the question carries. */
    private Verdict check(Connection connection, ReceivedMessage message, QuestionMessage question, Instant now)
            throws SQLException {
        QueryType query;
        Set<Category> categories;
        try {
            query = QueryType.parse(question.query());
            categories = categories(question);
            Objects.requireNonNull(question.subject(), "subject");
        } catch (RuntimeException e) {
            return new Verdict.Refused(Refusal.QUERY_NOT_ALLOWED, "the question cannot be read: " + e.getMessage());
        }
        if (!Objects.equals(message.agreement(), question.agreement())
                || !Objects.equals(message.purpose(), question.purpose())) {
            return new Verdict.Refused(Refusal.TAMPERED, "the envelope's agreement and purpose ("
                    + message.agreement() + ", " + message.purpose() + ") differ from the question's");
        }
        if (query == QueryType.IDENTITY || query == QueryType.DOCUMENT_STATUS || query == QueryType.RELEASE) {
            return new Verdict.Refused(Refusal.QUERY_NOT_ALLOWED, query.code() + " questions are not answered here:"
                    + " they travel as identity confirmation probes");
        }
        AgreementGate.Question asked = new AgreementGate.Question(message.sender(), exchange.node(), query,
                question.purpose(), categories, now);
        return gate.forAnswerer(connection, asked, question.agreement(), question.digest(),
                (c, id, rule, from, to) -> RequestRows.answered(c, id, rule, from, to, null));
    }

    private String refuse(Connection connection, NodeIdentity asker, QuestionMessage question,
                          Verdict.Refused refused, Instant now) throws SQLException {
        RequestRows.insert(connection, question.questionId(), asker.toString(), null, null, question, null, null, now,
                AgencyRequest.State.REFUSED, null, refused.reason().code() + ": " + refused.message(), null);
        audit.append(connection, new AuditEntry.Draft("agreement.refused", asker.toString(), question.questionId(),
                refused.reason().code() + ": " + refused.message()));
        send(connection, asker, question, new AnswerMessage(question.questionId(), AnswerMessage.REFUSED, null,
                refused.reason().code(), refused.message(), List.of(), null), null);
        return "refused: " + refused.reason().code();
    }

    /** Sends the answer and writes what it disclosed; a no-hit discloses nothing about the person. */
    private void release(Connection connection, NodeIdentity asker, QuestionMessage question, Agreement agreement,
                         Answers.Found found, Instant now) throws SQLException {
        send(connection, asker, question, new AnswerMessage(question.questionId(), AnswerMessage.ANSWERED,
                found.outcome(), null, null, found.categories(), found.data()), agreement);
        if (Answers.HIT.equals(found.outcome())) {
            ledger.record(connection, new Disclosure(0, found.personId(), question.subject().label(),
                    Disclosure.Direction.SENT, asker.toString(), agreement.reference(), question.purpose(),
                    found.categories(), question.questionId(), Disclosure.Kind.ANSWER, now));
        }
        audit.append(connection, new AuditEntry.Draft("agency.request.answered", asker.toString(),
                question.questionId(), found.outcome() + " under " + agreement.reference() + ", released "
                + found.categories()));
    }

    private void recordQuestion(Connection connection, NodeIdentity asker, QuestionMessage question,
                                Agreement agreement, Long personId, Instant now) throws SQLException {
        ledger.record(connection, new Disclosure(0, personId, question.subject().label(),
                Disclosure.Direction.RECEIVED, asker.toString(), agreement.reference(), question.purpose(),
                Disclosures.carried(question.subject()), question.questionId(), Disclosure.Kind.QUESTION, now));
    }

    private void send(Connection connection, NodeIdentity asker, QuestionMessage question, AnswerMessage answer,
                      Agreement agreement) throws SQLException {
        Envelope envelope = exchange.message(asker, AnswerMessage.TYPE, "answer to " + question.questionId(),
                "application/json", InquiryJson.write(answer));
        exchange.enqueue(connection, agreement == null ? envelope : envelope.withAgreement(agreement.reference()));
    }

    /** The questions waiting for a person to approve their release, oldest first. */
    public List<AgencyRequest> awaitingApproval() {
        List<AgencyRequest> newestFirst = database.read(connection -> RequestRows.list(connection,
                AgencyRequest.State.AWAITING_APPROVAL, 500));
        List<AgencyRequest> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The latest questions received, newest first. */
    public List<AgencyRequest> recent(int limit) {
        return database.read(connection -> RequestRows.list(connection, null, limit));
    }

    /**
     * Releases the answer to a held question, after checking the agreement again (it may have been revoked since);
     * approving twice answers as the first approval did.
     */
    public AgencyRequest approve(String id, Actor actor) {
        AgencyRequest decided = database.inTransaction(connection -> {
            AgencyRequest request = held(connection, id);
            if (request.state() != AgencyRequest.State.AWAITING_APPROVAL) {
                return request;
            }
            QuestionMessage question = stored(connection, request);
            Instant now = clock.instant();
            Optional<InstalledAgreement> installed = book.find(connection, request.agreement());
            Verdict verdict = installed.isEmpty() ? new Verdict.Refused(Refusal.NO_AGREEMENT, "the agreement is gone")
                    : gate.forAnswerer(connection, new AgreementGate.Question(NodeIdentity.parse(request.asker()),
                    exchange.node(), QueryType.parse(request.query()), request.purpose(), categories(question), now),
                    request.agreement(), installed.get().digest(),
                    (c, agreementId, rule, from, to) -> RequestRows.answered(c, agreementId, rule, from, to, id));
            if (verdict instanceof Verdict.Refused refused) {
                RequestRows.decide(connection, id, AgencyRequest.State.REFUSED, null,
                        refused.reason().code() + ": " + refused.message(), actor.username(), now);
                send(connection, NodeIdentity.parse(request.asker()), question, new AnswerMessage(id,
                        AnswerMessage.REFUSED, null, refused.reason().code(), refused.message(), List.of(), null),
                        null);
                accessLog.record(connection, AccessLog.Access.by(actor, "agency.request.refused-on-approval", id));
            } else {
                Agreement agreement = ((Verdict.Allowed) verdict).agreement();
                Answers.Found found = answers.answer(connection, QueryType.parse(request.query()),
                        question.subject(), categories(question), asker(NodeIdentity.parse(request.asker()),
                        request.purpose()));
                RequestRows.decide(connection, id, AgencyRequest.State.ANSWERED, found.outcome(), null,
                        actor.username(), now);
                release(connection, NodeIdentity.parse(request.asker()), question, agreement, found, now);
                accessLog.record(connection, AccessLog.Access.by(actor, "agency.request.approve", id));
            }
            return RequestRows.find(connection, id, false).orElseThrow();
        });
        exchange.nudge();
        return decided;
    }

    /** Declines a held question: the asker is told, with the reason, and gets no data. */
    public AgencyRequest decline(String id, String reason, Actor actor) {
        if (reason == null || reason.isBlank() || reason.length() > 400) {
            throw new FieldRuleException("reason", "required", "reason is required: 1 to 400 characters the asker"
                    + " will read");
        }
        AgencyRequest decided = database.inTransaction(connection -> {
            AgencyRequest request = held(connection, id);
            if (request.state() != AgencyRequest.State.AWAITING_APPROVAL) {
                return request;
            }
            QuestionMessage question = stored(connection, request);
            RequestRows.decide(connection, id, AgencyRequest.State.REFUSED, null,
                    Refusal.DECLINED.code() + ": " + reason.strip(), actor.username(), clock.instant());
            send(connection, NodeIdentity.parse(request.asker()), question, new AnswerMessage(id,
                    AnswerMessage.REFUSED, null, Refusal.DECLINED.code(), reason.strip(), List.of(), null), null);
            accessLog.record(connection, AccessLog.Access.by(actor, "agency.request.decline", id));
            return RequestRows.find(connection, id, false).orElseThrow();
        });
        exchange.nudge();
        return decided;
    }

    /** The asking agency as this node's access log names it: its node id, node-wide, for its stated purpose. */
    private static Actor asker(NodeIdentity node, String purpose) {
        return new Actor(new org.ibex.access.User(node.toString(), org.ibex.access.Role.ANALYST, null), purpose,
                "exchange");
    }

    private static AgencyRequest held(Connection connection, String id) throws SQLException {
        return RequestRows.find(connection, id, true).orElseThrow(() -> new NotFoundException("no question " + id
                + " was received"));
    }

    private static QuestionMessage stored(Connection connection, AgencyRequest request) throws SQLException {
        Subject subject = InquiryJson.read(RequestRows.subject(connection, request.id()), Subject.class);
        return new QuestionMessage(request.id(), request.query(), request.purpose(), request.categories(), subject,
                request.agreement(), null);
    }

    private static Set<Category> categories(QuestionMessage question) {
        Set<Category> categories = EnumSet.of(Category.HIT);
        if (question.subject() != null && question.subject().hasPrints()) {
            categories.add(Category.BIOMETRIC);
        }
        for (String code : question.categories() == null ? List.<String>of() : question.categories()) {
            categories.add(Category.parse(code));
        }
        return categories;
    }
}
