package org.ibex.inquiry;

import org.ibex.access.Actor;
import org.ibex.agreement.AgreementBook;
import org.ibex.agreement.AgreementGate;
import org.ibex.agreement.AgreementRule;
import org.ibex.agreement.Category;
import org.ibex.agreement.Verdict;
import org.ibex.audit.AccessLog;
import org.ibex.border.NotFoundException;
import org.ibex.delivery.ExchangeNode;
import org.ibex.input.FieldRuleException;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.trust.Envelope;
import org.ibex.trust.NodeIdentity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The asker's side: a question is checked against the agreements before anything leaves (a refusal is audited and
 * nothing is sent), then stored, written in the ledger and queued in one transaction; answers land through
 * {@link AnswerIntake}. Officers and supervisors see their post's questions, analysts and admins every one.
 */
public final class Questions {
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{1,59}");
    private final Database database;
    private final AgreementBook book;
    private final AgreementGate gate;
    private final ExchangeNode exchange;
    private final Counterparts counterparts;
    private final Disclosures ledger;
    private final AccessLog accessLog;
    private final Clock clock;

    Questions(Database database, AgreementBook book, ExchangeNode exchange, Counterparts counterparts,
              Disclosures ledger, AccessLog accessLog, Clock clock) {
        this.database = database;
        this.book = book;
        this.gate = new AgreementGate(book);
        this.exchange = exchange;
        this.counterparts = counterparts;
        this.ledger = ledger;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Asks, or refuses with the agreement's reason; the refusal is in the audit log before this throws. */
    public Question ask(Ask ask, Actor actor) {
        if (ask.purpose() == null || !PURPOSE.matcher(ask.purpose()).matches()) {
            throw new FieldRuleException("purpose", "format", "purpose must be 2 to 60 of a-z, 0-9 and - as the"
                    + " agreement names it, such as criminal-investigation");
        }
        if (ask.subject() == null) {
            throw new FieldRuleException("subject", "required", "subject is required");
        }
        NodeIdentity self = exchange.node();
        NodeIdentity answerer = ask.answerer() != null ? ask.answerer() : defaultAnswerer(ask);
        if (!counterparts.listed(answerer)) {
            throw new FieldRuleException("answerer", "unknown", "answerer " + answerer + " is not a node of the"
                    + " federation directory");
        }
        Set<Category> categories = ask.categories().isEmpty() ? EnumSet.of(Category.HIT)
                : EnumSet.copyOf(ask.categories());
        if (ask.subject().hasPrints()) {
            // Prints leave only under a rule that names the biometric category.
            categories.add(Category.BIOMETRIC);
        }
        Instant now = clock.instant();
        AgreementGate.Question question = new AgreementGate.Question(self, answerer, ask.query(), ask.purpose(),
                categories, now);
        Object result = database.inTransaction(connection -> {
            Optional<Question> retried = retried(connection, ask, answerer, actor);
            if (retried.isPresent()) {
                return retried.get();
            }
            Verdict verdict = gate.forAsker(connection, question, Questions::asked);
            if (verdict instanceof Verdict.Refused refused) {
                accessLog.record(connection, new AccessLog.Access(actor.username(), actor.user().role().label(),
                        "agency.question.refused", answerer + " " + refused.reason().code(), ask.purpose(),
                        actor.remote()));
                return refused;
            }
            return send(connection, (Verdict.Allowed) verdict, ask, answerer, categories, actor, now);
        });
        if (result instanceof Verdict.Refused refused) {
            throw new QuestionRefusedException(refused.reason(), refused.message());
        }
        exchange.nudge();
        return (Question) result;
    }

    private Question send(Connection connection, Verdict.Allowed allowed, Ask ask, NodeIdentity answerer,
                          Set<Category> categories, Actor actor, Instant now) throws SQLException {
        String id = UUID.randomUUID().toString();
        List<String> codes = categories.stream().sorted().map(Category::code).toList();
        var agreement = allowed.agreement();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agency_question(question_id,"
                + " answerer, agreement_id, agreement_version, query_type, purpose, categories, subject, subject_label,"
                + " person_id, crossing_uid, post_id, request_uid, asked_by, asked_at, state)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, id, answerer.toString(), agreement.id(), agreement.version(), ask.query().code(),
                    ask.purpose(), String.join(",", codes), InquiryJson.write(ask.subject()), ask.subject().label(),
                    ask.personId(), ask.crossingUid(), actor.user().postId(), ask.requestUid(), actor.username(), now,
                    Question.State.PENDING.name());
            insert.executeUpdate();
        }
        ledger.record(connection, new Disclosure(0, ask.personId(), ask.subject().label(), Disclosure.Direction.SENT,
                answerer.toString(), agreement.reference(), ask.purpose(), Disclosures.carried(ask.subject()), id,
                Disclosure.Kind.QUESTION, now));
        QuestionMessage message = new QuestionMessage(id, ask.query().code(), ask.purpose(), codes, ask.subject(),
                agreement.reference(), agreement.digest());
        Envelope envelope = exchange.message(answerer, QuestionMessage.TYPE, ask.purpose(), "application/json",
                InquiryJson.write(message)).withAgreement(agreement.reference());
        exchange.enqueue(connection, envelope);
        accessLog.record(connection, new AccessLog.Access(actor.username(), actor.user().role().label(),
                "agency.question.ask", id, ask.purpose(), actor.remote()));
        return QuestionRows.find(connection, id).orElseThrow();
    }

    /**
     * The question this user already asked under the same uid: the same question answers with it, another question
     * under a used uid is refused naming the field (the key may have been guessed: nothing of the first is told).
     */
    private static Optional<Question> retried(Connection connection, Ask ask, NodeIdentity answerer, Actor actor)
            throws SQLException {
        if (ask.requestUid() == null) {
            return Optional.empty();
        }
        Optional<Question> first = QuestionRows.byRequestUid(connection, actor.username(), ask.requestUid());
        if (first.isPresent() && !(first.get().answerer().equals(answerer.toString())
                && first.get().query().equals(ask.query().code()) && first.get().purpose().equals(ask.purpose())
                && java.util.Objects.equals(first.get().subjectLabel(), ask.subject().label()))) {
            throw new FieldRuleException("uid", "reused", "uid '" + ask.requestUid() + "' was already used for"
                    + " another question; send a new uid for a new question");
        }
        return first;
    }

    /** The node an agreement in force names for this question, when the asker named none. */
    private NodeIdentity defaultAnswerer(Ask ask) {
        NodeIdentity self = exchange.node();
        for (var agreement : book.usable()) {
            for (AgreementRule rule : agreement.rules()) {
                if (rule.asker().covers(self) && rule.queries().contains(ask.query())) {
                    var node = counterparts.nodeFor(rule.answerer());
                    if (node.isPresent()) {
                        return node.get();
                    }
                }
            }
        }
        throw new QuestionRefusedException(org.ibex.agreement.Refusal.NO_AGREEMENT, "no agreement in force lets "
                + self + " ask a " + ask.query().code() + " question of anyone");
    }

    /** The questions {@code actor} may follow, newest first: their post's, or every one for node-wide roles. */
    public List<Question> list(Actor actor, int limit) {
        return database.read(connection -> QuestionRows.list(connection, actor.user().role().boundToPost()
                ? actor.user().postId() : null, limit));
    }

    /** One question, when {@code actor} may follow it; another post's reads as one that does not exist. */
    public Question find(String id, Actor actor) {
        Question question = visible(id, actor);
        accessLog.record(AccessLog.Access.by(actor, "agency.question.read", id));
        return question;
    }

    /**
     * The question while it still waits for its answer, for a page that polls until the answer lands: not logged,
     * since a waiting question holds no answer and the page shows its state alone; once answered, empty, and the read
     * that shows the answer is {@link #find}.
     */
    public Optional<Question> whileWaiting(String id, Actor actor) {
        Question question = visible(id, actor);
        return question.state() == Question.State.PENDING || question.state() == Question.State.WAITING
                ? Optional.of(question) : Optional.empty();
    }

    private Question visible(String id, Actor actor) {
        Question question = database.read(connection -> QuestionRows.find(connection, id))
                .orElseThrow(() -> new NotFoundException("no question " + id));
        if (actor.user().role().boundToPost() && !actor.user().postId().equals(question.postId())) {
            throw new NotFoundException("no question " + id);
        }
        return question;
    }

    /** The questions asked at one crossing's inspection, for its reasons. */
    public List<Question> forCrossing(String crossingUid) {
        return database.read(connection -> QuestionRows.forCrossing(connection, crossingUid));
    }

    /** How many questions this node asked under a rule between two instants (refused ones do not count). */
    static long asked(Connection connection, String agreementId, AgreementRule rule, Instant from, Instant to)
            throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM agency_question WHERE"
                + " agreement_id = ? AND asked_at >= ? AND asked_at < ? AND state <> 'REFUSED' AND "
                + org.ibex.agreement.RuleRows.where(rule))) {
            List<Object> values = new java.util.ArrayList<>(List.of(agreementId, from, to));
            values.addAll(org.ibex.agreement.RuleRows.values(rule));
            Sql.bindAll(count, values.toArray());
            try (var row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
