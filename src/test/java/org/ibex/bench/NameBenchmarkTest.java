package org.ibex.bench;

import org.ibex.names.NamePairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NameBenchmarkTest {
    @Test
    void benchmarkBeatsTheBaselineOnEveryScriptAtNoMoreFalseAlerts() {
        Path dir = Path.of(System.getProperty("ibex.shared", "/work/shared"), "data", "names");
        org.assertj.core.api.Assertions.assertThat(dir).as("the shared name pairs").isDirectory();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        BenchmarkReport r = NameBenchmark.run(dir, 42L, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(r.scripts()).hasSize(5);
        for (BenchmarkReport.ScriptFigures f : r.scripts()) {
            assertThat(f.recall()).as(f.script() + " recall above baseline").isGreaterThan(f.baselineRecall());
            assertThat(f.farRandom()).as(f.script() + " random false-alert rate").isLessThanOrEqualTo(0.01);
        }
        assertThat(r.untrainedScripts()).extracting(BenchmarkReport.ScriptFigures::script).contains("thai", "greek");
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("arabic").contains("blocking keys");
    }

    @Test
    void trainAndEvaluationHalvesNeverShareALatinName() {
        assertThat(NamePairs.isTrain("waisbren")).isEqualTo(NamePairs.isTrain("waisbren"));
        long train = java.util.stream.IntStream.range(0, 1000).filter(i -> NamePairs.isTrain("name" + i)).count();
        assertThat(train).as("roughly half go to training").isBetween(400L, 600L);
    }
}
