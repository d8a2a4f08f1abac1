package org.ibex.agreement;

import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.store.TestClock;
import org.ibex.store.TestDatabases;
import org.ibex.trust.NodeIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.agreement.AgreementBookTest.ADMIN;
import static org.ibex.agreement.AgreementFixture.IMMIGRATION;
import static org.ibex.agreement.AgreementFixture.LABOUR;
import static org.ibex.agreement.AgreementFixture.NONE_REVOKED;
import static org.ibex.agreement.AgreementFixture.POLICE;

/** Both ends check every question against the agreement in force; each refusal has its own code. */
class AgreementGateTest {
    private static final Instant JUNE = Instant.parse("2026-06-01T10:00:00Z");
    private static final AgreementGate.Usage UNUSED = (connection, id, rule, from, to) -> 0;
    private static AgreementFixture fixture;
    private final TestClock clock = new TestClock(Instant.now());
    private final Database database = TestDatabases.fresh();
    private final AccessLog accessLog = new AccessLog(database, new AuditLog(clock), clock);
    private final AgreementBook asker = book(POLICE);
    private final AgreementBook answerer = book(IMMIGRATION);

    @BeforeAll
    static void federation() throws Exception {
        fixture = new AgreementFixture();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AgreementBook book(String node) {
        return new AgreementBook(database, accessLog, NodeIdentity.parse(node),
                fixture.federation.federation::anchor, NONE_REVOKED, clock);
    }

    private static AgreementGate.Question question(String from, String to, QueryType query, String purpose,
                                                   Set<Category> categories, Instant at) {
        return new AgreementGate.Question(NodeIdentity.parse(from), NodeIdentity.parse(to), query, purpose,
                categories, at);
    }

    private static AgreementGate.Question crossings(Instant at) {
        return question(POLICE, IMMIGRATION, QueryType.CROSSINGS, "criminal-investigation",
                EnumSet.of(Category.HIT, Category.BIOGRAPHIC), at);
    }

    private Verdict ask(AgreementGate.Question question, AgreementGate.Usage usage) {
        AgreementGate gate = new AgreementGate(asker);
        return database.read(connection -> gate.forAsker(connection, question, usage));
    }

    private Verdict answer(AgreementGate.Question question, String reference, String digest,
                           AgreementGate.Usage usage) {
        AgreementGate gate = new AgreementGate(answerer);
        return database.read(connection -> gate.forAnswerer(connection, question, reference, digest, usage));
    }

    private Agreement install(AgreementDraft draft) throws Exception {
        return asker.install(fixture.signed(draft), ADMIN).agreement();
    }

    private static Refusal refusal(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        return ((Verdict.Refused) verdict).reason();
    }

    @Test
    void aQuestionTheAgreementAllowsIsAllowedUnderItsRule() throws Exception {
        Agreement agreement = install(AgreementFixture.draft("UTO-POL-IMM", 1));

        Verdict verdict = ask(crossings(JUNE), UNUSED);

        assertThat(verdict).isEqualTo(new Verdict.Allowed(agreement, AgreementFixture.policeAsksImmigration()));
    }

    @Test
    void withoutAnyAgreementTheQuestionIsRefused() {
        assertThat(refusal(ask(crossings(JUNE), UNUSED))).isEqualTo(Refusal.NO_AGREEMENT);
    }

    @Test
    void anAgencyTheAgreementDoesNotNameHasNoAgreement() throws Exception {
        install(AgreementFixture.draft("UTO-POL-IMM", 1));

        assertThat(refusal(ask(question(LABOUR, IMMIGRATION, QueryType.CROSSINGS, "criminal-investigation",
                Set.of(Category.HIT), JUNE), UNUSED))).isEqualTo(Refusal.NO_AGREEMENT);
        assertThat(refusal(ask(question(IMMIGRATION, POLICE, QueryType.CROSSINGS, "criminal-investigation",
                Set.of(Category.HIT), JUNE), UNUSED))).as("a rule goes one way only").isEqualTo(Refusal.NO_AGREEMENT);
    }

    @Test
    void beforeItsFirstDayTheAgreementIsNotYetValid() throws Exception {
        install(AgreementFixture.draft("UTO-POL-IMM", 1, LocalDate.of(2026, 7, 1), AgreementFixture.UNTIL));

        assertThat(refusal(ask(crossings(JUNE), UNUSED))).isEqualTo(Refusal.NOT_YET_VALID);
        assertThat(ask(crossings(Instant.parse("2026-07-01T00:00:00Z")), UNUSED))
                .as("the first day is included").isInstanceOf(Verdict.Allowed.class);
    }

    @Test
    void afterItsLastDayTheAgreementHasExpired() throws Exception {
        install(AgreementFixture.draft("UTO-POL-IMM", 1, AgreementFixture.FROM, LocalDate.of(2026, 5, 31)));

        assertThat(refusal(ask(crossings(JUNE), UNUSED))).isEqualTo(Refusal.EXPIRED);
        assertThat(ask(crossings(Instant.parse("2026-05-31T23:59:59Z")), UNUSED))
                .as("the last day is included").isInstanceOf(Verdict.Allowed.class);
    }

    @Test
    void aRevokedAgreementRefusesAtBothEnds() throws Exception {
        Agreement agreement = install(AgreementFixture.draft("UTO-POL-IMM", 1));
        asker.revoke("UTO-POL-IMM", "withdrawn by the ministry", ADMIN);

        Verdict asked = ask(crossings(JUNE), UNUSED);

        assertThat(refusal(asked)).isEqualTo(Refusal.REVOKED);
        assertThat(((Verdict.Refused) asked).message()).contains("withdrawn by the ministry");
        assertThat(refusal(answer(crossings(JUNE), agreement.reference(), agreement.digest(), UNUSED)))
                .isEqualTo(Refusal.REVOKED);
    }

    @Test
    void aSupersededVersionIsRefusedWhenAQuestionNamesIt() throws Exception {
        Agreement first = install(AgreementFixture.draft("UTO-POL-IMM", 1));
        install(AgreementFixture.draft("UTO-POL-IMM", 2));

        assertThat(refusal(answer(crossings(JUNE), first.reference(), first.digest(), UNUSED)))
                .isEqualTo(Refusal.SUPERSEDED);
        assertThat(ask(crossings(JUNE), UNUSED)).as("the asker uses version 2")
                .isInstanceOfSatisfying(Verdict.Allowed.class, a -> assertThat(a.agreement().version()).isEqualTo(2));
    }

    @Test
    void theVersionInForceNamesTheRefusalNotTheVersionItSuperseded() throws Exception {
        install(AgreementFixture.draft("UTO-POL-IMM", 1));
        install(AgreementFixture.draft("UTO-POL-IMM", 2, LocalDate.of(2026, 7, 1), AgreementFixture.UNTIL));

        assertThat(refusal(ask(crossings(JUNE), UNUSED))).as("version 2 is not yet valid; version 1 no longer counts")
                .isEqualTo(Refusal.NOT_YET_VALID);
    }

    @Test
    void anUnsignedRowIsRefusedAsUnsigned() throws Exception {
        SignedAgreement draft = AgreementFixture.draft("UTO-POL-IMM", 1).read();
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agreement(agreement_id, version,"
                    + " state, document, digest, installed_by, installed_at) VALUES (?,?,?,?,?,?,?)")) {
                Sql.bindAll(insert, "UTO-POL-IMM", 1, "IN_FORCE", AgreementFile.write(draft),
                        draft.agreement().digest(), "someone", clock.instant());
                return insert.executeUpdate();
            }
        });

        assertThat(refusal(ask(crossings(JUNE), UNUSED))).isEqualTo(Refusal.UNSIGNED);
        assertThat(refusal(answer(crossings(JUNE), "UTO-POL-IMM@v1", draft.agreement().digest(), UNUSED)))
                .isEqualTo(Refusal.UNSIGNED);
    }

    @Test
    void aRowChangedInTheDatabaseIsRefusedAsTampered() throws Exception {
        Agreement agreement = install(AgreementFixture.draft("UTO-POL-IMM", 1));
        String raised = new String(fixture.signed(AgreementFixture.draft("UTO-POL-IMM", 1)),
                java.nio.charset.StandardCharsets.UTF_8).replace("\"perDay\" : 2", "\"perDay\" : 3");
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE agreement SET document = ?")) {
                update.setBytes(1, raised.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return update.executeUpdate();
            }
        });

        assertThat(refusal(ask(crossings(JUNE), UNUSED))).isEqualTo(Refusal.TAMPERED);
        assertThat(refusal(answer(crossings(JUNE), agreement.reference(), agreement.digest(), UNUSED)))
                .isEqualTo(Refusal.TAMPERED);
    }

    @Test
    void aQueryTypeTheRuleDoesNotListIsRefused() throws Exception {
        install(AgreementFixture.draft("UTO-POL-IMM", 1));

        assertThat(refusal(ask(question(POLICE, IMMIGRATION, QueryType.WANTED, "criminal-investigation",
                Set.of(Category.HIT), JUNE), UNUSED))).isEqualTo(Refusal.QUERY_NOT_ALLOWED);
    }

    @Test
    void aPurposeTheRuleDoesNotListIsRefused() throws Exception {
        install(AgreementFixture.draft("UTO-POL-IMM", 1));

        Verdict verdict = ask(question(POLICE, IMMIGRATION, QueryType.CROSSINGS, "tax-collection",
                Set.of(Category.HIT), JUNE), UNUSED);

        assertThat(refusal(verdict)).isEqualTo(Refusal.WRONG_PURPOSE);
        assertThat(((Verdict.Refused) verdict).message()).contains("tax-collection");
    }

    @Test
    void aCategoryTheRuleDoesNotReleaseIsRefused() throws Exception {
        install(AgreementFixture.draft("UTO-POL-IMM", 1));

        assertThat(refusal(ask(question(POLICE, IMMIGRATION, QueryType.CROSSINGS, "criminal-investigation",
                EnumSet.of(Category.HIT, Category.BIOMETRIC), JUNE), UNUSED)))
                .isEqualTo(Refusal.CATEGORY_NOT_ALLOWED);
    }

    @Test
    void theDailyQuotaCountsTheQuestionsOfThatUtcDay() throws Exception {
        install(AgreementFixture.draft("UTO-POL-IMM", 1));
        AgreementGate.Usage twoToday = (connection, id, rule, from, to) ->
                from.equals(Instant.parse("2026-06-01T00:00:00Z")) && to.equals(Instant.parse("2026-06-02T00:00:00Z"))
                        ? 2 : 0;

        Verdict verdict = ask(crossings(JUNE), twoToday);

        assertThat(refusal(verdict)).isEqualTo(Refusal.QUOTA_EXHAUSTED);
        assertThat(((Verdict.Refused) verdict).message()).contains("2 questions a day");
    }

    @Test
    void theYearlyQuotaCountsTheQuestionsOfThatYear() throws Exception {
        install(AgreementFixture.draft("UTO-POL-IMM", 1));
        AgreementGate.Usage oneTodayThreeThisYear = (connection, id, rule, from, to) ->
                Duration.between(from, to).toDays() == 1 ? 1 : 3;

        Verdict verdict = ask(crossings(JUNE), oneTodayThreeThisYear);

        assertThat(refusal(verdict)).isEqualTo(Refusal.QUOTA_EXHAUSTED);
        assertThat(((Verdict.Refused) verdict).message()).contains("3 questions a year");
        assertThat(ask(crossings(JUNE), (connection, id, rule, from, to) -> Duration.between(from, to).toDays() == 1
                ? 1 : 2)).as("one question of the year left").isInstanceOf(Verdict.Allowed.class);
    }

    @Test
    void theAnswererAllowsAQuestionUnderItsOwnCopy() throws Exception {
        Agreement agreement = answerer.install(fixture.signed(AgreementFixture.draft("UTO-POL-IMM", 1)), ADMIN)
                .agreement();

        assertThat(answer(crossings(JUNE), agreement.reference(), agreement.digest(), UNUSED))
                .isInstanceOf(Verdict.Allowed.class);
    }

    @Test
    void theAnswererRefusesACopyWhoseDigestDiffersFromItsOwnAsTampered() throws Exception {
        Agreement agreement = answerer.install(fixture.signed(AgreementFixture.draft("UTO-POL-IMM", 1)), ADMIN)
                .agreement();

        assertThat(refusal(answer(crossings(JUNE), agreement.reference(), "f".repeat(64), UNUSED)))
                .isEqualTo(Refusal.TAMPERED);
    }

    @Test
    void theAnswererRefusesAReferenceItDoesNotHold() throws Exception {
        answerer.install(fixture.signed(AgreementFixture.draft("UTO-POL-IMM", 1)), ADMIN);

        for (String reference : new String[]{"UTO-POL-IMM@v9", "UTO-OTHER@v1", "nonsense", "@v1", "X@vABC", null}) {
            assertThat(refusal(answer(crossings(JUNE), reference, "0".repeat(64), UNUSED))).as(reference)
                    .isEqualTo(Refusal.NO_AGREEMENT);
        }
    }

    @Test
    void theAnswererChecksQuotaAsTheAskerDoes() throws Exception {
        Agreement agreement = answerer.install(fixture.signed(AgreementFixture.draft("UTO-POL-IMM", 1)), ADMIN)
                .agreement();

        assertThat(refusal(answer(crossings(JUNE), agreement.reference(), agreement.digest(),
                (connection, id, rule, from, to) -> 2))).isEqualTo(Refusal.QUOTA_EXHAUSTED);
    }
}
