package org.ibex.biometrics;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Whose prints these are, for a question another agency or state asked under an agreement: the one subject the
 * gallery holds above the threshold at {@link BiometricService#DEFAULT_FPIR}, as its person. Nothing is recorded but
 * the access: the asker's prints are not this node's to keep, and a search for someone else enrols nobody.
 */
public final class PrintLookup {
    private final FingerGallery gallery;
    private final PendingSubjects pending;
    private final ScoreThresholds thresholds;
    private final AccessLog accessLog;

    PrintLookup(FingerGallery gallery, PendingSubjects pending, ScoreThresholds thresholds, AccessLog accessLog) {
        this.gallery = gallery;
        this.pending = pending;
        this.thresholds = thresholds;
        this.accessLog = accessLog;
    }

    /** The person whose enrolled prints alone stand above the threshold; empty when none or several do. */
    public Optional<Long> personOf(Connection connection, FingerSet probe, Actor actor) throws SQLException {
        List<IdentificationCandidate> candidates = candidates(connection, probe, actor, 2);
        return Identification.outcomeOf(candidates) == Identification.Outcome.IDENTIFIED
                ? Optional.ofNullable(candidates.get(0).personId()) : Optional.empty();
    }

    /**
     * The gallery's subjects above the threshold at {@link BiometricService#DEFAULT_FPIR}, best first, at most
     * {@code limit}: the same search and threshold as a national identification, so that an answer to a partner
     * never differs from what this node's own officers would see.
     */
    public List<IdentificationCandidate> candidates(Connection connection, FingerSet probe, Actor actor, int limit)
            throws SQLException {
        pending.settle();
        int gallerySize = Math.max(1, gallery.size());
        List<IdentificationCandidate> candidates = gallery.search(probe, thresholds,
                BiometricService.DEFAULT_FPIR / gallerySize, -1, limit);
        accessLog.record(connection, AccessLog.Access.by(actor, "identify fingerprints for another agency",
                "candidates " + candidates.size()));
        return candidates;
    }
}
