package org.ibex.names;

import java.util.Arrays;

/**
 * A name prepared for fast comparison by {@link NameMatcher#key(String)}; opaque to callers.
 * Each token keeps its display form and its packed ASCII romanisation variants, nothing else,
 * so a million list entries fit in a few hundred megabytes.
 */
public record NameKey(String name, TokenKey[] tokens) {
    @Override
    public boolean equals(Object o) {
        return o instanceof NameKey k && name.equals(k.name) && Arrays.equals(tokens, k.tokens);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "NameKey[" + name + ", " + tokens.length + " tokens]";
    }
}
