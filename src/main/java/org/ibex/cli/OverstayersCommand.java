package org.ibex.cli;

import org.ibex.border.Overstayer;
import org.ibex.border.OverstayerCsv;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** Lists the persons present beyond their authorised stay on a date, as text, JSON lines or CSV. */
@Command(name = "overstayers", mixinStandardHelpOptions = true, description = "List overstayers as of a date.")
final class OverstayersCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--as-of", description = "date yyyy-MM-dd (default today, UTC)")
    LocalDate asOf;

    @Option(names = "--json", description = "one JSON object per overstayer")
    boolean json;

    @Option(names = "--csv", description = "CSV with a header line (UTF-8, RFC 4180, safe to open in a spreadsheet)")
    boolean csv;

    @Override
    public Integer call() {
        if (json && csv) {
            throw new IllegalArgumentException("--json and --csv exclude each other: choose one");
        }
        LocalDate date = asOf == null ? LocalDate.now(java.time.ZoneOffset.UTC) : asOf;
        try (Node node = data.open()) {
            List<Overstayer> found = node.services.stays().overstayers(date, Operator.actor("overstayers listed at shell"),
                    0, Integer.MAX_VALUE - 1).items();
            if (csv) {
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                out.print(OverstayerCsv.write(found));
                out.flush();
                return 0;
            }
            var mapper = Json.mapper();
            for (Overstayer o : found) {
                if (json) {
                    System.out.println(Json.write(mapper, o));
                } else {
                    System.out.printf("%8d  %-30s %-3s  born %s  %s %s  entered %s at %s  allowed until %s"
                                    + "  over by %d days  (%s)%n",
                            o.person().id(), o.person().surname() + ", " + o.person().givenNames(),
                            o.person().nationality(), o.person().dateOfBirth(),
                            o.document() == null ? "-" : o.document().issuingState(),
                            o.document() == null ? "-" : o.document().number(), o.status().currentEntry(),
                            o.entryPost(), o.status().stayEndsOn(), o.status().overstayDays(), o.rule());
                }
            }
            if (!json) {
                System.out.println(found.size() + " overstayers as of " + date);
            }
            return 0;
        }
    }
}
