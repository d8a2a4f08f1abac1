package org.ibex.inquiry;

import org.ibex.access.Actor;
import org.ibex.agreement.Agreement;
import org.ibex.agreement.AgreementBook;
import org.ibex.agreement.AgreementRule;
import org.ibex.agreement.Category;
import org.ibex.agreement.QueryType;
import org.ibex.border.AgencyCheck;
import org.ibex.border.AgencyChecks;
import org.ibex.border.TravelDocument;
import org.ibex.input.FieldRuleException;
import org.ibex.trust.NodeIdentity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * At every inspection, asks each agency an agreement lets this node ask a {@code wanted} question for
 * {@value #PURPOSE}, and waits a bounded time for the answers so they can join the decision's reasons. A retry of the
 * same crossing asks nothing new: it reads the first question's answer.
 */
final class InspectionQuestions implements AgencyChecks {
    /** The purpose an agreement must name for questions asked at a gate. */
    static final String PURPOSE = "border-check";
    private static final long POLL_MILLIS = 50;
    private final Questions questions;
    private final AgreementBook book;
    private final Counterparts counterparts;
    private final Duration wait;

    InspectionQuestions(Questions questions, AgreementBook book, Counterparts counterparts, Duration wait) {
        this.questions = questions;
        this.book = book;
        this.counterparts = counterparts;
        this.wait = wait;
    }

    @Override
    public List<AgencyCheck> check(TravelDocument document, String crossingUid, Actor actor) {
        Map<NodeIdentity, Set<Category>> asked = agencies();
        if (asked.isEmpty()) {
            return List.of();
        }
        List<AgencyCheck> refused = new ArrayList<>();
        if (questions.forCrossing(crossingUid).isEmpty()) {
            Subject subject;
            try {
                subject = new Subject(document.surname(), document.givenNames(), document.dateOfBirth(),
                        document.documentNumber(), document.issuingState());
            } catch (FieldRuleException e) {
                return List.of();
            }
            asked.forEach((agency, categories) -> {
                try {
                    questions.ask(new Ask(agency, QueryType.WANTED, PURPOSE, categories, subject, null, crossingUid),
                            actor);
                } catch (QuestionRefusedException e) {
                    refused.add(new AgencyCheck(agency.toString(), QueryType.WANTED.code(),
                            AgencyCheck.Status.REFUSED, e.reason().code() + ": " + e.getMessage()));
                }
            });
        }
        List<Question> answered = awaitAnswers(crossingUid);
        List<AgencyCheck> checks = new ArrayList<>(refused);
        for (Question question : answered) {
            checks.add(check(question));
        }
        return checks;
    }

    /** The agencies to ask, with the categories each agreement lets come back (beyond hit: who is listed). */
    private Map<NodeIdentity, Set<Category>> agencies() {
        NodeIdentity self = book.self();
        Map<NodeIdentity, Set<Category>> agencies = new LinkedHashMap<>();
        for (Agreement agreement : book.usable()) {
            for (AgreementRule rule : agreement.rules()) {
                if (rule.asker().covers(self) && rule.queries().contains(QueryType.WANTED)
                        && rule.purposes().contains(PURPOSE)) {
                    Set<Category> categories = EnumSet.of(Category.HIT);
                    if (rule.categories().contains(Category.BIOGRAPHIC)) {
                        categories.add(Category.BIOGRAPHIC);
                    }
                    counterparts.nodeFor(rule.answerer()).ifPresent(n -> agencies.putIfAbsent(n, categories));
                }
            }
        }
        return agencies;
    }

    private List<Question> awaitAnswers(String crossingUid) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Question> found = questions.forCrossing(crossingUid);
        while (found.stream().anyMatch(InspectionQuestions::open) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = questions.forCrossing(crossingUid);
        }
        return found;
    }

    private static boolean open(Question question) {
        return question.state() == Question.State.PENDING || question.state() == Question.State.WAITING;
    }

    private static AgencyCheck check(Question question) {
        String agency = question.answerer();
        return switch (question.state()) {
            case PENDING, WAITING -> new AgencyCheck(agency, question.query(), AgencyCheck.Status.PENDING,
                    "question " + question.id());
            case REFUSED -> new AgencyCheck(agency, question.query(), AgencyCheck.Status.REFUSED, question.refusal());
            case ANSWERED, DELETED -> Answers.HIT.equals(question.outcome())
                    ? new AgencyCheck(agency, question.query(), AgencyCheck.Status.HIT, listed(question))
                    : new AgencyCheck(agency, question.query(), AgencyCheck.Status.NO_HIT, "no hit");
        };
    }

    /** Who the agency lists, as far as the agreement lets it say; otherwise only that there is a hit. */
    private static String listed(Question question) {
        if (question.answer() == null || !question.answer().has("listed")) {
            return "hit (the agreement releases no details)";
        }
        List<String> entries = new ArrayList<>();
        question.answer().get("listed").forEach(entry -> entries.add(entry.path("name").asText() + " on "
                + entry.path("list").asText() + " (" + entry.path("action").asText() + ", score "
                + entry.path("score").asText() + ")"));
        return String.join("; ", entries);
    }
}
