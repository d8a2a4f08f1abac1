package org.ibex.agreement;

import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.store.TestDatabases;
import org.ibex.trust.NodeIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Quota used per rule: questions asked here and not refused, questions answered here, by UTC day and year. */
class AgreementUsageTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private final Database database = TestDatabases.fresh();
    private final Agreement agreement = new AgreementDraft("UTO-POL-IMM", 1, "Both ways", List.of(
            Party.parse("UTO/POL"), Party.parse("UTO/IMM")), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
            List.of(AgreementFixture.policeAsksImmigration(), AgreementDraft.rule("asker=UTO/IMM;answerer=UTO/POL;"
                    + "queries=wanted;purposes=border-control;categories=hit;per-day=5;per-year=50;"
                    + "retention-days=1;approval=true"))).read().agreement();

    AgreementUsageTest() throws AgreementException {
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void asked(String answerer, String state, String at) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agency_question(question_id,"
                    + " answerer, agreement_id, agreement_version, query_type, purpose, categories, asked_by, asked_at,"
                    + " state) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                Sql.bindAll(insert, UUID.randomUUID().toString(), answerer, "UTO-POL-IMM", 1, "crossings",
                        "criminal-investigation", "hit", "officer", Instant.parse(at), state);
                return insert.executeUpdate();
            }
        });
    }

    private void received(String asker, String state, String at) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agency_request(question_id,"
                    + " asker, agreement_id, agreement_version, query_type, purpose, categories, received_at, state)"
                    + " VALUES (?,?,?,?,?,?,?,?,?)")) {
                Sql.bindAll(insert, UUID.randomUUID().toString(), asker, "UTO-POL-IMM", 1, "wanted",
                        "border-control", "hit", Instant.parse(at), state);
                return insert.executeUpdate();
            }
        });
    }

    private List<AgreementUsage.RuleUsage> usage(String self) {
        return database.read(c -> new AgreementUsage(NodeIdentity.parse(self)).of(c, agreement, NOW));
    }

    @Test
    void theAskerCountsItsQuestionsThatWereNotRefusedByDayAndYear() {
        asked("UTO/IMM/HQ", "ANSWERED", "2026-06-01T08:00:00Z");
        asked("UTO/IMM/POST-ARL", "PENDING", "2026-06-01T09:00:00Z");
        asked("UTO/IMM/HQ", "REFUSED", "2026-06-01T09:30:00Z");
        asked("UTO/IMM/HQ", "ANSWERED", "2026-05-31T23:59:59Z");
        asked("UTO/IMM/HQ", "ANSWERED", "2025-12-31T12:00:00Z");
        asked("UTO/IMMX/HQ", "ANSWERED", "2026-06-01T08:00:00Z");

        List<AgreementUsage.RuleUsage> usage = usage("UTO/POL/HQ");

        assertThat(usage.get(0).side()).isEqualTo(AgreementUsage.Side.ASKER);
        assertThat(usage.get(0).today()).as("two of today's three, the refused one not").isEqualTo(2);
        assertThat(usage.get(0).thisYear()).as("and yesterday's; not last year's, not another agency's")
                .isEqualTo(3);
        assertThat(usage.get(1).side()).isEqualTo(AgreementUsage.Side.ANSWERER);
        assertThat(usage.get(1).today()).isZero();
    }

    @Test
    void theAnswererCountsOnlyTheQuestionsItAnswered() {
        received("UTO/IMM/POST-ARL", "ANSWERED", "2026-06-01T08:00:00Z");
        received("UTO/IMM/HQ", "REFUSED", "2026-06-01T08:00:00Z");
        received("UTO/IMM/HQ", "AWAITING_APPROVAL", "2026-06-01T08:00:00Z");
        received("UTO/IMM/HQ", "ANSWERED", "2026-02-01T08:00:00Z");

        List<AgreementUsage.RuleUsage> usage = usage("UTO/POL/HQ");

        assertThat(usage.get(1).today()).isEqualTo(1);
        assertThat(usage.get(1).thisYear()).isEqualTo(2);
    }

    @Test
    void aNodeOnNeitherSideCountsNothing() {
        asked("UTO/IMM/HQ", "ANSWERED", "2026-06-01T08:00:00Z");

        assertThat(usage("UTO/LAB/HQ")).extracting(AgreementUsage.RuleUsage::side)
                .containsOnly(AgreementUsage.Side.NEITHER);
    }
}
