package org.ibex.cli;

import org.ibex.confirmation.ConfirmationViews;
import org.ibex.confirmation.ReleaseDecision;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Releases partner states asked of this node: the list, and the decisions on those held for a person. A decision is
 * queued as the answer; the serving node sends it.
 */
@Command(name = "release-desk", mixinStandardHelpOptions = true,
        description = "Releases partner states asked of this node: list, approve, decline.",
        subcommands = {ReleaseDeskCommand.ListDecisions.class, ReleaseDeskCommand.Approve.class,
                ReleaseDeskCommand.Decline.class})
final class ReleaseDeskCommand {
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Releases asked of this node, newest first: id, state, requester, case, purpose, categories.")
    static final class ListDecisions implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--awaiting", description = "only those held for approval, oldest first")
        boolean awaiting;
        @Mixin
        ListLimit limit;

        @Override
        public Integer call() {
            int limit = this.limit.value();
            try (Node node = data.open()) {
                var desk = ConfirmationCli.confirmation(node).desk();
                List<ReleaseDecision> listed = awaiting ? desk.awaitingApproval() : desk.recent(limit);
                for (ReleaseDecision d : listed) {
                    System.out.println(ConfirmationCli.line(d.id(), d.state().name().toLowerCase(Locale.ROOT)
                            .replace('_', '-'), d.requester(), d.caseRef(), d.purpose(), String.join(",",
                            d.categories())));
                }
            }
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Release a held release, all it asked or --categories of it (partial); prints it as JSON.")
    static final class Approve implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Parameters(paramLabel = "ID", description = "the release's id")
        String id;
        @Option(names = "--categories", split = ",", paramLabel = "CATEGORY",
                description = "the categories released (default: all those asked)")
        List<String> categories = List.of();

        @Override
        public Integer call() {
            List<String> granted = ConfirmationCli.categories("--categories", categories);
            try (Node node = data.open()) {
                ConfirmationCli.print(ConfirmationViews.decision(ConfirmationCli.confirmation(node).desk()
                        .approve(id, granted, Operator.actor("partner release approved at shell"))));
            }
            return 0;
        }
    }

    @Command(name = "decline", mixinStandardHelpOptions = true,
            description = "Decline a held release; the partner reads the reason and gets no data.")
    static final class Decline implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Parameters(paramLabel = "ID", description = "the release's id")
        String id;
        @Option(names = "--reason", required = true, description = "why, 1 to 400 characters the partner will read")
        String reason;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                ConfirmationCli.print(ConfirmationViews.decision(ConfirmationCli.confirmation(node).desk()
                        .decline(id, reason, Operator.actor("partner release declined at shell"))));
            }
            return 0;
        }
    }
}
