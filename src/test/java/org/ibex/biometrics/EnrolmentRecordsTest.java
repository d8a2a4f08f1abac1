package org.ibex.biometrics;

import org.ibex.journal.JournalRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An enrolment record headquarters cannot read is refused, naming what is wrong, before any row is written. */
class EnrolmentRecordsTest {
    private static final String HEAD = "{\"act\":\"ENROLLED\",\"subjectId\":7,\"postId\":\"P1\",\"by\":\"o\","
            + "\"at\":\"2026-01-01T00:00:00Z\",";

    private static JournalRecord record(String payload) {
        return new JournalRecord(5, "enrolment", "P1", Instant.parse("2026-01-01T00:00:00Z"), payload);
    }

    @Test
    void aPayloadOfAnotherKindIsNotAnEnrolment() {
        assertThatThrownBy(() -> EnrolmentRecords.read(record("{\"uid\":\"u1\",\"direction\":\"ENTRY\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("record 5 is not an enrolment: ");
        assertThatThrownBy(() -> EnrolmentRecords.read(record("null")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("act, subjectId, by and at");
    }

    @Test
    void templatesMustBeThereAndReadable() {
        assertThatThrownBy(() -> EnrolmentRecords.read(record(HEAD + "\"fingers\":[]}")))
                .hasMessage("record 5 is not an enrolment: fingers must hold 1 to 10 templates");
        String eleven = String.join(",", Collections.nCopies(11, "{\"position\":2,\"template\":\"AA==\"}"));
        assertThatThrownBy(() -> EnrolmentRecords.read(record(HEAD + "\"fingers\":[" + eleven + "]}")))
                .hasMessage("record 5 is not an enrolment: fingers must hold 1 to 10 templates");
        assertThatThrownBy(() -> EnrolmentRecords.read(record(HEAD + "\"fingers\":[{\"position\":2,"
                + "\"template\":\"%%%\"}]}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("record 5 is not an enrolment: a template is unreadable");
        String garbage = Base64.getEncoder().encodeToString("not a template".getBytes());
        assertThatThrownBy(() -> EnrolmentRecords.read(record(HEAD + "\"fingers\":[{\"position\":2,"
                + "\"template\":\"" + garbage + "\"}]}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("record 5 is not an enrolment: a template is unreadable");
        assertThatThrownBy(() -> EnrolmentRecords.read(record(HEAD + "\"fingers\":[{\"position\":42,"
                + "\"template\":\"" + garbage + "\"}]}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finger position code must be 0 (unknown) to 10");
    }

    @Test
    void overlongFieldsAreRefusedBeforeTheyReachTheTables() {
        assertThatThrownBy(() -> EnrolmentRecords.read(record(HEAD.replace("\"by\":\"o\"", "\"by\":\"" + "o".repeat(81)
                + "\"") + "\"fingers\":[]}"))).hasMessageContaining("by (80)");
    }
}
