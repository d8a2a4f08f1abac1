package org.ibex.cli;

import org.ibex.analytics.FlowQuestions;
import org.ibex.analytics.StayTable;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.store.CsvWriter;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Stay durations from the roll-up: stays counted by length band, nationality, purpose, month or exit post. */
@Command(name = "stays", mixinStandardHelpOptions = true, description = "Stays counted by length and other dimensions.")
final class StatsStaysCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--by", description = "comma-separated: length, nationality, purpose, month, post (default length)")
    String by;

    @Option(names = "--from", description = "first day of the first month of exits, yyyy-MM-01 (default: twelve months back)")
    String from;

    @Option(names = "--to", description = "last day of the last month of exits, yyyy-MM-dd (default: the end of this month)")
    String to;

    @Option(names = "--format", description = "csv (default) or json")
    String format = "csv";

    @Override
    public Integer call() {
        boolean csv = StatsFormat.csv(format);
        Map<String, String> given = Map.of("from", from == null ? "" : from, "to", to == null ? "" : to);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Node node = data.open()) {
            LocalDate[] range = FlowQuestions.range(given::get, node.services.stays().today());
            StayTable table = node.services.flows().stays(range[0], range[1], FlowQuestions.stayBy(by),
                    Operator.actor("statistics at shell"));
            if (csv) {
                CsvWriter writer = new CsvWriter().row(table.header());
                for (Map<String, Object> row : table.namedRows()) {
                    writer.row(new ArrayList<>(row.values()));
                }
                out.print(writer);
            } else {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("by", table.by());
                body.put("from", range[0].toString());
                body.put("to", range[1].toString());
                body.put("rows", table.namedRows());
                body.put("total", table.total());
                out.print(Json.write(Json.mapper(), body) + "\n");
            }
            return 0;
        }
    }
}
