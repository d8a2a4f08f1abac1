package org.ibex.cli;

import org.ibex.analytics.FlowDimension;
import org.ibex.analytics.FlowExports;
import org.ibex.analytics.FlowQuery;
import org.ibex.analytics.FlowQuestions;
import org.ibex.analytics.FlowTable;
import org.ibex.disclosure.ProtectedTable;
import org.ibex.disclosure.TwoWayCsv;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.store.CsvWriter;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Crossings counted by dimensions from the roll-ups; with disclosure control, a two-way table safe to publish. */
@Command(name = "crossings", mixinStandardHelpOptions = true, description = "Crossings counted by dimensions.")
final class StatsCrossingsCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--by", description = "comma-separated: day, week, month, post, direction, nationality, sex,"
            + " age-band, purpose (default month)")
    String by;

    @Option(names = "--from", description = "first day counted, yyyy-MM-dd (default: twelve months back)")
    String from;

    @Option(names = "--to", description = "last day counted, yyyy-MM-dd (default: the end of this month)")
    String to;

    @Option(names = "--post", description = "only this post")
    String post;

    @Option(names = "--direction", description = "ENTRY or EXIT")
    String direction;

    @Option(names = "--nationality", description = "three-letter ICAO code")
    String nationality;

    @Option(names = "--sex", description = "M, F or X")
    String sex;

    @Option(names = "--age-band", description = "0-4, 5-17, 18-59, 60+ or unknown")
    String ageBand;

    @Option(names = "--purpose", description = "permit type, or none")
    String purpose;

    @Option(names = "--disclosure-control", description = "a two-way table (two --by dimensions) with small cells"
            + " and their complements suppressed, safe to leave the node")
    boolean disclosureControl;

    @Option(names = "--threshold", description = "with --disclosure-control: smallest count published (default "
            + FlowExports.DEFAULT_THRESHOLD + ", at least " + FlowExports.MIN_THRESHOLD + ")")
    Integer threshold;

    @Option(names = "--rounding", description = "with --disclosure-control: round published figures to this base")
    Integer rounding;

    @Option(names = "--format", description = "csv (default) or json")
    String format = "csv";

    @Override
    public Integer call() {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be csv or json (got '" + format + "')");
        }
        if (!disclosureControl && (threshold != null || rounding != null)) {
            throw new IllegalArgumentException("--threshold and --rounding need --disclosure-control");
        }
        Map<String, String> given = new HashMap<>();
        given.put("by", by);
        given.put("from", from);
        given.put("to", to);
        given.put("post", post);
        given.put("direction", direction);
        given.put("nationality", nationality);
        given.put("sex", sex);
        given.put("age-band", ageBand);
        given.put("purpose", purpose);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Node node = data.open()) {
            FlowQuery query = FlowQuestions.read(given::get, node.services.stays().today());
            if (disclosureControl) {
                ProtectedTable table = new FlowExports(node.services.flows(), node.services.accessLog()).crossings(
                        query, threshold == null ? FlowExports.DEFAULT_THRESHOLD : threshold,
                        rounding == null ? 0 : rounding, Operator.actor("statistics export at shell"));
                out.print(format.equals("csv") ? TwoWayCsv.write(table) : Json.write(Json.mapper(), table) + "\n");
                return 0;
            }
            FlowTable table = node.services.flows().crossings(query, Operator.actor("statistics at shell"));
            out.print(format.equals("csv") ? csv(table) : json(query, table));
            return 0;
        }
    }

    private static String csv(FlowTable table) {
        CsvWriter csv = new CsvWriter().row(table.header());
        for (Map<String, Object> row : table.namedRows()) {
            csv.row(new ArrayList<>(row.values()));
        }
        return csv.toString();
    }

    private static String json(FlowQuery query, FlowTable table) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("by", query.by().stream().map(FlowDimension::wireName).toList());
        body.put("from", query.from().toString());
        body.put("to", query.to().toString());
        body.put("rows", table.namedRows());
        body.put("total", table.total());
        return Json.write(Json.mapper(), body) + "\n";
    }
}
