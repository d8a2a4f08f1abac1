package org.ibex.cli;

import org.ibex.confirmation.ConfirmationViews;
import org.ibex.confirmation.Protections;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;
import java.util.concurrent.Callable;

/** Protected persons, never confirmed to a partner state: set with a reason, or remove. Both are audited. */
@Command(name = "protection", mixinStandardHelpOptions = true,
        description = "Protected persons, never confirmed to a partner state: set, remove.",
        subcommands = {ProtectionCommand.Set.class, ProtectionCommand.Remove.class})
final class ProtectionCommand {
    private static Protections protections(Node node) {
        var s = node.services;
        return s.confirmation().map(c -> c.protections()).orElseGet(() -> new Protections(s.database(),
                s.biometrics(), s.accessLog(), s.clock()));
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Protect a person; prints it as JSON.")
    static final class Set implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Parameters(paramLabel = "PERSON", description = "the person's id")
        long person;
        @Option(names = "--reason", required = true, description = "why, 1 to 400 characters")
        String reason;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                ConfirmationCli.print(ConfirmationViews.protection(person, Optional.of(protections(node)
                        .protect(person, reason, Operator.actor("person protected at shell")))));
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Lift a person's protection.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataOptions data;
        @Parameters(paramLabel = "PERSON", description = "the person's id")
        long person;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                boolean removed = protections(node).unprotect(person, Operator.actor("protection lifted at shell"));
                System.out.println(removed ? "person " + person + " is no longer protected"
                        : "person " + person + " was not protected");
            }
            return 0;
        }
    }
}
