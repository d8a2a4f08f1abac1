package org.ibex.cli;

import org.ibex.displacement.DisplacementCsv;
import org.ibex.displacement.Surge;
import org.ibex.displacement.SurgeRule;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** Surges of displacement between consecutive DTM rounds of an area, beyond a factor or an absolute jump. */
@Command(name = "surges", mixinStandardHelpOptions = true,
        description = "Areas whose displaced population grew beyond --factor or --jump between rounds.")
final class StatsSurgesCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--factor", description = "growth factor above which a round is a surge (default 2)")
    Double factor;

    @Option(names = "--jump", description = "absolute growth above which a round is a surge (default 10000)")
    Long jump;

    @Option(names = "--operation", description = "one DTM operation (default: all)")
    String operation;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        boolean csv = StatsFormat.csv(format);
        try (Node node = data.open()) {
            var displacement = node.services.displacement();
            SurgeRule rule = new SurgeRule(factor == null ? displacement.defaults().factor() : factor,
                    jump == null ? displacement.defaults().jump() : jump);
            List<Surge> surges = displacement.surges(rule, operation, Operator.actor("surges at shell"));
            StatsFormat.write(csv, DisplacementCsv.surges(surges), surges);
            // The count goes to stderr so that the CSV or JSON on stdout stays clean for a pipe.
            System.err.println(surges.size() + " surges (factor > " + rule.factor() + " or jump > " + rule.jump()
                    + ")");
            return 0;
        }
    }
}
