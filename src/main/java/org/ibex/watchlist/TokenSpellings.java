package org.ibex.watchlist;

import org.ibex.names.PhoneticKey;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The romanised spellings of listed name tokens, each with the names that carry it, reachable from any spelling
 * one typing error away. SymSpell style: a spelling is filed under its one-letter deletions, and a query looks
 * up itself and its own deletions, which meets every spelling one substitution, insertion, deletion or swap of
 * neighbours away. The matcher's sound keys forgive what transcription changes; this forgives the typo that moves
 * a consonant to another sound class (BAMNANG for BAMBANG), which sound keys cannot.
 */
final class TokenSpellings {
    /** Sound keys are compared on this many classes, as the matcher's blocking keys are. */
    private static final int SOUND_PREFIX = 4;
    private final Map<String, Integer> ids = new HashMap<>();
    private final DeletionTable byDeletion = new DeletionTable();
    private Posting[] postings = new Posting[1024];
    private String[] spellings = new String[1024];
    /** Spellings of a name without sound keys (particles and initials alone): no sound key reaches them. */
    private boolean[] unkeyed = new boolean[1024];
    private int count;

    /**
     * The names spelled {@code spelling}, created (and its deletions filed) on first use; {@code unkeyedName} when
     * the name it is filed for has no sound keys.
     */
    Posting posting(String spelling, boolean unkeyedName) {
        Integer id = ids.get(spelling);
        if (id != null) {
            unkeyed[id] |= unkeyedName;
            return postings[id];
        }
        int index = count++;
        if (index == postings.length) {
            postings = Arrays.copyOf(postings, index * 2);
            spellings = Arrays.copyOf(spellings, index * 2);
            unkeyed = Arrays.copyOf(unkeyed, index * 2);
        }
        unkeyed[index] = unkeyedName;
        postings[index] = new Posting();
        spellings[index] = spelling;
        ids.put(spelling, index);
        for (int i = 0; i < spelling.length() && spelling.length() > 1; i++) {
            // Deleting either letter of a double gives the same string: file it once.
            if (i == 0 || spelling.charAt(i) != spelling.charAt(i - 1)) {
                byDeletion.add(DeletionTable.hash(spelling, i), index);
            }
        }
        return postings[index];
    }

    void compact() {
        for (int i = 0; i < count; i++) {
            postings[i].compact();
        }
    }

    Posting postingOf(int id) {
        return postings[id];
    }

    /**
     * Listed spellings within one typing error of {@code spelling} (and a few two: a letter deleted on each side),
     * leaving out those whose first sound classes are among {@code sounds}: the sound keys reach those already.
     */
    void near(String spelling, String[] sounds, IntList out) {
        int start = 0;
        Integer same = ids.get(spelling);
        if (same != null) {
            add(same, sounds, out, start);
        }
        IntList filed = new IntList();
        byDeletion.get(DeletionTable.hash(spelling, -1), filed);
        for (int i = 0; i < spelling.length() && spelling.length() > 1; i++) {
            if (i > 0 && spelling.charAt(i) == spelling.charAt(i - 1)) {
                continue;
            }
            Integer shorter = ids.get(spelling.substring(0, i) + spelling.substring(i + 1));
            if (shorter != null) {
                add(shorter, sounds, out, start);
            }
            byDeletion.get(DeletionTable.hash(spelling, i), filed);
        }
        for (int i = 0; i < filed.size(); i++) {
            add(filed.get(i), sounds, out, start);
        }
    }

    private void add(int id, String[] sounds, IntList out, int start) {
        for (int i = start; i < out.size(); i++) {
            if (out.get(i) == id) {
                return;
            }
        }
        if (!unkeyed[id]) {
            String sound = sound(spellings[id]);
            for (String s : sounds) {
                if (s.equals(sound)) {
                    return;
                }
            }
        }
        out.add(id);
    }

    /** The first sound classes of a spelling: spellings alike in these share the matcher's blocking keys. */
    static String sound(String spelling) {
        String key = PhoneticKey.of(spelling);
        return key.length() > SOUND_PREFIX ? key.substring(0, SOUND_PREFIX) : key;
    }
}
