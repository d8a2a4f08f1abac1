package org.ibex.biometrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;
import org.ibex.store.Json;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Enrolment, 1:1 verification and 1:N identification. Images are turned into templates before any transaction;
 * the database change, its evidence and the access-log entry commit together; the in-memory gallery follows the
 * commit, so a failed transaction never leaves a template searchable.
 */
public final class BiometricService {
    /** One false identification in a hundred searches of a non-enrolled person unless the caller asks otherwise. */
    public static final double DEFAULT_FPIR = 0.01;
    /** 1:1 at the gate: one false accept in ten thousand impostor attempts. */
    public static final double VERIFICATION_FMR = 1e-4;
    private static final int MAX_CANDIDATES = 10;

    private final Database database;
    private final BiometricRepository repository;
    private final FingerGallery gallery;
    private final ScoreThresholds thresholds;
    private final AccessLog accessLog;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();

    public BiometricService(Database database, BiometricRepository repository, FingerGallery gallery,
                            ScoreThresholds thresholds, AccessLog accessLog, Clock clock) {
        this.database = database;
        this.repository = repository;
        this.gallery = gallery;
        this.thresholds = thresholds;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Rebuilds the gallery from the database: called once at start. */
    public static FingerGallery loadGallery(Database database, BiometricRepository repository) {
        FingerGallery gallery = new FingerGallery(IndexParameters.defaults());
        database.read(connection -> {
            repository.eachSubject(connection, gallery::put);
            return null;
        });
        return gallery;
    }

    /** What an enrolment stored: the subject id, and for each finger its quality, so the officer sees warnings. */
    public record Enrolment(long subjectId, Long personId, List<FingerReport> fingers, List<MissingFinger> exceptions) {
    }

    /** A captured finger's quality at enrolment. */
    public record FingerReport(FingerPosition position, int quality, QualityLevel level, int minutiae, List<String> problems) {
    }

    /** Enrols a person's fingers (personId null for an unknown subject); unusable prints are refused, naming the finger. */
    public Enrolment enrol(Long personId, String label, List<FingerCapture> captures, List<MissingFinger> missing,
                           Actor actor) {
        FingerSet fingers = capture(captures, missing);
        long subjectId = database.inTransaction(connection -> {
            if (personId != null && !repository.personExists(connection, personId)) {
                throw new NotEnrolledException("no person with id " + personId + "; record a crossing or look the person up first");
            }
            long id = repository.enrol(connection, personId, label, fingers, provenance(actor));
            accessLog.record(connection, AccessLog.Access.by(actor, "enrol fingerprints",
                    personId == null ? "subject " + id : "person " + personId));
            return id;
        });
        gallery.put(new GallerySubject(subjectId, personId, label, fingers));
        List<FingerReport> reports = new ArrayList<>();
        for (FingerPosition position : fingers.capturedPositions()) {
            FingerTemplate template = fingers.template(position).orElseThrow();
            FingerQuality quality = template.quality().orElseThrow();
            reports.add(new FingerReport(position, quality.score(), quality.level(), template.minutiae(), quality.problems()));
        }
        return new Enrolment(subjectId, personId, reports, fingers.exceptions());
    }

    /** Takes a subject out of the gallery (a wrong enrolment, a retention limit): its evidence rows stay. */
    public void withdraw(long subjectId, Actor actor) {
        boolean withdrawn = database.inTransaction(connection -> {
            boolean changed = repository.withdraw(connection, subjectId, clock.instant());
            if (changed) {
                accessLog.record(connection, AccessLog.Access.by(actor, "withdraw fingerprints", "subject " + subjectId));
            }
            return changed;
        });
        if (!withdrawn) {
            throw new NotEnrolledException("no enrolled subject " + subjectId + " (never enrolled, or withdrawn already)");
        }
        gallery.remove(subjectId);
    }

    /** 1:1 against the person's enrolled prints: one fused decision, every finger's score, recorded as evidence. */
    public Verification verify(long personId, List<FingerCapture> captures, Actor actor) {
        // Checked before extraction too, so an unknown person costs no template work.
        if (gallery.ofPerson(personId).isEmpty()) {
            throw notEnrolled(personId);
        }
        FingerSet probe = probe(captures);
        return database.inTransaction(connection -> verify(connection, personId, probe, actor))
                .orElseThrow(() -> notEnrolled(personId));
    }

    private static NotEnrolledException notEnrolled(long personId) {
        return new NotEnrolledException("person " + personId + " has no fingerprints enrolled; enrol them first");
    }

    /** Templates of the fingers given at the gate: the costly part of 1:1, done before any transaction. */
    public FingerSet probe(List<FingerCapture> captures) {
        return FingerSet.of(templates(captures, false), List.of());
    }

    /**
     * 1:1 inside the caller's transaction, so a crossing and the verification it rests on commit together; empty
     * when the person has no prints enrolled. Templates come from the gallery in memory: no database read.
     */
    public java.util.Optional<Verification> verify(java.sql.Connection connection, long personId, FingerSet probe,
                                                   Actor actor) throws java.sql.SQLException {
        java.util.Optional<GallerySubject> enrolled = gallery.ofPerson(personId);
        if (enrolled.isEmpty()) {
            return java.util.Optional.empty();
        }
        Verification verification = new FingerVerifier(thresholds, VERIFICATION_FMR).verify(probe, enrolled.get().fingers());
        repository.recordVerification(connection, personId, enrolled.get().id(), verification,
                Json.write(json, verification), provenance(actor));
        accessLog.record(connection, AccessLog.Access.by(actor, "verify fingerprints", "person " + personId));
        return java.util.Optional.of(verification);
    }

    /**
     * 1:N against the whole gallery. The probe is enrolled as an unknown subject first, so a later search or
     * an identity found by other means can link to it; the outcome and every candidate's evidence are recorded.
     */
    public Identification identify(String label, List<FingerCapture> captures, Double targetFpir, Actor actor) {
        double fpir = targetFpir == null ? DEFAULT_FPIR : targetFpir;
        if (!(fpir > 0 && fpir < 1)) {
            throw new IllegalArgumentException("targetFpir must be between 0 and 1, e.g. 0.01, was " + fpir);
        }
        FingerSet probe = capture(captures, List.of());
        int gallerySize = Math.max(1, gallery.size());
        double comparisonFmr = fpir / gallerySize;
        List<IdentificationCandidate> candidates = gallery.search(probe, thresholds, comparisonFmr, -1, MAX_CANDIDATES);
        Identification.Outcome outcome = Identification.outcomeOf(candidates);
        Identification recorded = database.inTransaction(connection -> {
            long probeId = repository.enrol(connection, null, label, probe, provenance(actor));
            Identification identification = new Identification(0, probeId, outcome, candidates, fpir, gallerySize,
                    comparisonFmr, thresholds.isExtrapolated(comparisonFmr));
            long id = repository.recordIdentification(connection, probeId, outcome,
                    outcome == Identification.Outcome.IDENTIFIED ? candidates.get(0).subjectId() : null,
                    candidates.isEmpty() ? thresholds.thresholdAt(probe.capturedPositions().size(), comparisonFmr)
                            : candidates.get(0).threshold(), fpir, gallerySize, Json.write(json, identification),
                    provenance(actor));
            accessLog.record(connection, AccessLog.Access.by(actor, "identify fingerprints", "identification " + id));
            return new Identification(id, probeId, outcome, candidates, fpir, gallerySize, comparisonFmr,
                    thresholds.isExtrapolated(comparisonFmr));
        });
        gallery.put(new GallerySubject(recorded.probeSubjectId(), null, label, probe));
        return recorded;
    }

    private static FingerSet capture(List<FingerCapture> captures, List<MissingFinger> missing) {
        return FingerSet.of(templates(captures, true), missing == null ? List.of() : missing);
    }

    private static List<FingerTemplate> templates(List<FingerCapture> captures, boolean refuseUnusable) {
        if (captures == null || captures.isEmpty()) {
            throw new IllegalArgumentException("fingers: at least one finger image is required");
        }
        return captures.parallelStream()
                .map(c -> refuseUnusable ? FingerTemplate.capture(c.position(), c.decode())
                        : FingerTemplate.extract(c.position(), c.decode()))
                .toList();
    }

    private BiometricRepository.Provenance provenance(Actor actor) {
        return new BiometricRepository.Provenance(actor.user().postId(), actor.username(), clock.instant());
    }
}
