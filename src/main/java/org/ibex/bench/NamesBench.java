package org.ibex.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Name-matching quality per script on the shared Wikidata pairs, with the off-the-shelf baseline beside it. */
@Command(name = "names", mixinStandardHelpOptions = true, description = "Benchmark name matching per script.")
public final class NamesBench implements Callable<Integer> {
    @Option(names = "--names", paramLabel = "DIR", description = "folder of wd_<script>_80.tsv (default ../shared/data/names)")
    public Path names;
    @Option(names = "--seed", defaultValue = "7")
    public long seed;
    @Option(names = "--misses", paramLabel = "N", description = "instead of measuring, list the N nearest missed pairs per script "
            + "of the TRAINING half (never the evaluation half) and how all misses spread over score bands")
    public Integer misses;

    @Override
    public Integer call() throws Exception {
        Path dir = names == null ? BenchNames.sharedFolder() : names;
        if (misses != null) {
            if (misses < 0) {
                System.err.println("--misses: must be 0 or more, got " + misses);
                return 2;
            }
            MissReport.print(dir, new org.ibex.names.NameMatcher(), misses, System.out);
            return 0;
        }
        NameBenchmark.run(dir, seed, System.out);
        return 0;
    }
}
