package org.ibex.replication;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.border.CrossingRecords;
import org.ibex.border.Decision;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.border.TravelDocument;
import org.ibex.delivery.ReceivedMessage;
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

    private NationalStore store(RecordApplier crossings, Set<Long> reconsidered) {
        return new NationalStore(new FederationRoles(HQ, () -> Stream.of(HQ, POST).map(n -> new DirectoryEntry(n,
                URI.create("https://127.0.0.1:1"), "pem", Instant.MAX)).toList(), null),
                Map.of(RecordKinds.CROSSING, crossings), (c, persons, origin) -> reconsidered.addAll(persons),
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
