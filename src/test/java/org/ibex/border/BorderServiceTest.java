package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.document.MrzWriter;
import org.ibex.store.ConflictException;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The crossing flow as a specification, on a real database with a fixed clock: the document is read, the holder
 * linked, the rules decide, and the crossing, its access entry and its hits are stored together.
 */
class BorderServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final Actor OFFICER = new Actor(new User("officer.a", Role.OFFICER, "POST-A"), "test", "local");
    private static final Actor SUPERVISOR = new Actor(new User("supervisor.a", Role.SUPERVISOR, "POST-A"), "test", "local");
    private static Database database;
    private static BorderService border;

    @BeforeAll
    static void aNodeWithOnePost() {
        database = TestDatabases.fresh();
        PostRepository posts = new PostRepository(database);
        posts.add(new Post("POST-A", "Airport", Post.Kind.AIRPORT, ZoneId.of("Europe/Vilnius")));
        border = TestBorder.service(database, posts, CLOCK);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static String passport(String surname, String number, LocalDate expiry) {
        return MrzWriter.td3("FRA", surname, "JEAN", number, "FRA", LocalDate.of(1980, 5, 17), "M", expiry, null);
    }

    private static CrossingRequest entry(String uid, String mrz) {
        return new CrossingRequest(uid, Direction.ENTRY, "POST-A", null, mrz, null, null, null, null);
    }

    @Test
    void aValidPassportIsAdmittedAndItsFirstDayCounted() {
        RecordedCrossing recorded = border.record(entry(null, passport("ADMITTED", "AD1234567", LocalDate.of(2031, 1, 1))),
                OFFICER);

        assertThat(recorded.crossing().decision()).isEqualTo(Decision.ADMIT);
        assertThat(recorded.crossing().reasons()).isEmpty();
        assertThat(recorded.stay().daysUsed()).as("the day of entry counts, as the EU EES counts").isEqualTo(1);
    }

    @Test
    void anExpiredPassportIsRefusedWithTheReasonNamed() {
        RecordedCrossing recorded = border.record(entry(null, passport("EXPIRED", "EX1234567", LocalDate.of(2025, 1, 1))),
                OFFICER);

        assertThat(recorded.crossing().decision()).isEqualTo(Decision.REFUSE);
        assertThat(recorded.crossing().reasons()).extracting(Reason::code).anyMatch(code -> code.contains("expir"));
    }

    @Test
    void aRetryUnderTheSameKeyStoresNothingNewAndAnswersTheFirstRecord() {
        String mrz = passport("RETRIED", "RT1234567", LocalDate.of(2031, 1, 1));
        RecordedCrossing first = border.record(entry("retry-1", mrz), OFFICER);

        RecordedCrossing again = border.record(entry("retry-1", mrz), OFFICER);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.crossing().id()).isEqualTo(first.crossing().id());
        assertThatThrownBy(() -> border.record(entry("retry-1", passport("SOMEONE", "SO1234567", LocalDate.of(2031, 1, 1))),
                OFFICER)).as("the same key for another crossing").isInstanceOf(ConflictException.class);
    }

    @Test
    void aCorrectionSupersedesTheRecordAndBothStay() {
        RecordedCrossing wrong = border.record(entry(null, passport("CORRECTED", "CO1234567", LocalDate.of(2031, 1, 1))),
                OFFICER);

        RecordedCrossing fixed = border.correct(wrong.crossing().id(),
                entry(null, passport("CORRECTED", "CO7654321", LocalDate.of(2031, 1, 1))), "scanned the old passport",
                SUPERVISOR);

        assertThat(fixed.crossing().supersedes()).isEqualTo(wrong.crossing().id());
        assertThat(border.get(wrong.crossing().id(), SUPERVISOR).supersededBy()).isEqualTo(fixed.crossing().id());
        assertThatThrownBy(() -> border.correct(wrong.crossing().id(), entry(null, passport("CORRECTED", "CO7654321",
                LocalDate.of(2031, 1, 1))), "again", SUPERVISOR)).as("a corrected record is corrected through its successor")
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aBatchStoresItsValidRowsOnceAndNamesEveryRejectedOne() {
        List<CrossingRequest> batch = List.of(
                entry("batch-1", passport("BATCHONE", "BA1111111", LocalDate.of(2031, 1, 1))),
                new CrossingRequest("batch-2", Direction.ENTRY, "NO-SUCH-POST", null,
                        passport("BATCHTWO", "BA2222222", LocalDate.of(2031, 1, 1)), null, null, null, null),
                entry("batch-3", passport("BATCHTHREE", "BA3333333", LocalDate.of(2031, 1, 1))));

        BatchResult first = border.recordBatch(batch, OFFICER);
        BatchResult again = border.recordBatch(batch, OFFICER);

        assertThat(first.stored()).isEqualTo(2);
        assertThat(first.rejected()).extracting(BatchResult.Rejection::index).containsExactly(1);
        assertThat(first.rejected().get(0).reason()).contains("NO-SUCH-POST");
        assertThat(again.stored()).as("a batch run twice stores nothing twice").isZero();
        assertThat(again.duplicates()).isEqualTo(2);
    }
}
