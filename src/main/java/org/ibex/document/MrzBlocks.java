package org.ibex.document;

import java.util.ArrayList;
import java.util.List;

/** Splits text holding several MRZs into one block per document: blank lines separate, '#' lines are comments. */
public final class MrzBlocks {
    private MrzBlocks() {
    }

    /** The blocks in order, each its lines joined by '\n'; comment lines are dropped and never end a block. */
    public static List<String> split(String text) {
        List<String> blocks = new ArrayList<>();
        if (text == null) {
            return blocks;
        }
        List<String> current = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.isEmpty()) {
                flush(current, blocks);
            } else {
                current.add(trimmed);
            }
        }
        flush(current, blocks);
        return List.copyOf(blocks);
    }

    private static void flush(List<String> current, List<String> blocks) {
        if (!current.isEmpty()) {
            blocks.add(String.join("\n", current));
            current.clear();
        }
    }
}
