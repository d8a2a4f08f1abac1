package org.ibex.cli;

import org.ibex.inquiry.AgencyRequest;
import org.ibex.inquiry.InquiryViews;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Questions other agencies asked this node: the list, and the approval queue's decisions. An approval or a decline
 * is queued as the answer; the serving node sends it.
 */
@Command(name = "request", mixinStandardHelpOptions = true,
        description = "Questions other agencies asked this node: list, approve, decline.",
        subcommands = {RequestCommand.ListRequests.class, RequestCommand.Approve.class, RequestCommand.Decline.class})
final class RequestCommand {
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Received questions, newest first: id, state, asker, query, purpose, subject.")
    static final class ListRequests implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--awaiting", description = "only the approval queue, oldest first")
        boolean awaiting;
        @Mixin
        ListLimit limit;

        @Override
        public Integer call() {
            int limit = this.limit.value();
            try (Node node = data.open()) {
                var requests = InquiryCli.inquiry(node).requests();
                List<AgencyRequest> listed = awaiting ? requests.awaitingApproval() : requests.recent(limit);
                for (AgencyRequest r : listed) {
                    System.out.println(String.join("\t", r.id(), InquiryViews.code(r.state()), r.asker(), r.query(),
                            r.purpose(), r.subjectLabel() == null ? "-" : r.subjectLabel()));
                }
            }
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Release the answer to a held question (the agreement is checked again); prints it as JSON.")
    static final class Approve implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Parameters(paramLabel = "ID", description = "the question's id")
        String id;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                AgencyRequest decided = InquiryCli.inquiry(node).requests().approve(id,
                        Operator.actor("release approved at shell"));
                System.out.println(Json.write(Json.mapper(), InquiryViews.request(decided)));
            }
            return 0;
        }
    }

    @Command(name = "decline", mixinStandardHelpOptions = true,
            description = "Decline a held question; the asker reads the reason and gets no data.")
    static final class Decline implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Parameters(paramLabel = "ID", description = "the question's id")
        String id;
        @Option(names = "--reason", required = true, description = "why, 1 to 400 characters the asker will read")
        String reason;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                AgencyRequest decided = InquiryCli.inquiry(node).requests().decline(id, reason,
                        Operator.actor("release declined at shell"));
                System.out.println(Json.write(Json.mapper(), InquiryViews.request(decided)));
            }
            return 0;
        }
    }
}
