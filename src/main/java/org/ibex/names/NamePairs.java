package org.ibex.names;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code wd_<script>_80.tsv} pair files and splits them into train and evaluation halves. */
public final class NamePairs {
    public static final List<String> SCRIPTS = List.of("arabic", "chinese", "hebrew", "japanese", "russian");

    public record Pair(String latin, String original) {
    }

    private NamePairs() {
    }

    public static Path file(Path dir, String script) {
        return dir.resolve("wd_" + script + "_80.tsv");
    }

    /** Lines {@code latin<TAB>o r i g<TAB>count}; the original's letters are space-separated and joined here. */
    public static List<Pair> read(Path file) {
        List<Pair> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length < 2 || f[0].isBlank() || f[1].isBlank()) continue;
                out.add(new Pair(f[0].strip(), f[1].replace(" ", "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name pairs from " + file, e);
        }
        return out;
    }

    /**
     * Deterministic split by an FNV-1a hash of the Latin string, so that every spelling of one
     * Latin name lands on the same side and the trainer never sees an evaluation name.
     */
    public static boolean isTrain(String latin) {
        int h = 0x811c9dc5;
        for (byte b : latin.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return (h & 1) == 0;
    }

    public static List<Pair> half(List<Pair> all, boolean train) {
        List<Pair> out = new ArrayList<>();
        for (Pair p : all) if (isTrain(p.latin()) == train) out.add(p);
        return out;
    }
}
