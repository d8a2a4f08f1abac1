package org.ibex.cli;

import org.ibex.biometrics.WantedPrint;
import org.ibex.biometrics.WantedPrints;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** Wanted persons' fingerprints from a stopped node's data folder: list, flag and lift, each audited as the API's. */
@Command(name = "wanted", mixinStandardHelpOptions = true,
        description = "Wanted persons' fingerprints: every probe at a gate or 1:N is held against them.",
        subcommands = {WantedCommand.ListFlags.class, WantedCommand.Flag.class, WantedCommand.Lift.class})
final class WantedCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "This node's flags (lifted ones too) and the copy of headquarters' flags it holds.")
    static final class ListFlags implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Option(names = "--json", description = "one JSON object per flag")
        boolean json;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                WantedPrints.Listing listing = node.services.biometrics().wanted()
                        .list(Operator.actor("wanted prints listed at shell"));
                print(listing.flagged(), json);
                print(listing.fromHeadquarters(), json);
                if (!json) {
                    System.out.println(listing.flagged().stream().filter(WantedPrint::inForce).count()
                            + " flags in force here, " + listing.fromHeadquarters().size() + " from headquarters");
                }
                return 0;
            }
        }
    }

    @Command(name = "flag", mixinStandardHelpOptions = true,
            description = "Flag an enrolled person's (or subject's) fingerprints as wanted, with a reason.")
    static final class Flag implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Option(names = "--person", description = "the person whose enrolment in force is wanted")
        Long person;

        @Option(names = "--subject", description = "an enrolled subject (known or unknown person)")
        Long subject;

        @Option(names = "--reason", required = true, description = "why the person is wanted; officers read it")
        String reason;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                WantedPrint flag = node.services.biometrics().wanted().flag(subject, person, reason,
                        Operator.actor("wanted prints flagged at shell"));
                System.out.println("flagged " + flag.reference() + " " + flag.name() + ": " + flag.reason());
                return 0;
            }
        }
    }

    @Command(name = "lift", mixinStandardHelpOptions = true, description = "Lift a wanted flag, with a reason.")
    static final class Lift implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Parameters(paramLabel = "SUBJECT", description = "the flagged subject's id")
        long subject;

        @Option(names = "--reason", required = true, description = "why the person is no longer wanted")
        String reason;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                WantedPrint flag = node.services.biometrics().wanted().lift(subject, reason,
                        Operator.actor("wanted prints lifted at shell"));
                System.out.println("lifted " + flag.reference() + " " + flag.name() + ": " + flag.liftReason());
                return 0;
            }
        }
    }

    private static void print(List<WantedPrint> prints, boolean json) {
        var mapper = Json.mapper();
        for (WantedPrint p : prints) {
            if (json) {
                System.out.println(Json.write(mapper, p));
            } else {
                System.out.printf("%-8s %-12s %-9s %-30s %s%s%n", p.reference(), p.source(),
                        p.inForce() ? "in force" : "lifted", p.name(), p.reason(),
                        p.inForce() ? "" : " (lifted by " + p.liftedBy() + ": " + p.liftReason() + ")");
            }
        }
    }
}
