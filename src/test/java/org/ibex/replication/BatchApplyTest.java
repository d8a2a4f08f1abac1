package org.ibex.replication;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.biometrics.BiometricRepository;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.EnrolmentRecords;
import org.ibex.biometrics.ExtractionGate;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FvcSamples;
import org.ibex.biometrics.MissingFinger;
import org.ibex.biometrics.MissingReason;
import org.ibex.biometrics.ScoreThresholds;
import org.ibex.border.CrossingRecords;
import org.ibex.border.PersonScope;
import org.ibex.border.Decision;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.border.TravelDocument;
import org.ibex.delivery.ReceivedMessage;
import org.ibex.identity.PersonFacts;
import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordApplier;
import org.ibex.journal.RecordKinds;
import org.ibex.store.Database;
import org.ibex.store.Json;
import org.ibex.store.TestDatabases;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.NodeIdentity;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.ReplicatedHit;
import org.ibex.watchlist.WatchlistHit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headquarters applies a batch's crossings as a set, and the result is the one applying them one by one gives, even
 * when the records of one batch depend on each other: a new traveller seen twice, a renewed passport, a document
 * known under another birth date, corrections of a crossing earlier in the same batch (twice), of one held from an
 * earlier batch and of one never held, a crossing offered twice, hits, and an unreadable record among them.
 */
class BatchApplyTest {
    private static final ObjectMapper JSON = Json.mapper();
    private static final NodeIdentity HQ = NodeIdentity.parse("UTO/IMM/HQ");
    private static final NodeIdentity POST = NodeIdentity.parse("UTO/IMM/POST-A");
    private static final Post LAND = new Post("LAND-1", "Land post", Post.Kind.LAND, ZoneId.of("UTC"));
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private final Database asSet = TestDatabases.fresh();
    private final Database oneByOne = TestDatabases.fresh();
    private final List<JournalRecord> journal = new ArrayList<>();

    @AfterEach
    void close() {
        asSet.close();
        oneByOne.close();
    }

    @Test
    void aBatchWhoseRecordsDependOnEachOtherGivesWhatOneByOneApplicationGives() {
        String held = capture("held-1", Direction.ENTRY, doc("MARTIN", "P0", 1970), null, List.of());
        capture("held-2", Direction.ENTRY, doc("DURAND", "Q0", 1980), null, List.of());
        int firstBatch = journal.size();
        capture("u1", Direction.ENTRY, doc("NOUVEAU", "N1", 1990), null, List.of());
        capture("u2", Direction.EXIT, doc("NOUVEAU", "N1", 1990), null, List.of(hit("e1"), hit("e2")));
        capture("u3", Direction.ENTRY, doc("NOUVEAU", "N2", 1990), null, List.of());
        capture("u4", Direction.ENTRY, doc("NOUVEAU", "N1", 1991), null, List.of());
        capture("u5", Direction.ENTRY, doc("NOUVEAU", "N1", 1991), null, List.of());
        capture("u6", Direction.EXIT, doc("NOUVEAU", "N1", 1990), "u2", List.of(hit("e3")));
        capture("u7", Direction.EXIT, doc("NOUVEAU", "N1", 1990), "u2", List.of());
        capture("u8", Direction.EXIT, doc("MARTIN", "P0", 1970), held, List.of());
        capture("u9", Direction.EXIT, doc("MARTIN", "P9", 1970), "never-held", List.of());
        capture("u10", Direction.EXIT, doc("DURAND", "Q0", 1980), "u6", List.of());
        journal.add(new JournalRecord(journal.size() + 1, RecordKinds.CROSSING, LAND.id(), T0, "{\"uid\":\"x\"}"));
        journal.add(new JournalRecord(journal.size() + 1, RecordKinds.CROSSING, LAND.id(), T0,
                journal.get(firstBatch).payload()));
        journal.add(new JournalRecord(journal.size() + 1, RecordKinds.CROSSING, LAND.id(), T0,
                journal.get(0).payload()));
        capture("u11", Direction.ENTRY, doc("NOUVEAU", "N3", 1990), null, List.of());

        Set<Long> setPersons = new LinkedHashSet<>();
        Set<Long> onePersons = new LinkedHashSet<>();
        NationalStore set = store(new CrossingRecords(), setPersons);
        CrossingRecords crossings = new CrossingRecords();
        NationalStore single = store((c, origin, record) -> crossings.apply(c, origin, record), onePersons);
        List<String> answers = new ArrayList<>();
        for (Database db : List.of(asSet, oneByOne)) {
            NationalStore store = db == asSet ? set : single;
            answers.add(send(db, store, journal.subList(0, firstBatch)));
            answers.add(send(db, store, journal.subList(firstBatch, journal.size())));
        }

        assertThat(answers.subList(0, 2)).isEqualTo(answers.subList(2, 4));
        assertThat(answers.get(3)).isEqualTo("records 3..16 from UTO/IMM/POST-A: applied 13, unreadable 1");
        List<String> outcomes = table(oneByOne, "SELECT origin_seq, outcome FROM national_record ORDER BY origin_seq");
        assertThat(outcomes).as("the outcome of every record").isEqualTo(table(asSet,
                "SELECT origin_seq, outcome FROM national_record ORDER BY origin_seq"));
        assertThat(outcomes).anyMatch(o -> o.contains("already held as crossing/"))
                .anyMatch(o -> o.contains("which headquarters holds already corrected"))
                .anyMatch(o -> o.contains("which headquarters does not hold")).anyMatch(o -> o.contains("hits=2"));
        for (String sql : List.of("SELECT id, uid, person_id, supersedes, direction FROM crossing ORDER BY id",
                "SELECT id, surname, date_of_birth FROM person ORDER BY id",
                "SELECT issuing_state, document_number, person_id FROM person_document ORDER BY document_number",
                "SELECT id, crossing_id, person_id, entry_id FROM screening_hit ORDER BY id",
                "SELECT id FROM post ORDER BY id")) {
            assertThat(table(asSet, sql)).as(sql).isEqualTo(table(oneByOne, sql)).isNotEmpty();
        }
        assertThat(table(asSet, "SELECT COUNT(*) FROM person")).containsExactly("4");
        assertThat(setPersons).isEqualTo(onePersons);
    }

    /**
     * Enrolments of one batch as a set give what one by one gives: a person enrolled twice (without and with a
     * replacement), a replacement of a subject held from an earlier batch and of one earlier in the same batch,
     * withdrawals (of a subject of this batch, twice, and of one never held), a subject offered twice (from an
     * earlier batch and within this one), an unknown person, a person without a document, two subjects of one new
     * person, a missing finger, a replacement of a subject never held, and an unreadable record.
     */
    @Test
    void enrolmentsOfABatchGiveWhatOneByOneApplicationGives() {
        String finger = java.util.Base64.getEncoder().encodeToString(FvcSamples.template(FingerPosition.RIGHT_INDEX,
                101, 1).toByteArray());
        PersonFacts martin = new PersonFacts("MARTIN", "ANNE", LocalDate.of(1970, 3, 9), "FRA", "F", "FRA", "E1");
        PersonFacts durand = new PersonFacts("DURAND", "LEA", LocalDate.of(1980, 1, 2), "FRA", "F", "FRA", "E8");
        enrol(1, null, martin, finger, null);
        enrol(2, null, null, finger, null);
        int firstBatch = journal.size();
        enrol(3, null, martin, finger, null);
        enrol(4, 3L, martin, finger, null);
        enrol(5, 1L, martin, finger, new MissingFinger(FingerPosition.LEFT_THUMB, MissingReason.AMPUTATED, "since 2010"));
        withdraw(4);
        withdraw(4);
        withdraw(99);
        enrol(2, null, null, finger, null);
        enrol(6, null, durand, finger, null);
        enrol(6, null, durand, finger, null);
        journal.add(new JournalRecord(journal.size() + 1, RecordKinds.ENROLMENT, LAND.id(), T0, "{\"act\":\"ENROLLED\"}"));
        enrol(7, null, new PersonFacts("SANS", "PAPIERS", LocalDate.of(1990, 1, 1), "FRA", "M", null, null), finger, null);
        enrol(8, null, durand, finger, null);
        enrol(9, 98L, null, finger, null);

        Database[] dbs = {asSet, oneByOne};
        List<String> answers = new ArrayList<>();
        for (Database db : dbs) {
            RecordApplier enrolments = biometrics(db).recordAppliers().get(RecordKinds.ENROLMENT);
            RecordApplier applier = db == asSet ? enrolments : (c, origin, record) -> enrolments.apply(c, origin, record);
            NationalStore store = new NationalStore(roles(), Map.of(RecordKinds.ENROLMENT, applier),
                    (c, persons, origin) -> { }, Clock.systemUTC());
            answers.add(send(db, store, journal.subList(0, firstBatch)));
            answers.add(send(db, store, journal.subList(firstBatch, journal.size())));
        }

        assertThat(answers.subList(0, 2)).isEqualTo(answers.subList(2, 4));
        assertThat(answers.get(3)).isEqualTo("records 3..15 from UTO/IMM/POST-A: applied 12, unreadable 1");
        List<String> outcomes = table(oneByOne, "SELECT origin_seq, outcome FROM national_record ORDER BY origin_seq");
        assertThat(table(asSet, "SELECT origin_seq, outcome FROM national_record ORDER BY origin_seq"))
                .as("the outcome of every record").isEqualTo(outcomes);
        assertThat(outcomes).anyMatch(o -> o.contains(" replacing subject/")).anyMatch(o -> o.endsWith(" withdrawn"))
                .anyMatch(o -> o.contains("was withdrawn already")).anyMatch(o -> o.contains("holds no copy"))
                .anyMatch(o -> o.contains("already held as subject/")).anyMatch(o -> o.contains("unknown person"))
                .anyMatch(o -> o.contains("person not linked: no document"));
        for (String sql : List.of("SELECT id, person_id, label, post_id, enrolled_at, enrolled_by, withdrawn_at,"
                        + " withdrawn_by, withdrawal_reason, replaced_by FROM biometric_subject ORDER BY id",
                "SELECT subject_id, position, quality, minutiae FROM finger_template ORDER BY subject_id, position",
                "SELECT subject_id, position, reason, note FROM finger_exception ORDER BY subject_id",
                "SELECT origin_node, origin_subject_id, subject_id FROM national_subject ORDER BY origin_subject_id",
                "SELECT id, surname, date_of_birth, created_at FROM person ORDER BY id",
                "SELECT issuing_state, document_number, person_id FROM person_document ORDER BY document_number")) {
            assertThat(table(asSet, sql)).as(sql).isEqualTo(table(oneByOne, sql)).isNotEmpty();
        }
        assertThat(table(asSet, "SELECT COUNT(*) FROM biometric_subject WHERE withdrawn_at IS NULL"))
                .containsExactly("6");
    }

    private void enrol(long subject, Long replaces, PersonFacts person, String template, MissingFinger missing) {
        Instant at = T0.plusSeconds(60L * journal.size());
        record(new EnrolmentRecords.ReplicatedEnrolment(EnrolmentRecords.Act.ENROLLED, subject, replaces, LAND.id(),
                person, null, List.of(new EnrolmentRecords.Finger(FingerPosition.RIGHT_INDEX.code(), template)),
                missing == null ? List.of() : List.of(missing), "officer", at, replaces == null ? null : "new prints"));
    }

    private void withdraw(long subject) {
        Instant at = T0.plusSeconds(60L * journal.size());
        record(new EnrolmentRecords.ReplicatedEnrolment(EnrolmentRecords.Act.WITHDRAWN, subject, null, LAND.id(), null,
                null, List.of(), List.of(), "officer", at, "consent withdrawn"));
    }

    private void record(EnrolmentRecords.ReplicatedEnrolment enrolment) {
        try {
            journal.add(new JournalRecord(journal.size() + 1, RecordKinds.ENROLMENT, LAND.id(), enrolment.at(),
                    JSON.writeValueAsString(enrolment)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BiometricService biometrics(Database database) {
        Clock clock = Clock.systemUTC();
        return new BiometricService(database, new BiometricRepository(), BiometricService.loadGallery(database,
                new BiometricRepository()), ScoreThresholds.fvc2002(), new AccessLog(database, new AuditLog(clock),
                clock), new PersonScope(), new ExtractionGate(1, Duration.ofSeconds(5)), clock);
    }

    private static FederationRoles roles() {
        return new FederationRoles(HQ, () -> Stream.of(HQ, POST).map(n -> new DirectoryEntry(n,
                URI.create("https://127.0.0.1:1"), "pem", Instant.MAX)).toList(), null);
    }

    private NationalStore store(RecordApplier crossings, Set<Long> reconsidered) {
        return new NationalStore(roles(), Map.of(RecordKinds.CROSSING, crossings), (c, persons, origin) -> reconsidered.addAll(persons),
                Clock.systemUTC());
    }

    private static TravelDocument doc(String surname, String number, int born) {
        return new TravelDocument("P", "FRA", number, surname, "ANNE", "FRA", LocalDate.of(born, 3, 9), "F",
                LocalDate.of(2034, 1, 1), null, null, null);
    }

    private static ReplicatedHit hit(String entry) {
        return new ReplicatedHit(WatchlistHit.Kind.PERSON, "list", entry, 0.9, EntryAction.REFER_TO_SECOND_LINE,
                "named on the list", T0, false);
    }

    private String capture(String uid, Direction direction, TravelDocument document, String supersedes,
                           List<ReplicatedHit> hits) {
        Instant at = T0.plusSeconds(60L * journal.size());
        CrossingRecords.ReplicatedCrossing crossing = new CrossingRecords.ReplicatedCrossing(uid, direction,
                LAND.id(), LAND.name(), LAND.kind(), "UTC", "officer", at, document, null, List.of(), Decision.ADMIT,
                List.of(), supersedes, supersedes == null ? null : "misread", at, false, null, false, hits);
        try {
            journal.add(new JournalRecord(journal.size() + 1, RecordKinds.CROSSING, LAND.id(), at,
                    JSON.writeValueAsString(crossing)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return uid;
    }

    private static String send(Database database, NationalStore store, List<JournalRecord> records) {
        RecordBatch batch = new RecordBatch(POST.toString(), records.get(records.size() - 1).seq(), null, records);
        ReceivedMessage message = new ReceivedMessage(UUID.randomUUID().toString(), POST, RecordBatch.TYPE, "records",
                records.get(0).seq(), batch.encode());
        return database.inTransaction(connection -> store.handle(connection, message));
    }

    private static List<String> table(Database database, String sql) {
        return database.read(c -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        line.append(i > 1 ? "|" : "").append(row.getString(i));
                    }
                    rows.add(line.toString());
                }
            }
            return rows;
        });
    }
}
