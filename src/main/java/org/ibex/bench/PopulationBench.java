package org.ibex.bench;

import org.ibex.store.CsvWriter;
import org.ibex.watchlist.BatchQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code ibex bench population}: writes ordinary travellers (see {@link TravellerPopulation}) as a batch CSV. */
@Command(name = "population", mixinStandardHelpOptions = true,
        description = "Write a population of ordinary travellers in the batch-screening CSV format to standard output.")
public final class PopulationBench implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "10000")
    public int size;
    @Option(names = "--seed", defaultValue = "1")
    public long seed;
    @Option(names = "--reference-date", defaultValue = "2026-01-01", description = "ages 0 to 90 on this date")
    public LocalDate reference;
    @Option(names = "--names", paramLabel = "DIR", description = "folder of wd_<script>_80.tsv (default ../shared/data/names)")
    public Path names;

    @Override
    public Integer call() throws Exception {
        if (size < 1 || size > 10_000_000) {
            throw new IllegalArgumentException("--size must be between 1 and 10000000; got " + size);
        }
        TravellerPopulation population = new TravellerPopulation(
                BenchNames.load(names == null ? BenchNames.sharedFolder() : names), reference);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        out.print(new CsvWriter().row(BatchQueries.COLUMNS));
        for (TravellerPopulation.Traveller t : population.generate(size, seed)) {
            out.print(new CsvWriter().row(t.columns()));
        }
        out.flush();
        return 0;
    }
}
