package org.ibex.biometrics;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fingerprints of wanted persons: list keepers flag subjects of this node's gallery with the reason an officer reads;
 * headquarters publishes its standing flags with their templates to posts that are configured to receive them; every
 * probe taken at a gate or searched 1:N is also held against them, so a post that has been offline for days still
 * finds a person headquarters wants. Every flag, lift, listing and match is audited.
 */
public final class WantedPrints {
    /** The chance that any false match at all comes from the whole wanted list, for one probe. */
    static final double FPIR = 0.001;
    private static final String PREFIX = "W";
    private final Database database;
    private final FingerGallery gallery;
    private final ScoreThresholds thresholds;
    private final AccessLog accessLog;
    private final Clock clock;
    private final BiometricRepository subjects;
    private final PendingSubjects pending;
    private final WantedPrintRepository rows = new WantedPrintRepository();
    private volatile WantedGallery wanted = WantedGallery.EMPTY;

    /** This node's flags, and the copy of headquarters' flags it holds. */
    public record Listing(List<WantedPrint> flagged, List<WantedPrint> fromHeadquarters) {
    }

    WantedPrints(Database database, FingerGallery gallery, BiometricRepository subjects, PendingSubjects pending,
                 ScoreThresholds thresholds, AccessLog accessLog, Clock clock) {
        this.database = database;
        this.subjects = subjects;
        this.pending = pending;
        this.gallery = gallery;
        this.thresholds = thresholds;
        this.accessLog = accessLog;
        this.clock = clock;
        database.read(connection -> {
            rebuild(connection, rows.copies(connection));
            return null;
        });
    }

    /**
     * Flags the subject in force ({@code subjectId}, or the person's, {@code personId}) as wanted, with a reason. A
     * flag that already stands is answered as it stands, so a retry changes nothing.
     */
    public WantedPrint flag(Long subjectId, Long personId, String reason, Actor actor) {
        BiometricService.checkReason(reason, "say why the person is wanted; officers read it at the gate")
                .ifPresent(e -> {
                    throw e;
                });
        if ((subjectId == null) == (personId == null)) {
            throw new BiometricRefusal(BiometricRefusal.Kind.INVALID_FIELD, "subjectId",
                    "give exactly one of subjectId and personId");
        }
        pending.settle();
        WantedPrint flagged = database.inTransaction(connection -> {
            long subject = subjectId != null ? subjectId : subjects.subjectInForce(connection, personId).orElseThrow(() -> new NotEnrolledException("person " + personId
                    + " has no fingerprints enrolled; enrol them before flagging them as wanted"));
            Optional<WantedPrintRepository.Flag> standing = rows.flag(connection, subject);
            if (standing.isPresent() && standing.get().liftedAt() == null) {
                return print(standing.get());
            }
            if (gallery.subject(subject).isEmpty()) {
                throw new NotEnrolledException("no enrolled subject " + subject + " (never enrolled, or withdrawn)");
            }
            rows.save(connection, subject, reason.strip(), actor.username(), clock.instant());
            accessLog.record(connection, AccessLog.Access.by(actor, "wanted-prints.flag", reference(subject)
                    + " subject " + subject + " reason=" + reason.strip()));
            rebuild(connection, wanted.copies());
            return print(rows.flag(connection, subject).orElseThrow());
        });
        return flagged;
    }

    /** Lifts a standing flag with a reason; a flag lifted already is answered as it was lifted. */
    public WantedPrint lift(long subjectId, String reason, Actor actor) {
        BiometricService.checkReason(reason, "say why the person is no longer wanted").ifPresent(e -> {
            throw e;
        });
        return database.inTransaction(connection -> {
            WantedPrintRepository.Flag flag = rows.flag(connection, subjectId).orElseThrow(() ->
                    new NotEnrolledException("subject " + subjectId + " is not flagged as wanted"));
            if (flag.liftedAt() != null) {
                return print(flag);
            }
            rows.lift(connection, subjectId, reason.strip(), actor.username(), clock.instant());
            accessLog.record(connection, AccessLog.Access.by(actor, "wanted-prints.lift", reference(subjectId)
                    + " subject " + subjectId + " reason=" + reason.strip()));
            rebuild(connection, wanted.copies());
            return print(rows.flag(connection, subjectId).orElseThrow());
        });
    }

    /** Every flag of this node (lifted ones too) and the copy from headquarters, without templates; the read logged. */
    public Listing list(Actor actor) {
        return database.inTransaction(connection -> {
            List<WantedPrint> flagged = new ArrayList<>();
            for (WantedPrintRepository.Flag flag : rows.flags(connection)) {
                flagged.add(print(flag));
            }
            // Headquarters' copy as screened against, from memory: reading it would decode every template.
            List<WantedPrint> copies = wanted.copies().stream().map(WantedPrints::print).toList();
            accessLog.record(connection, AccessLog.Access.by(actor, "wanted-prints.list", "wanted prints: "
                    + flagged.size() + " flagged here, " + copies.size() + " from headquarters"));
            return new Listing(flagged, copies);
        });
    }

    /** What headquarters publishes: each standing flag on a subject in force, with its templates from the gallery. */
    public List<WantedCopy> published(Connection connection) throws SQLException {
        List<WantedCopy> copies = new ArrayList<>();
        for (WantedPrintRepository.Flag flag : rows.flags(connection)) {
            Optional<GallerySubject> subject = gallery.subject(flag.subjectId());
            if (flag.liftedAt() == null && flag.subjectInForce() && subject.isPresent()) {
                copies.add(new WantedCopy(reference(flag.subjectId()), flag.name(), flag.reason(), flag.flaggedAt(),
                        subject.get().fingers()));
            }
        }
        return copies;
    }

    /** Replaces a post's copy of headquarters' wanted prints, in the caller's transaction; how many it holds now. */
    public int replaceCopies(Connection connection, List<WantedCopy> copies) throws SQLException {
        rows.replaceCopies(connection, copies);
        // Swapped in at once, in the message's transaction: were the commit to fail, the message is handled again.
        rebuild(connection, copies);
        return copies.size();
    }

    /**
     * The wanted persons whose prints the probe matches, inside the caller's transaction; a match is audited with
     * the flag's reference, so who stood at which gate is on record at once.
     */
    public List<WantedMatch> matches(Connection connection, FingerSet probe, Actor actor) throws SQLException {
        List<WantedMatch> matches = wanted.matches(probe, thresholds, FPIR, id -> gallery.subject(id).isPresent());
        for (WantedMatch match : matches) {
            accessLog.record(connection, AccessLog.Access.by(actor, "wanted-prints.match", match.reference() + " "
                    + match.source() + String.format(java.util.Locale.ROOT, " score %.1f threshold %.1f",
                    match.fusedScore(), match.threshold())));
        }
        return matches;
    }

    /** How many wanted persons' prints this node screens against. */
    public int size() {
        return wanted.size();
    }

    private void rebuild(Connection connection, List<WantedCopy> copies) throws SQLException {
        List<WantedGallery.Entry> entries = new ArrayList<>();
        for (WantedPrintRepository.Flag flag : rows.flags(connection)) {
            Optional<GallerySubject> subject = gallery.subject(flag.subjectId());
            if (flag.liftedAt() == null && subject.isPresent()) {
                entries.add(new WantedGallery.Entry(flag.subjectId(), print(flag), subject.get().fingers()));
            }
        }
        wanted = new WantedGallery(entries, copies);
    }

    static String reference(long subjectId) {
        return PREFIX + subjectId;
    }

    private WantedPrint print(WantedPrintRepository.Flag flag) {
        List<FingerPosition> fingers = gallery.subject(flag.subjectId()).map(s -> s.fingers().capturedPositions())
                .orElse(List.of());
        return new WantedPrint(reference(flag.subjectId()), flag.subjectId(), flag.personId(), flag.name(),
                flag.reason(), flag.flaggedBy(), flag.flaggedAt(), WantedPrint.Source.THIS_NODE, fingers,
                flag.liftedBy(), flag.liftedAt(), flag.liftReason());
    }

    static WantedPrint print(WantedCopy copy) {
        return new WantedPrint(copy.reference(), null, null, copy.name(), copy.reason(), null, copy.flaggedAt(),
                WantedPrint.Source.HEADQUARTERS, copy.fingers().capturedPositions(), null, null, null);
    }
}
