package org.ibex.border;

import java.time.LocalDate;
import org.ibex.biometrics.Verification;
import org.ibex.biometrics.WantedMatch;
import org.ibex.watchlist.WatchlistHit;

import java.util.List;

/**
 * Everything an inspection decides on, gathered before any rule runs: the document as read, its MRZ
 * errors, the permit, the stay rule that applies, the traveller's standing crossings, the watchlist hits that
 * stand, those a clearance of this person suppresses, and the fingerprint verification if prints were given.
 */
public record InspectionFacts(Direction direction, LocalDate date, TravelDocument document, List<String> mrzErrors,
                              boolean mrzPresent, Permit permit, StayRule stayRule, String stayRuleProblem,
                              List<Movement> history, List<WatchlistHit> hits, Fingerprints fingerprints,
                              List<SuppressedHit> suppressed) {
    /** Facts without suppressed hits. */
    public InspectionFacts(Direction direction, LocalDate date, TravelDocument document, List<String> mrzErrors,
                           boolean mrzPresent, Permit permit, StayRule stayRule, String stayRuleProblem,
                           List<Movement> history, List<WatchlistHit> hits, Fingerprints fingerprints) {
        this(direction, date, document, mrzErrors, mrzPresent, permit, stayRule, stayRuleProblem, history, hits,
                fingerprints, List.of());
    }

    /**
     * What the prints given at the gate found: nothing captured, no prints enrolled, or the 1:1 verification; and the
     * wanted persons whose prints they match.
     */
    public record Fingerprints(boolean captured, Verification verification, List<WantedMatch> wanted) {
        public static final Fingerprints NOT_CAPTURED = new Fingerprints(false, null);

        public Fingerprints {
            wanted = wanted == null ? List.of() : List.copyOf(wanted);
        }

        /** Prints that match no wanted person. */
        public Fingerprints(boolean captured, Verification verification) {
            this(captured, verification, List.of());
        }
    }
}
