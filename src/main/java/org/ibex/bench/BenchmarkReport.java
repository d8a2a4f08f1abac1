package org.ibex.bench;

import java.util.List;

/** Figures from one {@link NameBenchmark} run: one row per script, each with the baseline beside it. */
public record BenchmarkReport(List<ScriptFigures> scripts, List<ScriptFigures> untrainedScripts,
                              double keysPerName, double namesPerKey, double candidatesPerQuery) {

    /**
     * One script's figures on its evaluation half: recall and false-alert rates at the matcher's
     * default threshold, the baseline's at its own threshold chosen for at most 1% random FAR,
     * blocking recall (all true pairs / true pairs that score as matches) and scoring speed.
     */
    public record ScriptFigures(String script, int pairs, double recall, double farRandom, double farHard,
                                double baselineRecall, double baselineFarRandom, double baselineFarHard,
                                double baselineThreshold, double recallAtOnePercentFar,
                                double blockingRecall, double blockingRecallOfMatches, double pairsPerSecond) {
    }
}
