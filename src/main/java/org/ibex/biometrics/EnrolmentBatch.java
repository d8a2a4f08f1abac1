package org.ibex.biometrics;

import org.ibex.identity.PersonFacts;
import org.ibex.identity.PersonLinks;
import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordApplier;
import org.ibex.journal.RecordApplier.Applied;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link EnrolmentRecords#apply} for a batch's enrolments at once, with the same outcome record by record: the copies
 * already held are read with one query, the persons linked together ({@link PersonLinks}), the new subjects, their
 * templates and their copies' mapping inserted as JDBC batches; withdrawals and the gallery's waiting subjects then
 * follow in the records' order, as one by one.
 */
final class EnrolmentBatch {
    private static final int CHUNK = 500;
    private final BiometricRepository repository;
    private final PendingSubjects pending;
    private final PersonLinks persons = new PersonLinks();

    EnrolmentBatch(BiometricRepository repository, PendingSubjects pending) {
        this.repository = repository;
        this.pending = pending;
    }

    List<Applied> apply(Connection connection, String originNode, List<JournalRecord> records) throws SQLException {
        int n = records.size();
        EnrolmentRecords.Read[] read = new EnrolmentRecords.Read[n];
        Applied[] results = new Applied[n];
        Set<Long> asked = new HashSet<>();
        for (int i = 0; i < n; i++) {
            try {
                read[i] = EnrolmentRecords.read(records.get(i));
                asked.add(read[i].enrolment().subjectId());
                if (read[i].enrolment().replaces() != null) {
                    asked.add(read[i].enrolment().replaces());
                }
            } catch (IllegalArgumentException e) {
                results[i] = Applied.kept(RecordApplier.UNREADABLE + e.getMessage());
            }
        }
        // The post's subjects headquarters holds a copy of, as each record finds them: a record sees the copies
        // earlier records of the batch made (-1 - index of the record until their ids are known).
        Map<Long, Long> copies = held(connection, originNode, asked);
        Long[] heldAt = new Long[n];
        Long[] replacesAt = new Long[n];
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (read[i] == null) {
                continue;
            }
            EnrolmentRecords.ReplicatedEnrolment e = read[i].enrolment();
            heldAt[i] = copies.get(e.subjectId());
            if (e.act() == EnrolmentRecords.Act.ENROLLED && heldAt[i] == null) {
                fresh.add(i);
                copies.put(e.subjectId(), -1L - i);
                replacesAt[i] = e.replaces() == null ? null : copies.get(e.replaces());
            }
        }
        long[] personIds = link(connection, read, fresh);
        List<BiometricRepository.NewSubject> subjects = new ArrayList<>(fresh.size());
        for (int k = 0; k < fresh.size(); k++) {
            EnrolmentRecords.ReplicatedEnrolment e = read[fresh.get(k)].enrolment();
            subjects.add(new BiometricRepository.NewSubject(personIds[k] < 0 ? null : personIds[k],
                    label(e, originNode), read[fresh.get(k)].fingers(),
                    new BiometricRepository.Provenance(e.postId(), e.by(), e.at())));
        }
        long[] ids = repository.enrolAll(connection, subjects);
        mapCopies(connection, originNode, read, fresh, ids);
        long[] subjectOf = new long[n];
        Long[] personOf = new Long[n];
        for (int k = 0; k < fresh.size(); k++) {
            subjectOf[fresh.get(k)] = ids[k];
            personOf[fresh.get(k)] = personIds[k] < 0 ? null : personIds[k];
        }
        // Withdrawals and the gallery's waiting subjects in the records' order, as one by one.
        for (int i = 0; i < n; i++) {
            if (read[i] == null) {
                continue;
            }
            EnrolmentRecords.ReplicatedEnrolment e = read[i].enrolment();
            Long copy = resolve(heldAt[i], subjectOf);
            if (e.act() == EnrolmentRecords.Act.WITHDRAWN) {
                results[i] = withdraw(connection, originNode, e, copy);
            } else if (copy != null) {
                results[i] = Applied.kept("already held as subject/" + copy);
            } else {
                results[i] = enrolled(connection, originNode, read[i], subjectOf[i], personOf[i],
                        resolve(replacesAt[i], subjectOf));
            }
        }
        return Arrays.asList(results);
    }

    /** A copy's subject id, once the batch's own are known. */
    private static Long resolve(Long copy, long[] subjectOf) {
        return copy == null ? null : copy < 0 ? Long.valueOf(subjectOf[(int) (-1 - copy)]) : copy;
    }

    private static String label(EnrolmentRecords.ReplicatedEnrolment e, String originNode) {
        return e.label() == null ? "subject " + e.subjectId() + " of " + originNode : e.label();
    }

    /** The persons of the new subjects that name a document, in order; -1 for one that is not linked. */
    private long[] link(Connection connection, EnrolmentRecords.Read[] read, List<Integer> fresh) throws SQLException {
        long[] personIds = new long[fresh.size()];
        Arrays.fill(personIds, -1);
        List<PersonFacts> facts = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        List<Integer> linked = new ArrayList<>();
        for (int k = 0; k < fresh.size(); k++) {
            EnrolmentRecords.ReplicatedEnrolment e = read[fresh.get(k)].enrolment();
            PersonFacts f = e.person();
            if (f != null && f.issuingState() != null && f.documentNumber() != null) {
                facts.add(f);
                times.add(e.at());
                linked.add(k);
            }
        }
        long[] ids = persons.linkAll(connection, facts, times);
        for (int j = 0; j < linked.size(); j++) {
            personIds[linked.get(j)] = ids[j];
        }
        return personIds;
    }

    private Applied enrolled(Connection connection, String originNode, EnrolmentRecords.Read read, long id,
                             Long personId, Long earlier) throws SQLException {
        EnrolmentRecords.ReplicatedEnrolment e = read.enrolment();
        // One by one, the person's newest subject in force is looked up once this one is stored; this one has the
        // highest id, so that lookup never names another: only the subject the record says it replaces is withdrawn.
        String replaced = "";
        if (earlier != null && repository.withdraw(connection, earlier, new BiometricRepository.Withdrawal(e.at(),
                e.by(), EnrolmentRecords.bounded("replaced by enrolment " + e.subjectId() + " at " + originNode
                + (e.reason() == null ? "" : ": " + e.reason())), id))) {
            pending.withdraw(earlier);
            replaced = " replacing subject/" + earlier;
        }
        pending.add(new GallerySubject(id, personId, label(e, originNode), read.fingers()));
        PersonFacts facts = e.person();
        return Applied.kept("subject/" + id + (personId == null ? (facts == null ? " unknown person"
                : " person not linked: no document") : " person/" + personId) + " fingers="
                + read.fingers().capturedPositions().size() + replaced);
    }

    private Applied withdraw(Connection connection, String originNode, EnrolmentRecords.ReplicatedEnrolment e,
                             Long held) throws SQLException {
        if (held == null) {
            return Applied.kept("kept: headquarters holds no copy of subject " + e.subjectId());
        }
        boolean done = repository.withdraw(connection, held, new BiometricRepository.Withdrawal(e.at(), e.by(),
                EnrolmentRecords.bounded(e.reason() == null ? "withdrawn at " + originNode : e.reason()), null));
        pending.withdraw(held);
        return Applied.kept(done ? "subject/" + held + " withdrawn" : "kept: subject/" + held
                + " was withdrawn already");
    }

    private static Map<Long, Long> held(Connection connection, String originNode, Set<Long> subjects)
            throws SQLException {
        Map<Long, Long> found = new HashMap<>();
        for (List<Long> chunk : Sql.chunks(subjects, CHUNK)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT origin_subject_id, subject_id FROM"
                    + " national_subject WHERE origin_node = ? AND origin_subject_id IN (" + Sql.marks(chunk.size())
                    + ")")) {
                select.setString(1, originNode);
                for (int i = 0; i < chunk.size(); i++) {
                    select.setLong(i + 2, chunk.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.put(row.getLong(1), row.getLong(2));
                    }
                }
            }
        }
        return found;
    }

    private static void mapCopies(Connection connection, String originNode, EnrolmentRecords.Read[] read,
                                  List<Integer> fresh, long[] ids) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO national_subject(origin_node,"
                + " origin_subject_id, subject_id) VALUES (?,?,?)")) {
            for (int k = 0; k < fresh.size(); k++) {
                Sql.bindAll(insert, originNode, read[fresh.get(k)].enrolment().subjectId(), ids[k]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
