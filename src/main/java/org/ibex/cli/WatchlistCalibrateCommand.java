package org.ibex.cli;

import org.ibex.bench.BenchLists;
import org.ibex.bench.ListCalibrator;
import org.ibex.names.NameMatcher;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.access.Actor;
import org.ibex.watchlist.ListRecord;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.ThresholdCalibration;
import org.ibex.watchlist.UnknownListException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Sets a list's threshold from a target alert rate: screens a population of ordinary travellers (the batch CSV,
 * e.g. from {@code ibex bench population}) against the list, picks the lowest threshold at which at most that share
 * alert, prints it with the rate reached and the recall on the list's own variations, and stores it (audited).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Set a list's threshold so that at most a given share of ordinary travellers alert.")
final class WatchlistCalibrateCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Option(names = "--list", required = true, paramLabel = "ID", description = "the list to calibrate")
    String list;
    @Option(names = "--population", required = true, paramLabel = "FILE",
            description = "ordinary travellers, CSV id,name,dateOfBirth,nationality,sex,documentNumber")
    Path population;
    @Option(names = "--alert-rate", required = true, paramLabel = "RATE", description = "0.5%% or 0.005")
    String alertRate;
    @Option(names = "--dry-run", description = "print the threshold without storing it")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        double rate = rate(alertRate);
        List<ScreeningQuery> travellers = BenchLists.population(population);
        Actor actor = Operator.listManager("watchlist calibration");
        try (Node node = data.open()) {
            ListRecord record = node.services.watchlists().records().stream().filter(r -> r.info().id().equals(list))
                    .findFirst().orElseThrow(() -> new UnknownListException(list));
            List<PersonEntry> persons = node.services.watchlists().settings().persons(list, actor);
            ThresholdCalibration c = new ListCalibrator(new NameMatcher(), Clock.systemUTC())
                    .calibrate(persons, record.info().namesakes(), travellers, rate);
            System.out.printf(Locale.ROOT, "list %s: %d persons, %d travellers, %d variations%n", list, persons.size(),
                    c.travellers(), c.variations());
            System.out.printf(Locale.ROOT, "threshold %d%% (was %d%%): %.2f%% of travellers alert (target %.2f%%%s),"
                            + " recall on the list's variations %.2f%%%n", c.thresholdPercent(),
                    record.info().matchThresholdPercent(), 100 * c.alertRate(), 100 * rate,
                    c.reached() ? "" : ", NOT reached even at 100%", 100 * c.recall());
            if (!dryRun) {
                node.services.watchlists().settings().calibrate(list, c.thresholdPercent(), rate, actor);
                System.out.println("stored");
            }
            return c.reached() ? 0 : 1;
        }
    }

    /** "0.5%" or "0.005": a share above 0 and below 1. */
    static double rate(String text) {
        String t = text.strip();
        try {
            double value = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100
                    : Double.parseDouble(t);
            if (value > 0 && value < 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--alert-rate '" + text + "' must be a share above 0 and below 1, as"
                + " 0.5% or 0.005");
    }
}
