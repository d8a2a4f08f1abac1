package org.ibex.biometrics;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.input.FieldRuleException;
import org.ibex.journal.RecordJournal;
import org.ibex.journal.RecordKinds;
import org.ibex.store.ConflictException;
import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 1:N searches and what may follow them. A search never enrols: its probe is kept with the identification, out of
 * the gallery, so asking twice with the same unknown finger answers the same. Enrolling the unknown person is an
 * explicit act of the post that searched, with a reason, as Eurodac keeps searches and enrolments apart.
 */
final class Identifications {
    private static final int MAX_CANDIDATES = 10;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_NOTE = 500;
    private final Database database;
    private final BiometricRepository subjects;
    private final IdentificationRepository identifications = new IdentificationRepository();
    private final FingerGallery gallery;
    private final WantedPrints wanted;
    private final ScoreThresholds thresholds;
    private final AccessLog accessLog;
    private final Clock clock;
    private final RecordJournal journal = new RecordJournal();

    Identifications(Database database, BiometricRepository subjects, FingerGallery gallery, WantedPrints wanted,
                    ScoreThresholds thresholds, AccessLog accessLog, Clock clock) {
        this.wanted = wanted;
        this.database = database;
        this.subjects = subjects;
        this.gallery = gallery;
        this.thresholds = thresholds;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Searches the gallery with templates already extracted; the outcome and the probe are recorded, nothing enrolled. */
    Identification identify(String label, FingerSet probe, double fpir, Actor actor) {
        int gallerySize = Math.max(1, gallery.size());
        double comparisonFmr = fpir / gallerySize;
        List<IdentificationCandidate> candidates = gallery.search(probe, thresholds, comparisonFmr, -1, MAX_CANDIDATES);
        Identification.Outcome outcome = Identification.outcomeOf(candidates);
        Identification draft = new Identification(0, label, outcome, candidates, fpir, gallerySize, comparisonFmr,
                thresholds.isExtrapolated(comparisonFmr), probe.capturedPositions(), actor.user().postId(),
                actor.username(), clock.instant(), null, List.of());
        double threshold = candidates.isEmpty() ? thresholds.thresholdAt(probe.capturedPositions().size(), comparisonFmr)
                : candidates.get(0).threshold();
        return database.inTransaction(connection -> {
            Identification searched = draft.withWanted(wanted.matches(connection, probe, actor));
            long id = identifications.insert(connection, searched,
                    outcome == Identification.Outcome.IDENTIFIED ? candidates.get(0).subjectId() : null, threshold, probe);
            accessLog.record(connection, AccessLog.Access.by(actor, "identify fingerprints", "identification " + id));
            Identification made = searched.withId(id);
            journal.append(connection, RecordKinds.IDENTIFICATION, made.postId(), made.requestedAt(),
                    IdentificationRecords.payload(made));
            return made;
        });
    }

    /** The identification as recorded; another post's reads as one never made. Every read is logged. */
    Identification read(long id, Actor actor) {
        return database.inTransaction(connection -> readLogged(connection, id, actor))
                .orElseThrow(() -> BiometricRefusal.unknownIdentification(id));
    }

    /** The post's own identification, empty for any other; the read, or its refusal, in the same transaction. */
    private Optional<Identification> readLogged(Connection connection, long id, Actor actor) throws SQLException {
        Optional<Identification> found = identifications.find(connection, id)
                .filter(i -> actor.user().mayActAtPost(i.postId()));
        accessLog.record(connection, AccessLog.Access.by(actor, found.isPresent() ? "read identification"
                : "read identification refused", "identification " + id));
        return found;
    }

    /**
     * Enrols the probe of an identification as an unknown subject, with the actor's reason: the post that searched
     * only, once. The subject, the note on the identification and the log entry commit together.
     */
    Identification enrol(long id, String reason, Actor actor) {
        BiometricService.checkReason(reason, "enrolling an unknown person is an act of its own; say why")
                .ifPresent(e -> {
                    throw e;
                });
        Instant now = clock.instant();
        record Enrolled(Identification identification, GallerySubject subject) {
        }
        Enrolled enrolled = database.inTransaction(connection -> {
            Optional<Identification> found = identifications.find(connection, id)
                    .filter(i -> actor.user().mayActAtPost(i.postId()));
            if (found.isEmpty()) {
                accessLog.record(connection, AccessLog.Access.by(actor, "enrol unknown subject refused",
                        "identification " + id + ": not made at the actor's post"));
                return Optional.<Enrolled>empty();
            }
            if (found.get().enrolledSubjectId() != null) {
                throw new BiometricRefusal(BiometricRefusal.Kind.ENROLMENT_EXISTS, null, "identification " + id
                        + " was enrolled already as subject " + found.get().enrolledSubjectId());
            }
            FingerSet probe = identifications.probe(connection, id);
            String label = found.get().label() == null ? "unknown subject" : found.get().label();
            BiometricRepository.Provenance provenance = new BiometricRepository.Provenance(actor.user().postId(),
                    actor.username(), now);
            long subjectId = subjects.enrol(connection, null, label, probe, provenance);
            try {
                identifications.noteEnrolment(connection, id, new IdentificationRepository.EnrolmentNote(subjectId,
                        actor.username(), now, reason.strip()));
            } catch (SQLException e) {
                // Two officers enrolling the same search at once: the key refuses the second, whose subject rolls back.
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new BiometricRefusal(BiometricRefusal.Kind.ENROLMENT_EXISTS, null, "identification " + id
                            + " was enrolled already");
                }
                throw e;
            }
            accessLog.record(connection, AccessLog.Access.by(actor, "enrol unknown subject",
                    "identification " + id + " -> subject " + subjectId));
            journal.append(connection, RecordKinds.ENROLMENT, provenance.postId(), now, EnrolmentRecords.enrolled(
                    connection, subjectId, null, null, label, probe, provenance, reason.strip()));
            Identification done = identifications.find(connection, id).orElseThrow();
            return Optional.of(new Enrolled(done, new GallerySubject(subjectId, null, label, probe)));
        }).orElseThrow(() -> BiometricRefusal.unknownIdentification(id));
        gallery.put(enrolled.subject());
        return enrolled.identification();
    }

    /** An identification with the officer's conclusion, if recorded; another post's reads as one never made. Logged. */
    ReviewedIdentification readReviewed(long id, Actor actor) {
        return database.inTransaction(connection -> {
            Optional<Identification> found = readLogged(connection, id, actor);
            if (found.isEmpty()) {
                return Optional.<ReviewedIdentification>empty();
            }
            return Optional.of(new ReviewedIdentification(found.get(), identifications.review(connection, id)));
        }).orElseThrow(() -> BiometricRefusal.unknownIdentification(id));
    }

    /**
     * Records what the officer concluded: one candidate confirmed (subjectId), or no match (null). Setting aside
     * candidates that cleared the threshold needs the officer's reason; the post that searched only, once.
     */
    IdentificationReview review(long id, Long subjectId, String reason, Actor actor) {
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new FieldRuleException("reason", "length", "reason must be at most " + MAX_NOTE + " characters");
        }
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            Optional<Identification> found = identifications.find(connection, id)
                    .filter(i -> actor.user().mayActAtPost(i.postId()));
            if (found.isEmpty()) {
                accessLog.record(connection, AccessLog.Access.by(actor, "review identification refused",
                        "identification " + id + ": not made at the actor's post"));
                return Optional.<IdentificationReview>empty();
            }
            Long personId = null;
            if (subjectId != null) {
                personId = found.get().candidates().stream().filter(c -> c.subjectId() == subjectId).findFirst()
                        .orElseThrow(() -> new FieldRuleException("subject", "not-a-candidate", "subject " + subjectId
                                + " is not a candidate of identification " + id)).personId();
            } else if (!found.get().candidates().isEmpty() && note == null) {
                throw BiometricRefusal.reasonRequired("setting aside candidates that cleared the threshold needs the"
                        + " officer's reason");
            }
            if (identifications.review(connection, id).isPresent()) {
                throw reviewedAlready(id);
            }
            IdentificationReview review = new IdentificationReview(id, subjectId, personId, note, actor.username(), now);
            try {
                identifications.insertReview(connection, review);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw reviewedAlready(id);
                }
                throw e;
            }
            accessLog.record(connection, AccessLog.Access.by(actor, "review identification", "identification " + id
                    + (subjectId == null ? ": no match" : ": match with subject " + subjectId)));
            return Optional.of(review);
        }).orElseThrow(() -> BiometricRefusal.unknownIdentification(id));
    }

    private static ConflictException reviewedAlready(long id) {
        return new ConflictException("review-exists", "identification " + id + " has its outcome recorded already");
    }

    /**
     * The minutiae of one finger of a search's probe (subjectId null) or of one of its candidates, so an officer can
     * compare them: the post that searched only, every look logged. Empty when that finger is not held.
     */
    Optional<Minutiae> minutiae(long id, Long subjectId, FingerPosition position, Actor actor) {
        return database.inTransaction(connection -> {
            Optional<Identification> found = identifications.find(connection, id)
                    .filter(i -> actor.user().mayActAtPost(i.postId()))
                    .filter(i -> subjectId == null || i.candidates().stream().anyMatch(c -> c.subjectId() == subjectId));
            String what = "identification " + id + (subjectId == null ? " probe" : " subject " + subjectId) + " finger "
                    + position.code();
            accessLog.record(connection, AccessLog.Access.by(actor, found.isPresent() ? "view identification prints"
                    : "view identification prints refused", what));
            if (found.isEmpty()) {
                return Optional.<Optional<Minutiae>>empty();
            }
            Optional<FingerTemplate> template = subjectId == null ? identifications.probe(connection, id).template(position)
                    : gallery.subject(subjectId).flatMap(s -> s.fingers().template(position));
            return Optional.of(template.map(t -> Minutiae.parse(t.toByteArray())));
        }).orElseThrow(() -> BiometricRefusal.unknownIdentification(id));
    }
}
