package org.ibex.cli;

import picocli.CommandLine.Command;

/** Benchmarks, run outside the test suite; every figure beside a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {InspectionBench.class, WatchlistBench.class, NamesBench.class, FingerprintBench.class, GateBench.class, IdentifyBench.class,
                ExchangeBench.class})
final class BenchCommand {
}
