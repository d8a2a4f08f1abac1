package org.ibex.cli;

import org.ibex.confirmation.ConfirmationViews;
import org.ibex.confirmation.PartnerRelease;
import org.ibex.confirmation.ReleaseRequest;
import org.ibex.input.FieldRuleException;
import org.ibex.inquiry.QuestionRefusedException;
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
 * Releases asked of partner states after a hit: ask by the probe for a case, a purpose and categories; list them and
 * show one with its data while it is kept. The ask is checked and queued; the serving node sends it.
 */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Releases asked of partner states after a hit: ask, list, show.",
        subcommands = {ReleaseCommand.Ask.class, ReleaseCommand.ListReleases.class, ReleaseCommand.Show.class})
final class ReleaseCommand {
    @Command(name = "ask", mixinStandardHelpOptions = true,
            description = "Ask the partner of a hit to release what the agreement allows; prints it as JSON. Exit 1"
                    + " when refused (no hit, expired reference, agreement, quota), 2 for bad input.")
    static final class Ask implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--probe", required = true, paramLabel = "ID", description = "the probe whose hit is used")
        String probe;
        @Option(names = "--case", required = true, paramLabel = "CASE", description = "the case the release is for")
        String caseRef;
        @Option(names = "--purpose", required = true, description = "as the agreement names it")
        String purpose;
        @Option(names = "--categories", required = true, split = ",", paramLabel = "CATEGORY",
                description = "biographic, travel-history, documents, photo")
        List<String> categories;
        @Option(names = "--person", paramLabel = "N", description = "this node's person the release is linked to")
        Long person;
        @Option(names = "--uid", description = "a retry key: the same uid answers with the first ask")
        String uid;

        @Override
        public Integer call() {
            List<String> wanted = ConfirmationCli.categories("--categories", categories);
            try (Node node = data.open()) {
                try {
                    PartnerRelease asked = ConfirmationCli.confirmation(node).releases().ask(new ReleaseRequest(probe,
                            caseRef, purpose, wanted, person, uid), Operator.actor("release asked at shell: "
                            + purpose));
                    ConfirmationCli.print(ConfirmationViews.release(asked));
                    return 0;
                } catch (QuestionRefusedException e) {
                    return ConfirmationCli.refused(e);
                } catch (FieldRuleException e) {
                    throw ConfirmationCli.option(e);
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Releases asked, newest first: id, state, partner, probe, case, purpose, released categories.")
    static final class ListReleases implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Option(names = "--probe", paramLabel = "ID", description = "only those asked by this probe")
        String probe;
        @Mixin
        ListLimit limit;

        @Override
        public Integer call() {
            int limit = this.limit.value();
            try (Node node = data.open()) {
                for (PartnerRelease r : ConfirmationCli.confirmation(node).releases().list(probe,
                        Operator.actor("releases listed at shell"), limit)) {
                    System.out.println(ConfirmationCli.line(r.id(), r.state().name().toLowerCase(Locale.ROOT),
                            r.partner(), r.probeId(), r.caseRef(), r.purpose(), String.join(",",
                                    r.releasedCategories())));
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One release asked, as JSON, with its data.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Parameters(paramLabel = "ID", description = "the release's id")
        String id;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                ConfirmationCli.print(ConfirmationViews.release(ConfirmationCli.confirmation(node).releases().find(id,
                        Operator.actor("release read at shell"))));
            }
            return 0;
        }
    }
}
