package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.Operator;

import org.ibex.border.PersonStay;
import org.ibex.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** Lists the persons present beyond their authorised stay on a date. */
@Command(name = "overstayers", mixinStandardHelpOptions = true, description = "List overstayers as of a date.")
final class OverstayersCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--as-of", description = "date yyyy-MM-dd (default today, UTC)")
    LocalDate asOf;

    @Option(names = "--json", description = "one JSON object per overstayer")
    boolean json;

    @Override
    public Integer call() {
        LocalDate date = asOf == null ? LocalDate.now(java.time.ZoneOffset.UTC) : asOf;
        try (Node node = data.open()) {
            List<PersonStay> found = node.services.stays().overstayers(date, Operator.actor("overstayers listed at shell"));
            var mapper = Json.mapper();
            for (PersonStay stay : found) {
                if (json) {
                    System.out.println(Json.write(mapper, stay));
                } else {
                    System.out.printf("%8d  %-30s %-3s  born %s  entered %s  allowed until %s  over by %d days  (%s)%n",
                            stay.person().id(), stay.person().surname() + ", " + stay.person().givenNames(),
                            stay.person().nationality(), stay.person().dateOfBirth(), stay.status().currentEntry(),
                            stay.status().stayEndsOn(), stay.status().overstayDays(), stay.rule());
                }
            }
            if (!json) {
                System.out.println(found.size() + " overstayers as of " + date);
            }
            return 0;
        }
    }
}
