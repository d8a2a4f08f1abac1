package org.ibex.biometrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.identity.PersonFacts;
import org.ibex.identity.PersonRegistry;
import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordApplier;
import org.ibex.store.Json;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Enrolments as they travel from a post to headquarters: the person's document facts (so headquarters links the
 * person by its own rules, never merging on a doubt), the templates, where, who and when; and withdrawals. At
 * headquarters a copy becomes a subject of its own gallery tables, searchable 1:N once its transaction committed
 * ({@link PendingSubjects}); the newest enrolment of a person is the one in force, as at a post.
 */
public final class EnrolmentRecords implements RecordApplier {
    private static final ObjectMapper JSON = Json.mapper();
    private static final int MAX_FINGERS = 10;
    private final BiometricRepository repository;
    private final PendingSubjects pending;
    private final PersonRegistry persons = new PersonRegistry();
    private final EnrolmentBatch batch;

    /** What happened to the post's subject. */
    public enum Act { ENROLLED, WITHDRAWN }

    /** One finger's template as it travels: its ISO position code and the template, base64. */
    public record Finger(int position, String template) {
    }

    /**
     * An enrolment (or withdrawal) as it leaves its post. {@code subjectId} and {@code replaces} are the post's
     * subject ids; {@code person} is null for an unknown subject.
     */
    public record ReplicatedEnrolment(Act act, long subjectId, Long replaces, String postId, PersonFacts person,
                                      String label, List<Finger> fingers, List<MissingFinger> missing, String by,
                                      Instant at, String reason) {
    }

    EnrolmentRecords(BiometricRepository repository, PendingSubjects pending) {
        this.repository = repository;
        this.pending = pending;
        this.batch = new EnrolmentBatch(repository, pending);
    }

    static ReplicatedEnrolment enrolled(Connection connection, long subjectId, Long replaces, Long personId,
                                        String label, FingerSet fingers, BiometricRepository.Provenance provenance,
                                        String reason) throws SQLException {
        List<Finger> templates = new ArrayList<>();
        for (FingerPosition position : fingers.capturedPositions()) {
            templates.add(new Finger(position.code(), Base64.getEncoder().encodeToString(
                    fingers.template(position).orElseThrow().toByteArray())));
        }
        return new ReplicatedEnrolment(Act.ENROLLED, subjectId, replaces, provenance.postId(),
                personId == null ? null : facts(connection, personId).orElse(null), label, templates,
                fingers.exceptions(), provenance.by(), provenance.at(), reason);
    }

    static ReplicatedEnrolment withdrawn(long subjectId, String postId, String by, Instant at, String reason) {
        return new ReplicatedEnrolment(Act.WITHDRAWN, subjectId, null, postId, null, null, List.of(), List.of(), by,
                at, reason);
    }

    /** The person's facts as the post holds them, with one of their documents. */
    private static Optional<PersonFacts> facts(Connection connection, long personId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT p.surname, p.given_names,"
                + " p.date_of_birth, p.nationality, p.sex, d.issuing_state, d.document_number FROM person p"
                + " LEFT JOIN person_document d ON d.person_id = p.id WHERE p.id = ?"
                + " ORDER BY d.issuing_state, d.document_number")) {
            select.setLong(1, personId);
            return Sql.list(select, row -> new PersonFacts(row.getString(1), row.getString(2),
                    row.getObject(3, java.time.LocalDate.class), row.getString(4), row.getString(5), row.getString(6),
                    row.getString(7))).stream().findFirst();
        }
    }

    /** Reads an enrolment record and its templates; anything it cannot read is refused before a row is written. */
    static Read read(JournalRecord record) {
        ReplicatedEnrolment e;
        try {
            e = JSON.readValue(record.payload(), ReplicatedEnrolment.class);
        } catch (JsonProcessingException x) {
            throw new IllegalArgumentException("record " + record.seq() + " is not an enrolment: "
                    + x.getOriginalMessage(), x);
        }
        if (e == null || e.act() == null || e.by() == null || e.at() == null) {
            throw new IllegalArgumentException("record " + record.seq() + " is not an enrolment: act, subjectId, by"
                    + " and at are required");
        }
        if (tooLong(e.label(), 200) || tooLong(e.by(), 80) || tooLong(e.postId(), 40)) {
            throw new IllegalArgumentException("record " + record.seq() + " is not an enrolment: label (200), by (80)"
                    + " or postId (40) is longer than allowed");
        }
        if (e.act() == Act.WITHDRAWN) {
            return new Read(e, null);
        }
        if (e.missing() != null && e.missing().stream().anyMatch(m -> m == null || m.position() == null
                || m.reason() == null || m.note() == null || m.note().length() > 500)) {
            throw new IllegalArgumentException("record " + record.seq() + " is not an enrolment: each missing finger"
                    + " needs a position, a reason and a note of at most 500 characters");
        }
        if (e.fingers() == null || e.fingers().isEmpty() || e.fingers().size() > MAX_FINGERS) {
            throw new IllegalArgumentException("record " + record.seq() + " is not an enrolment: fingers must hold 1"
                    + " to " + MAX_FINGERS + " templates");
        }
        List<FingerTemplate> templates = new ArrayList<>();
        try {
            for (Finger finger : e.fingers()) {
                templates.add(FingerTemplate.fromBytes(FingerPosition.ofCode(finger.position()),
                        Base64.getDecoder().decode(finger.template())));
            }
            return new Read(e, FingerSet.of(templates, e.missing() == null ? List.of() : e.missing()));
        } catch (RuntimeException x) {
            throw new IllegalArgumentException("record " + record.seq() + " is not an enrolment: a template is"
                    + " unreadable (" + x.getMessage() + ")", x);
        }
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }

    static String bounded(String reason) {
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    /** A record read, with its fingers as templates (null for a withdrawal). */
    record Read(ReplicatedEnrolment enrolment, FingerSet fingers) {
    }

    @Override
    public Applied apply(Connection connection, String originNode, JournalRecord record) throws SQLException {
        Read read = read(record);
        ReplicatedEnrolment e = read.enrolment();
        Optional<Long> held = copyOf(connection, originNode, e.subjectId());
        if (e.act() == Act.WITHDRAWN) {
            return withdraw(connection, originNode, e, held);
        }
        if (held.isPresent()) {
            return Applied.kept("already held as subject/" + held.get());
        }
        PersonFacts facts = e.person();
        boolean linkable = facts != null && facts.issuingState() != null && facts.documentNumber() != null;
        Long personId = linkable ? persons.link(connection, facts, e.at()) : null;
        String label = e.label() == null ? "subject " + e.subjectId() + " of " + originNode : e.label();
        long id = repository.enrol(connection, personId, label, read.fingers(),
                new BiometricRepository.Provenance(e.postId(), e.by(), e.at()));
        mapCopy(connection, originNode, e.subjectId(), id);
        // The newest enrolment of a person is the one in force here as at the post, whichever post enrolled before.
        Optional<Long> earlier = e.replaces() != null ? copyOf(connection, originNode, e.replaces())
                : personId == null ? Optional.empty() : repository.subjectInForce(connection, personId)
                .filter(s -> s != id);
        String replaced = "";
        if (earlier.isPresent() && repository.withdraw(connection, earlier.get(), new BiometricRepository.Withdrawal(
                e.at(), e.by(), bounded("replaced by enrolment " + e.subjectId() + " at " + originNode
                + (e.reason() == null ? "" : ": " + e.reason())), id))) {
            pending.withdraw(earlier.get());
            replaced = " replacing subject/" + earlier.get();
        }
        pending.add(new GallerySubject(id, personId, label, read.fingers()));
        return Applied.kept("subject/" + id + (personId == null ? (facts == null ? " unknown person"
                : " person not linked: no document") : " person/" + personId) + " fingers="
                + read.fingers().capturedPositions().size() + replaced);
    }

    /** A run of enrolments as a set ({@link EnrolmentBatch}), with the outcomes {@link #apply} gives one by one. */
    @Override
    public List<Applied> applyAll(Connection connection, String originNode, List<JournalRecord> records)
            throws SQLException {
        return batch.apply(connection, originNode, records);
    }

    private Applied withdraw(Connection connection, String originNode, ReplicatedEnrolment e, Optional<Long> held)
            throws SQLException {
        if (held.isEmpty()) {
            return Applied.kept("kept: headquarters holds no copy of subject " + e.subjectId());
        }
        boolean done = repository.withdraw(connection, held.get(), new BiometricRepository.Withdrawal(e.at(), e.by(),
                bounded(e.reason() == null ? "withdrawn at " + originNode : e.reason()), null));
        pending.withdraw(held.get());
        return Applied.kept(done ? "subject/" + held.get() + " withdrawn" : "kept: subject/" + held.get()
                + " was withdrawn already");
    }

    /** Headquarters' copy of a post's subject, if it holds one. */
    static Optional<Long> copyOf(Connection connection, String originNode, long originSubjectId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT subject_id FROM national_subject"
                + " WHERE origin_node = ? AND origin_subject_id = ?")) {
            Sql.bindAll(select, originNode, originSubjectId);
            return Sql.list(select, row -> row.getLong(1)).stream().findFirst();
        }
    }

    private static void mapCopy(Connection connection, String originNode, long originSubjectId, long subjectId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO national_subject(origin_node,"
                + " origin_subject_id, subject_id) VALUES (?,?,?)")) {
            Sql.bindAll(insert, originNode, originSubjectId, subjectId);
            insert.executeUpdate();
        }
    }
}
