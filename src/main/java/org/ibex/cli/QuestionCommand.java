package org.ibex.cli;

import org.ibex.inquiry.Inquiry;
import org.ibex.inquiry.InquiryViews;
import org.ibex.inquiry.Question;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.concurrent.Callable;

/** The questions this node asked: one line each, or one in full with its answer. */
@Command(name = "question", mixinStandardHelpOptions = true,
        description = "Questions this node asked other agencies: list, show.",
        subcommands = {QuestionCommand.ListQuestions.class, QuestionCommand.Show.class})
final class QuestionCommand {
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The latest questions, newest first: id, state, answerer, query, purpose, subject.")
    static final class ListQuestions implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Mixin
        ListLimit limit;

        @Override
        public Integer call() {
            int limit = this.limit.value();
            try (Node node = data.open()) {
                Instant now = node.services.clock().instant();
                for (Question q : InquiryCli.inquiry(node).questions().list(Operator.actor("questions listed at"
                        + " shell"), limit)) {
                    System.out.println(String.join("\t", q.id(), InquiryViews.code(q.state())
                            + (q.overdue(now, Inquiry.OVERDUE_AFTER) ? " (overdue)" : ""), q.answerer(), q.query(),
                            q.purpose(), q.subjectLabel() == null ? "-" : q.subjectLabel()));
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One question and its answer, as JSON.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Parameters(paramLabel = "ID", description = "the question's id")
        String id;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                Question question = InquiryCli.inquiry(node).questions().find(id, Operator.actor("question read at"
                        + " shell"));
                System.out.println(Json.write(Json.mapper(), InquiryViews.question(question,
                        node.services.clock().instant(), Inquiry.OVERDUE_AFTER)));
            }
            return 0;
        }
    }
}
