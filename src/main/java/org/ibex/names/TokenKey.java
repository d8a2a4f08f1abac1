package org.ibex.names;

import java.util.Arrays;

/**
 * One token of a {@link NameKey}: its display form, its script, flags and its ASCII romanisation
 * variants packed into one byte array separated by {@code '|'} (one array instead of many strings
 * keeps a key near 200 bytes). A Han token also carries its {@link ReadingLattice}, every spelling
 * of every character, which a Latin token is aligned against beside the whole-name variants.
 */
public record TokenKey(String text, Script script, int flags, byte[] packed, ReadingLattice lattice) {
    public static final int PARTICLE = 1;
    public static final int INITIAL = 2;

    /** A token whose lattice, if its script has one, is read from its text. */
    public TokenKey(String text, Script script, int flags, byte[] packed) {
        this(text, script, flags, packed, ReadingLattice.of(text, script));
    }

    public boolean isParticle() {
        return (flags & PARTICLE) != 0;
    }

    public boolean isInitial() {
        return (flags & INITIAL) != 0;
    }

    /** Start offsets of each variant in {@link #packed}, plus one past the end. */
    public int[] offsets() {
        int n = 1;
        for (byte b : packed) {
            if (b == '|') n++;
        }
        int[] off = new int[n + 1];
        int k = 1;
        for (int i = 0; i < packed.length; i++) {
            if (packed[i] == '|') off[k++] = i + 1;
        }
        off[n] = packed.length + 1;
        return off;
    }

    public String variant(int i) {
        int[] off = offsets();
        return new String(packed, off[i], off[i + 1] - off[i] - 1, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Whether both first variants are the same, compared in place. */
    public boolean sameFirstVariant(TokenKey other) {
        byte[] b = other.packed;
        int i = 0;
        for (; i < packed.length && packed[i] != '|'; i++) {
            if (i >= b.length || b[i] != packed[i]) return false;
        }
        return i == b.length || b[i] == '|';
    }

    public int variantCount() {
        return offsets().length - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenKey t && text.equals(t.text) && flags == t.flags && Arrays.equals(packed, t.packed);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text + "{" + new String(packed, java.nio.charset.StandardCharsets.US_ASCII) + "}";
    }
}
