package org.ibex.names;

import java.util.Set;

/**
 * Blocking keys of one token: from the phonetic key of each romanisation variant, every
 * 3-class subsequence of its first four sound classes (a deletion neighbourhood), so that one
 * extra or missing consonant, common across scripts, still leaves a shared key.
 */
final class BlockingKeys {
    static final int PREFIX = 4;

    private BlockingKeys() {
    }

    static void add(TokenKey t, Set<String> out) {
        for (int i = 0; i < t.variantCount(); i++) {
            String k = PhoneticKey.of(t.variant(i));
            if (k.length() > PREFIX) k = k.substring(0, PREFIX);
            if (k.length() < PREFIX) {
                out.add(k);
                if (k.length() == 3) {
                    for (int d = 0; d < 3; d++) out.add(k.substring(0, d) + k.substring(d + 1));
                }
                continue;
            }
            for (int d = 0; d < PREFIX; d++) out.add(k.substring(0, d) + k.substring(d + 1));
        }
    }
}
