package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's table of evidence weights is the code's, row for row. */
class ReadmeEvidenceWeightsTest {

    @Test
    void theReadmeShowsExactlyTheWeightsTheScoreUses() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int at = 0;
        while (!lines.get(at).startsWith("<!-- evidence-weights")) {
            at++;
        }
        Map<String, Double> readme = new LinkedHashMap<>();
        for (int i = at + 3; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            readme.put(cells[1].strip(), Double.parseDouble(cells[2].strip()));
        }
        assertThat(readme).containsExactlyEntriesOf(EvidenceModel.table());
        assertThat(String.join("\n", lines)).as("the scale's anchor as the README states it")
                .contains("score = 0.80 + (total − " + EvidenceModel.nameLlr(0.80) + ") / 100");
    }
}
