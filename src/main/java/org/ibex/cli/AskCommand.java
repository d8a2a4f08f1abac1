package org.ibex.cli;

import org.ibex.agreement.Category;
import org.ibex.agreement.QueryType;
import org.ibex.inquiry.Ask;
import org.ibex.inquiry.Inquiry;
import org.ibex.inquiry.InquiryViews;
import org.ibex.inquiry.Question;
import org.ibex.inquiry.QuestionRefusedException;
import org.ibex.inquiry.Subject;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.store.Json;
import org.ibex.trust.NodeIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Asks another agency's node a question under the agreements in force. The question is checked and queued in this
 * node's outbox; the serving node ({@code ibex serve}) sends it and takes in the answer. H2 lets one process open
 * the store, so on an H2 node this runs while the node is stopped and the question leaves when it starts.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Ask another agency's node a question under the agreements in force; prints the question as"
                + " JSON. Exit 1 when the agreements refuse it (the refusal is audited), 2 for bad input.",
                "Whom about: --surname with --birth-date, or --document (with --issuing-state when known)."})
final class AskCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Option(names = "--query", required = true, description = "crossings, presence, wanted or identity")
    String query;
    @Option(names = "--purpose", required = true, description = "as the agreement names it, e.g. criminal-investigation")
    String purpose;
    @Option(names = "--answerer", paramLabel = "NODE",
            description = "the node asked, e.g. UTO/IMM/HQ (default: the node an agreement names for the query)")
    String answerer;
    @Option(names = "--categories", split = ",", paramLabel = "CATEGORY",
            description = "what the answer may carry: hit, biographic, travel-history, biometric (default: hit only)")
    List<String> categories = List.of();
    @Option(names = "--surname", description = "the person's surname")
    String surname;
    @Option(names = "--given-names", description = "the person's given names")
    String givenNames;
    @Option(names = "--birth-date", paramLabel = "yyyy-MM-dd", description = "the person's date of birth")
    LocalDate birthDate;
    @Option(names = "--document", paramLabel = "NUMBER", description = "a travel document's number")
    String document;
    @Option(names = "--issuing-state", paramLabel = "XXX", description = "the document's issuing state")
    String issuingState;
    @Option(names = "--person", paramLabel = "ID", description = "this node's person the question is about")
    Long personId;

    @Override
    public Integer call() {
        Ask ask = ask();
        try (Node node = data.open()) {
            Inquiry inquiry = InquiryCli.inquiry(node);
            try {
                Question asked = inquiry.questions().ask(ask, Operator.actor("question asked at shell: " + purpose));
                System.out.println(Json.write(Json.mapper(), InquiryViews.question(asked,
                        node.services.clock().instant(), Inquiry.OVERDUE_AFTER)));
                return 0;
            } catch (QuestionRefusedException e) {
                System.err.println("ibex: refused by the agreements: " + e.reason().code() + ": " + e.getMessage());
                return 1;
            }
        }
    }

    /** The options as the domain takes them; anything unknown is named with what to give instead. */
    private Ask ask() {
        QueryType type = InquiryCli.parse("--query", () -> QueryType.parse(query.strip()));
        NodeIdentity node = answerer == null || answerer.isBlank() ? null
                : InquiryCli.parse("--answerer", () -> NodeIdentity.parse(answerer.strip()));
        Set<Category> wanted = EnumSet.noneOf(Category.class);
        for (String code : categories) {
            wanted.add(InquiryCli.parse("--categories", () -> Category.parse(code.strip())));
        }
        Subject subject = new Subject(surname, givenNames, birthDate, document, issuingState);
        return new Ask(node, type, purpose, wanted, subject, personId, null);
    }
}
