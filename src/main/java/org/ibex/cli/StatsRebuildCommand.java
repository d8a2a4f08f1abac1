package org.ibex.cli;

import org.ibex.analytics.FlowFolder;
import org.ibex.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Recounts the flow roll-ups from the crossings themselves: for an operator who doubts them. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Recount the border-flow and stay roll-ups from the crossing rows (run with the node stopped).")
final class StatsRebuildCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        try (Node node = data.open()) {
            long started = System.nanoTime();
            FlowFolder.RebuildResult result = node.services.flows().folder().rebuild();
            System.out.printf("rebuilt the flow roll-ups: %d crossings in force, %d day rows, %d month rows;"
                    + " %d stays, %d stay rows; %.1f s%n", result.crossings(), result.dayRows(), result.monthRows(),
                    result.stays(), result.stayRows(), (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }
}
