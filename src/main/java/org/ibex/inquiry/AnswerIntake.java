package org.ibex.inquiry;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.agreement.AgreementBook;
import org.ibex.agreement.AgreementRule;
import org.ibex.agreement.Category;
import org.ibex.agreement.InstalledAgreement;
import org.ibex.agreement.QueryType;
import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.delivery.InboxHandler;
import org.ibex.delivery.ReceivedMessage;
import org.ibex.store.Sql;
import org.ibex.trust.NodeIdentity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The asker takes in answers: only from the node it asked, only once, and only the categories its own copy of the
 * agreement lets come back; an answer carrying more is refused whole and audited. An answer's data is kept until the
 * agreement's retention runs out ({@link RetentionSweep}).
 */
final class AnswerIntake implements InboxHandler {
    private final AgreementBook book;
    private final Disclosures ledger;
    private final AuditLog audit;
    private final Clock clock;

    AnswerIntake(AgreementBook book, Disclosures ledger, AuditLog audit, Clock clock) {
        this.book = book;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String handle(Connection connection, ReceivedMessage message) throws SQLException {
        AnswerMessage answer;
        try {
            answer = InquiryJson.read(message.payload(), AnswerMessage.class);
        } catch (IllegalArgumentException e) {
            audit(connection, "agency.answer.refused", message.sender(), message.id(), "unreadable answer: "
                    + e.getMessage());
            return "kept: unreadable answer";
        }
        Optional<Question> asked = answer.questionId() == null ? Optional.empty()
                : QuestionRows.find(connection, answer.questionId());
        if (asked.isEmpty() || !asked.get().answerer().equals(message.sender().toString())) {
            audit(connection, "agency.answer.refused", message.sender(), answer.questionId(),
                    "an answer to no question this node asked " + message.sender());
            return "kept: answer to no question asked of " + message.sender();
        }
        Question question = asked.get();
        if (question.state() != Question.State.PENDING && question.state() != Question.State.WAITING) {
            return "kept: question " + question.id() + " is already " + question.state();
        }
        Instant now = clock.instant();
        return switch (answer.status() == null ? "" : answer.status()) {
            case AnswerMessage.WAITING -> {
                update(connection, question.id(), Question.State.WAITING, null, null, null, null, null);
                yield "waiting for approval at " + message.sender();
            }
            case AnswerMessage.REFUSED -> {
                String refusal = answer.refusal() + ": " + answer.reason();
                update(connection, question.id(), Question.State.REFUSED, null, null, cut(refusal), now, null);
                audit(connection, "agency.answer.refused", message.sender(), question.id(), "refused by the answerer"
                        + (hasData(answer) ? " (its data was dropped)" : "") + ": " + refusal);
                yield "refused: " + answer.refusal();
            }
            case AnswerMessage.ANSWERED -> accept(connection, question, answer, message.sender(), now);
            default -> {
                audit(connection, "agency.answer.refused", message.sender(), question.id(), "unknown status '"
                        + answer.status() + "'");
                yield "kept: unknown status";
            }
        };
    }

    private String accept(Connection connection, Question question, AnswerMessage answer, NodeIdentity sender,
                          Instant now) throws SQLException {
        Optional<AgreementRule> rule = rule(connection, question, sender);
        Set<Category> released = EnumSet.noneOf(Category.class);
        try {
            for (String code : answer.categories() == null ? List.<String>of() : answer.categories()) {
                released.add(Category.parse(code));
            }
        } catch (IllegalArgumentException e) {
            rule = Optional.empty();
        }
        Set<Category> allowed = EnumSet.of(Category.HIT);
        rule.ifPresent(r -> allowed.addAll(r.categories()));
        boolean outcomeKnown = Answers.HIT.equals(answer.outcome()) || Answers.NO_HIT.equals(answer.outcome());
        if (rule.isEmpty() || !allowed.containsAll(released) || !outcomeKnown) {
            String why = rule.isEmpty() ? "the agreement " + question.agreement() + " is no longer in force here"
                    : !outcomeKnown ? "the answer says neither hit nor no-hit"
                    : "the answer carries " + released + " where " + question.agreement() + " releases " + allowed;
            update(connection, question.id(), Question.State.REFUSED, null, null, cut("refused-here: " + why), now,
                    null);
            audit(connection, "agency.answer.refused", sender, question.id(), "answer not kept: " + why);
            return "answer refused: " + why;
        }
        JsonNode data = answer.data() == null || answer.data().isNull() ? null : answer.data();
        Instant retainUntil = now.plus(Duration.ofDays(rule.get().retentionDays()));
        update(connection, question.id(), Question.State.ANSWERED, answer.outcome(),
                data == null ? null : InquiryJson.write(data), null, now, retainUntil);
        if (Answers.HIT.equals(answer.outcome())) {
            ledger.record(connection, new Disclosure(0, question.personId(), question.subjectLabel(),
                    Disclosure.Direction.RECEIVED, sender.toString(), question.agreement(), question.purpose(),
                    released.stream().sorted().map(Category::code).toList(), question.id(), Disclosure.Kind.ANSWER,
                    now));
        }
        audit(connection, "agency.answer.received", sender, question.id(), answer.outcome() + " under "
                + question.agreement() + ", categories " + released + ", kept until " + retainUntil);
        return "answered: " + answer.outcome();
    }

    /** Our own copy's rule for this question, if the agreement is still in force here. */
    private Optional<AgreementRule> rule(Connection connection, Question question, NodeIdentity answerer)
            throws SQLException {
        Optional<InstalledAgreement> installed = book.find(connection, question.agreement());
        if (installed.isEmpty() || !installed.get().usable()) {
            return Optional.empty();
        }
        QueryType query = QueryType.parse(question.query());
        return installed.get().agreement().rulesBetween(book.self(), answerer).stream()
                .filter(r -> r.queries().contains(query) && r.purposes().contains(question.purpose())).findFirst();
    }

    private static boolean hasData(AnswerMessage answer) {
        return answer.data() != null && !answer.data().isNull() && !answer.data().isEmpty();
    }

    private static void update(Connection connection, String id, Question.State state, String outcome, byte[] answer,
                               String refusal, Instant answeredAt, Instant retainUntil) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE agency_question SET state = ?,"
                + " outcome = ?, answer = ?, refusal = ?, answered_at = ?, retain_until = ? WHERE question_id = ?")) {
            Sql.bindAll(update, state.name(), outcome, answer, refusal, answeredAt, retainUntil, id);
            update.executeUpdate();
        }
    }

    private void audit(Connection connection, String kind, NodeIdentity sender, String subject, String detail)
            throws SQLException {
        audit.append(connection, new AuditEntry.Draft(kind, sender.toString(), subject, detail));
    }

    private static String cut(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
