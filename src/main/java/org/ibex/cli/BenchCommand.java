package org.ibex.cli;

import org.ibex.bench.AnalyticsBench;
import org.ibex.bench.EvidenceBench;
import org.ibex.bench.ExchangeBench;
import org.ibex.bench.FingerprintBench;
import org.ibex.bench.GateBench;
import org.ibex.bench.HitNoHitBench;
import org.ibex.bench.IdentifyBench;
import org.ibex.bench.InspectionBench;
import org.ibex.bench.NamesBench;
import org.ibex.bench.RestartBench;
import org.ibex.bench.PopulationBench;
import org.ibex.bench.ScreeningBench;
import org.ibex.bench.ScreenInspectionBench;
import org.ibex.bench.SyncBench;
import org.ibex.bench.WatchlistBench;

import picocli.CommandLine.Command;

/** Benchmarks, run outside the test suite; every figure beside a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {InspectionBench.class, WatchlistBench.class, NamesBench.class, FingerprintBench.class, GateBench.class, IdentifyBench.class,
                ExchangeBench.class, ScreenInspectionBench.class, RestartBench.class, PopulationBench.class,
                EvidenceBench.class, ScreeningBench.class, SyncBench.class, HitNoHitBench.class, AnalyticsBench.class})
final class BenchCommand {
}
