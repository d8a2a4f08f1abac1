package org.ibex.cli;

import org.ibex.analytics.FlowExports;
import org.ibex.analytics.FlowMonitoring;
import org.ibex.analytics.FlowQuestions;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

/** Border crossings as DTM flow-monitoring indicators, under disclosure control, in DTM's CSV layout. */
@Command(name = "flow-monitoring", mixinStandardHelpOptions = true,
        description = "DTM-style flow-monitoring indicators (whole months) under disclosure control, as CSV.")
final class StatsFlowMonitoringCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--from", description = "first day of the first month (default: eleven months back)")
    String from;

    @Option(names = "--to", description = "last day of the last month (default: the end of this month)")
    String to;

    @Option(names = "--admin0", description = "the state's p-code, e.g. UTO")
    String admin0;

    @Option(names = "--admin0-name", description = "the state's name, e.g. Utopia")
    String admin0Name;

    @Option(names = "--threshold", description = "smallest count published (default " + FlowExports.DEFAULT_THRESHOLD
            + ", at least " + FlowExports.MIN_THRESHOLD + ")")
    int threshold = FlowExports.DEFAULT_THRESHOLD;

    @Override
    public Integer call() {
        try (Node node = data.open()) {
            Map<String, String> given = new java.util.HashMap<>();
            given.put("from", from);
            given.put("to", to);
            LocalDate[] range = FlowQuestions.range(given::get, node.services.stays().today());
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.print(FlowMonitoring.csv(new FlowMonitoring(node.services.flows(), node.database,
                    node.services.accessLog()).indicators(range[0], range[1], admin0, admin0Name, threshold,
                    Operator.actor("flow monitoring export at shell"))));
            return 0;
        }
    }
}
