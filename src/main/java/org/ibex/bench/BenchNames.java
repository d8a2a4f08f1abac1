package org.ibex.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The shared Wikidata name pairs, per script, as benchmarks need them: Latin and joined original. */
public final class BenchNames {
    /** One pair: a Latin name and the same name in its original script. */
    public record Pair(String latin, String original) {
    }

    public static final Map<String, String> NATIONALITY = Map.of("arabic", "EGY", "chinese", "CHN", "hebrew", "ISR",
            "japanese", "JPN", "russian", "RUS");

    private BenchNames() {
    }

    public static Map<String, List<Pair>> load(Path folder) throws IOException {
        Map<String, List<Pair>> pairs = new java.util.TreeMap<>();
        for (String script : NATIONALITY.keySet()) {
            Path file = folder.resolve("wd_" + script + "_80.tsv");
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("missing " + file + ": give --names DIR with the wd_<script>_80.tsv files");
            }
            List<Pair> list = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] parts = line.split("\t");
                    if (parts.length >= 2 && !parts[0].isBlank()) {
                        list.add(new Pair(parts[0], parts[1].replace(" ", "")));
                    }
                }
            }
            pairs.put(script, list);
        }
        return pairs;
    }

    public static Path sharedFolder() {
        String env = System.getenv("IBEX_SHARED");
        return (env != null ? Path.of(env) : Path.of("..", "shared")).resolve("data").resolve("names");
    }
}
