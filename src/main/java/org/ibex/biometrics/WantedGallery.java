package org.ibex.biometrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wanted prints a node screens every probe against, in memory: its own flags (their templates are its gallery's)
 * and the copy from headquarters, indexed apart from the gallery so a wanted person is found whatever the gallery
 * holds. Immutable: a change builds a new one, swapped in whole, so a search never sees half a change.
 */
final class WantedGallery {
    static final WantedGallery EMPTY = new WantedGallery(List.of(), List.of());
    private final FingerGallery index = new FingerGallery(IndexParameters.defaults());
    private final Map<Long, Entry> entries = new HashMap<>();
    private final List<WantedCopy> copies;

    /** One flag with its fingers; the key is the subject's id for this node's flags, a negative number for a copy. */
    record Entry(long key, WantedPrint print, FingerSet fingers) {
    }

    /** This node's flags in force as entries, and headquarters' copy, which joins them keyed -1, -2 and so on. */
    WantedGallery(List<Entry> flagged, List<WantedCopy> copies) {
        this.copies = List.copyOf(copies);
        List<Entry> all = new ArrayList<>(flagged);
        long key = 0;
        for (WantedCopy copy : copies) {
            all.add(new Entry(--key, WantedPrints.print(copy), copy.fingers()));
        }
        for (Entry entry : all) {
            index.put(new GallerySubject(entry.key(), null, entry.print().reference(), entry.fingers()));
            entries.put(entry.key(), entry);
        }
    }

    /** Headquarters' copy as it was swapped in: a change of this node's flags keeps it without reading it again. */
    List<WantedCopy> copies() {
        return copies;
    }

    int size() {
        return entries.size();
    }

    /**
     * Every wanted person whose prints the probe matches, best first: held to the threshold that keeps the chance of
     * any false match over the whole wanted list at {@code fpir}, as a 1:N search is. {@code inForce} tells whether a
     * subject of this node's own gallery still stands (a withdrawn subject's flag no longer matches).
     */
    List<WantedMatch> matches(FingerSet probe, ScoreThresholds thresholds, double fpir,
                              java.util.function.LongPredicate inForce) {
        if (entries.isEmpty() || probe.capturedPositions().isEmpty()) {
            return List.of();
        }
        double comparisonFmr = fpir / entries.size();
        List<WantedMatch> matches = new ArrayList<>();
        for (IdentificationCandidate candidate : index.search(probe, thresholds, comparisonFmr, Long.MIN_VALUE,
                entries.size())) {
            Entry entry = entries.get(candidate.subjectId());
            if (entry.key() > 0 && !inForce.test(entry.key())) {
                continue;
            }
            WantedPrint print = entry.print();
            matches.add(new WantedMatch(print.reference(), print.name(), print.reason(), print.source(),
                    candidate.fingers().size(), candidate.fusedScore(), candidate.threshold()));
        }
        return matches;
    }
}
