package org.ibex.biometrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.audit.AccessLog;
import org.ibex.journal.RecordApplier;
import org.ibex.journal.RecordJournal;
import org.ibex.journal.RecordKinds;
import org.ibex.store.Database;
import org.ibex.store.Json;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Enrolment, 1:1 verification and 1:N identification. Images are turned into templates before any transaction,
 * a bounded number at a time ({@link ExtractionGate}); the database change, its evidence and the access-log entry
 * commit together; the in-memory gallery follows the commit, so a failed transaction never leaves a template
 * searchable. Officers and supervisors act on the persons their post has dealt with ({@link BiometricScope});
 * any other id is answered as one that does not exist, and the refused attempt is logged.
 */
public final class BiometricService {
    /** One false identification in a hundred searches of a non-enrolled person unless the caller asks otherwise. */
    public static final double DEFAULT_FPIR = 0.01;
    /** 1:1 at the gate: one false accept in ten thousand impostor attempts. */
    public static final double VERIFICATION_FMR = 1e-4;
    /** How long a supervisor's case opens a person's fingerprints to their post. */
    public static final Duration CASE_TERM = Duration.ofDays(30);
    private static final int MAX_REASON = 500;

    private final Database database;
    private final BiometricRepository repository;
    private final FingerGallery gallery;
    private final ScoreThresholds thresholds;
    private final AccessLog accessLog;
    private final Clock clock;
    private final BiometricScope scope;
    private final ExtractionGate gate;
    private final CaseRepository cases = new CaseRepository();
    private final Identifications identifications;
    private final ObjectMapper json = Json.mapper();
    private final RecordJournal journal = new RecordJournal();
    private final PendingSubjects pending;
    private final WantedPrints wanted;
    private final PrintLookup lookup;

    public BiometricService(Database database, BiometricRepository repository, FingerGallery gallery,
                            ScoreThresholds thresholds, AccessLog accessLog, PersonVisibility visibility,
                            ExtractionGate gate, Clock clock) {
        this.database = database;
        this.repository = repository;
        this.gallery = gallery;
        this.thresholds = thresholds;
        this.accessLog = accessLog;
        this.clock = clock;
        this.scope = new BiometricScope(visibility, repository, cases);
        this.gate = gate;
        this.pending = new PendingSubjects(database, repository, gallery, clock);
        this.wanted = new WantedPrints(database, gallery, repository, pending, thresholds, accessLog, clock);
        this.lookup = new PrintLookup(gallery, pending, thresholds, accessLog);
        this.identifications = new Identifications(database, repository, gallery, wanted, thresholds, accessLog,
                clock);
    }

    /**
     * How headquarters makes its posts' enrolments and identifications its own: enrolments join this service's
     * gallery once committed, so a person enrolled at a post is identifiable here.
     */
    public Map<String, RecordApplier> recordAppliers() {
        return Map.of(RecordKinds.ENROLMENT, new EnrolmentRecords(repository, pending),
                RecordKinds.IDENTIFICATION, new IdentificationRecords());
    }

    /**
     * Whether the actor may see the person's biometric record: their post dealt with the person or holds an open
     * case for them; analysts and admins always. False for a person who does not exist.
     */
    public boolean coversPerson(Connection connection, long personId, Actor actor) throws SQLException {
        return scope.coversPerson(connection, personId, actor, clock.instant());
    }

    /** The person's enrolment in force, if any: fingers, exceptions, where and by whom. No templates. */
    public Optional<BiometricRepository.EnrolmentInForce> enrolmentOf(Connection connection, long personId)
            throws SQLException {
        return repository.enrolmentInForce(connection, personId);
    }

    /** Fingerprints of wanted persons: this node's flags and headquarters' copy, which every probe is held against. */
    public WantedPrints wanted() {
        return wanted;
    }

    /** Searches made for other agencies' questions by fingerprints. */
    public PrintLookup lookup() {
        return lookup;
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

    /**
     * Enrols a person's fingers (personId null for an unknown subject); unusable prints are refused, naming the
     * finger. Over an enrolment in force only a supervisor may enrol, with a reason; the earlier one is withdrawn
     * as replaced, and stays as evidence.
     */
    public Enrolment enrol(Long personId, String label, List<FingerCapture> captures, List<MissingFinger> missing,
                           String reason, Actor actor) {
        if (personId != null) {
            // Checked before extraction too, so a refused request costs no template work.
            database.inTransaction(connection -> checkEnrolment(connection, personId, reason, actor)).ifPresent(e -> {
                throw e;
            });
        }
        FingerSet fingers = capture(captures, missing);
        Instant now = clock.instant();
        BiometricRepository.Provenance provenance = new BiometricRepository.Provenance(actor.user().postId(),
                actor.username(), now);
        record Stored(long id, Long replaced) {
        }
        Stored stored = database.inTransaction(connection -> {
            if (personId != null) {
                Optional<BiometricRefusal> refusal = checkEnrolment(connection, personId, reason, actor);
                if (refusal.isPresent()) {
                    throw refusal.get();
                }
            }
            Long replaced = personId == null ? null : repository.subjectInForce(connection, personId).orElse(null);
            long id = repository.enrol(connection, personId, label, fingers, provenance);
            if (replaced != null) {
                repository.withdraw(connection, replaced, new BiometricRepository.Withdrawal(now, actor.username(),
                        reason.strip(), id));
            }
            journal.append(connection, RecordKinds.ENROLMENT, provenance.postId(), now, EnrolmentRecords.enrolled(
                    connection, id, replaced, personId, label, fingers, provenance,
                    replaced == null ? null : reason.strip()));
            accessLog.record(connection, AccessLog.Access.by(actor, replaced == null ? "enrol fingerprints"
                    : "replace fingerprints", personId == null ? "subject " + id
                    : "person " + personId + (replaced == null ? "" : " subject " + replaced + " -> " + id)));
            return new Stored(id, replaced);
        });
        gallery.put(new GallerySubject(stored.id(), personId, label, fingers));
        List<FingerReport> reports = new ArrayList<>();
        for (FingerPosition position : fingers.capturedPositions()) {
            FingerTemplate template = fingers.template(position).orElseThrow();
            FingerQuality quality = template.quality().orElseThrow();
            reports.add(new FingerReport(position, quality.score(), quality.level(), template.minutiae(), quality.problems()));
        }
        return new Enrolment(stored.id(), personId, reports, fingers.exceptions());
    }

    /** Why this actor may not enrol this person now, if they may not; a refusal of scope is logged. */
    private Optional<BiometricRefusal> checkEnrolment(Connection connection, long personId, String reason, Actor actor)
            throws SQLException {
        if (!scope.coversPerson(connection, personId, actor, clock.instant())) {
            accessLog.record(connection, AccessLog.Access.by(actor, "enrol fingerprints refused",
                    "person " + personId + ": not known at the actor's post"));
            return Optional.of(BiometricRefusal.unknownPerson(personId));
        }
        Optional<Long> existing = repository.subjectInForce(connection, personId);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (actor.user().role() == Role.OFFICER) {
            accessLog.record(connection, AccessLog.Access.by(actor, "enrol fingerprints refused",
                    "person " + personId + ": enrolment in force"));
            return Optional.of(new BiometricRefusal(BiometricRefusal.Kind.ENROLMENT_EXISTS, null, "person " + personId
                    + " already has fingerprints enrolled; replacing them is a supervisor's act with a reason"));
        }
        return checkReason(reason, "replacing an enrolment in force needs the supervisor's reason");
    }

    static Optional<BiometricRefusal> checkReason(String reason, String why) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(BiometricRefusal.reasonRequired(why));
        }
        if (reason.strip().length() > MAX_REASON) {
            return Optional.of(new BiometricRefusal(BiometricRefusal.Kind.REASON_REQUIRED, "reason",
                    "reason must be at most " + MAX_REASON + " characters"));
        }
        return Optional.empty();
    }

    /**
     * Takes a subject out of the gallery (a wrong enrolment, a retention limit) with a reason: its rows stay as
     * evidence with who, when and why. A subject outside the actor's scope reads as missing.
     */
    public void withdraw(long subjectId, String reason, Actor actor) {
        checkReason(reason, "a withdrawal needs a reason").ifPresent(e -> {
            throw e;
        });
        boolean withdrawn = database.inTransaction(connection -> {
            Optional<BiometricRepository.StoredSubject> subject = repository.subject(connection, subjectId);
            if (subject.isEmpty() || !subject.get().inForce()
                    || !scope.coversSubject(connection, subject.get(), actor, clock.instant())) {
                accessLog.record(connection, AccessLog.Access.by(actor, "withdraw fingerprints refused",
                        "subject " + subjectId + ": not in force at the actor's post"));
                return false;
            }
            Instant now = clock.instant();
            repository.withdraw(connection, subjectId, new BiometricRepository.Withdrawal(now,
                    actor.username(), reason.strip(), null));
            String post = subject.get().postId() != null ? subject.get().postId() : actor.user().postId();
            journal.append(connection, RecordKinds.ENROLMENT, post, now,
                    EnrolmentRecords.withdrawn(subjectId, post, actor.username(), now, reason.strip()));
            accessLog.record(connection, AccessLog.Access.by(actor, "withdraw fingerprints", "subject " + subjectId));
            return true;
        });
        if (!withdrawn) {
            throw new NotEnrolledException("no enrolled subject " + subjectId + " (never enrolled, or withdrawn already)");
        }
        gallery.remove(subjectId);
    }

    /**
     * Opens a case: the supervisor's post may enrol, verify and withdraw the person's fingerprints for
     * {@link #CASE_TERM}. Logged with its reason in the same transaction.
     */
    public BiometricCase openCase(long personId, String reason, Actor actor) {
        checkReason(reason, "a case needs the supervisor's reason").ifPresent(e -> {
            throw e;
        });
        if (actor.user().role() != Role.SUPERVISOR) {
            throw new AccessDeniedException("only a supervisor opens a biometric case for their post");
        }
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            if (!repository.personExists(connection, personId)) {
                return Optional.<BiometricCase>empty();
            }
            BiometricCase draft = new BiometricCase(0, personId, actor.user().postId(), reason.strip(),
                    actor.username(), now, now.plus(CASE_TERM));
            long id = cases.insert(connection, draft);
            accessLog.record(connection, AccessLog.Access.by(actor, "open biometric case",
                    "person " + personId + " case " + id));
            return Optional.of(new BiometricCase(id, personId, draft.postId(), draft.reason(), draft.openedBy(),
                    draft.openedAt(), draft.expiresAt()));
        }).orElseThrow(() -> BiometricRefusal.unknownPerson(personId));
    }

    /**
     * 1:1 against the person's enrolled prints: one fused decision, every finger's score, recorded as evidence.
     * A person outside the actor's scope is answered as one that does not exist; every refused attempt is logged.
     */
    public Verification verify(long personId, List<FingerCapture> captures, Actor actor) {
        pending.settle();
        // Checked before extraction too, so an unknown person costs no template work.
        RuntimeException refusal = database.inTransaction(connection -> {
            if (!scope.coversPerson(connection, personId, actor, clock.instant())) {
                accessLog.record(connection, AccessLog.Access.by(actor, "verify fingerprints refused",
                        "person " + personId + ": not known at the actor's post"));
                return BiometricRefusal.unknownPerson(personId);
            }
            if (gallery.ofPerson(personId).isEmpty()) {
                accessLog.record(connection, AccessLog.Access.by(actor, "verify fingerprints refused",
                        "person " + personId + ": no fingerprints enrolled"));
                return notEnrolled(personId);
            }
            return null;
        });
        if (refusal != null) {
            throw refusal;
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
        pending.settle();
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
     * 1:N against the whole gallery. A search never enrols: the outcome, every candidate's evidence and the probe's
     * templates are recorded with the identification, out of the gallery ({@link #enrolIdentified}).
     */
    public Identification identify(String label, List<FingerCapture> captures, Double targetFpir, Actor actor) {
        double fpir = targetFpir == null ? DEFAULT_FPIR : targetFpir;
        if (!(fpir > 0 && fpir < 1)) {
            throw new IllegalArgumentException("targetFpir must be between 0 and 1, e.g. 0.01, was " + fpir);
        }
        FingerSet probe = capture(captures, List.of());
        pending.settle();
        return identifications.identify(label, probe, fpir, actor);
    }

    /** An identification made at the actor's post: outcome and candidates with per-finger scores; read on record. */
    public Identification identification(long identificationId, Actor actor) {
        return identifications.read(identificationId, actor);
    }

    /**
     * Enrols the probe of an identification made at the actor's post as an unknown subject, with a reason: the
     * explicit act a search never does by itself. Once per identification.
     */
    public Identification enrolIdentified(long identificationId, String reason, Actor actor) {
        return identifications.enrol(identificationId, reason, actor);
    }

    /** An identification made at the actor's post with the officer's conclusion, if recorded; read on record. */
    public ReviewedIdentification reviewedIdentification(long identificationId, Actor actor) {
        return identifications.readReviewed(identificationId, actor);
    }

    /**
     * Records what the officer concluded from an identification made at their post: a candidate confirmed as the same
     * person (its subject id), or no match (null, with a reason when candidates cleared the threshold). Once.
     */
    public IdentificationReview reviewIdentification(long identificationId, Long subjectId, String reason, Actor actor) {
        return identifications.review(identificationId, subjectId, reason, actor);
    }

    /**
     * The minutiae of one finger of an identification's probe (subjectId null) or of one of its candidates, for the
     * officer's side-by-side review; the post that searched only, every look logged. Empty when not held.
     */
    public Optional<Minutiae> identificationMinutiae(long identificationId, Long subjectId, FingerPosition position,
                                                     Actor actor) {
        return identifications.minutiae(identificationId, subjectId, position, actor);
    }

    private static FingerTemplate template(FingerCapture capture, int index, boolean refuseUnusable) {
        FingerImage image;
        try {
            image = capture.decode();
        } catch (ImageRefusedException e) {
            throw e.at(index);
        }
        return refuseUnusable ? FingerTemplate.capture(capture.position(), image)
                : FingerTemplate.extract(capture.position(), image);
    }

    private FingerSet capture(List<FingerCapture> captures, List<MissingFinger> missing) {
        return FingerSet.of(templates(captures, true), missing == null ? List.of() : missing);
    }

    private List<FingerTemplate> templates(List<FingerCapture> captures, boolean refuseUnusable) {
        if (captures == null || captures.isEmpty()) {
            throw new IllegalArgumentException("fingers: at least one finger image is required");
        }
        List<Supplier<FingerTemplate>> work = IntStream.range(0, captures.size())
                .<Supplier<FingerTemplate>>mapToObj(i -> () -> template(captures.get(i), i, refuseUnusable))
                .toList();
        return gate.runAll(work);
    }

    private BiometricRepository.Provenance provenance(Actor actor) {
        return new BiometricRepository.Provenance(actor.user().postId(), actor.username(), clock.instant());
    }
}
