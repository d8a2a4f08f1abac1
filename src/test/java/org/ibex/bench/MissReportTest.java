package org.ibex.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ibex.names.NameMatcher;
import org.ibex.names.NamePairs;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MissReportTest {
    @Test
    void missesAreThePairsBelowTheThresholdNearestFirst() {
        List<NamePairs.Pair> pairs = List.of(new NamePairs.Pair("fossett", "福塞特"), new NamePairs.Pair("prin", "馬克"),
                new NamePairs.Pair("thorp", "索普"), new NamePairs.Pair("smith", "史密斯"));
        List<MissReport.Miss> misses = MissReport.misses(pairs, new NameMatcher());
        assertThat(misses).extracting(MissReport.Miss::latin).containsExactly("thorp", "prin");
        assertThat(misses.get(0).score()).isGreaterThan(misses.get(1).score());
        assertThat(misses.get(1).explanation()).startsWith("No match");
    }

    @Test
    void aNegativeCountIsRefusedWithTheOptionNamed() {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new NamesBench()).execute("--misses", "-1");
            assertThat(code).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        assertThat(buf.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("--misses").contains("0 or more");
    }
}
