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

    @Override
    public Integer call() throws Exception {
        NameBenchmark.run(names == null ? BenchNames.sharedFolder() : names, seed, System.out);
        return 0;
    }
}
