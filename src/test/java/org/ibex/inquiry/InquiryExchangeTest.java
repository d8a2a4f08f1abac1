package org.ibex.inquiry;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.AgreementBook;
import org.ibex.agreement.Category;
import org.ibex.agreement.QueryType;
import org.ibex.agreement.Refusal;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FvcSamples;
import org.ibex.delivery.RunningNodes;
import org.ibex.delivery.TestFederation;
import org.ibex.names.NameMatcher;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.trust.NodeIdentity;
import org.ibex.border.AgencyCheck;
import org.ibex.border.AgencyChecks;
import org.ibex.border.TravelDocument;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.ScreeningIndex;
import org.ibex.watchlist.WatchlistInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Police asks immigration over the real exchange (mutual TLS on loopback): what the agreement allows is answered and
 * written in both ledgers; what it does not is refused at the asker, and when forced through, at the answerer too,
 * with no data either way.
 */
class InquiryExchangeTest {
    static final String IMM = "UTO/IMM/HQ";
    static final String POL = "UTO/POL/HQ";
    static final Actor DETECTIVE = new Actor(new User("detective", Role.ANALYST, null), "case 2026/114", "test");
    static final Actor SUPERVISOR = new Actor(new User("sup", Role.SUPERVISOR, "POST-A"), "approval", "test");
    static final Subject ANNA = new Subject("ERIKSSON", "ANNA MARIA", LocalDate.of(1974, 8, 12), null, null);

    @TempDir
    Path dir;
    RunningNodes nodes;
    TestFederation pki;
    Side immigration;
    Side police;

    /** One node's pillar and store. */
    record Side(Inquiry inquiry, Database database, RunningNodes.Running running, ScreeningIndex screening,
                BiometricService biometrics) {
        long count(String sql, Object... values) {
            return database.read(c -> {
                try (PreparedStatement select = c.prepareStatement(sql)) {
                    Sql.bindAll(select, values);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                }
            });
        }
    }

    @BeforeEach
    void federation() throws Exception {
        nodes = new RunningNodes(dir);
        pki = new TestFederation(RunningNodes.endpoints(IMM, POL));
        immigration = start(IMM);
        police = start(POL);
    }

    @AfterEach
    void close() throws Exception {
        nodes.close();
    }

    private Side start(String id) throws Exception {
        Database database = nodes.database();
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(clock);
        AccessLog access = new AccessLog(database, audit, clock);
        Inquiry[] pillar = new Inquiry[1];
        ScreeningIndex screening = new ScreeningIndex(new NameMatcher(), clock);
        BiometricService biometrics = InquiryFixtures.biometrics(database, access, clock);
        RunningNodes.Running running = nodes.start(pki, id, database, Duration.ofMinutes(10), exchange ->
                pillar[0] = Inquiry.attach(exchange, database, new AgreementBook(database, access,
                        NodeIdentity.parse(id), pki.root::certificate, serial -> false, clock),
                        screening, biometrics, access, audit, clock));
        return new Side(pillar[0], database, running, screening, biometrics);
    }

    private void install(byte[] agreement) throws Exception {
        Actor admin = new Actor(new User("admin", Role.ADMIN, null), "agreement", "test");
        immigration.inquiry().agreements().install(agreement, admin);
        police.inquiry().agreements().install(agreement, admin);
    }

    private static byte[] crossingsAgreement(TestFederation pki, int perDay, boolean approval) throws Exception {
        return TestAgreements.signed(pki, TestAgreements.draft("UTO-POL-IMM", 1, "UTO/IMM", "UTO/POL",
                "2020-01-01", "2099-12-31", TestAgreements.rule("UTO/POL", "UTO/IMM", "crossings,presence",
                        "criminal-investigation", "hit,biographic,travel-history", perDay, 30, approval)), IMM, POL);
    }

    private Question awaitAnswer(String id) throws InterruptedException {
        RunningNodes.await("question " + id + " is answered", () -> police.inquiry().questions()
                .find(id, DETECTIVE).state() != Question.State.PENDING);
        return police.inquiry().questions().find(id, DETECTIVE);
    }

    @Test
    void anAllowedQuestionIsAnsweredWithWhatTheAgreementReleasesAndBothLedgersRecordIt() throws Exception {
        install(crossingsAgreement(pki, 10, false));
        InquiryFixtures.annaCrossed(immigration.database());
        Question asked = police.inquiry().questions().ask(new Ask(null, QueryType.CROSSINGS,
                "criminal-investigation", Set.of(Category.BIOGRAPHIC, Category.TRAVEL_HISTORY), ANNA, null, null),
                DETECTIVE);
        assertThat(asked.answerer()).isEqualTo(IMM);
        assertThat(asked.state()).isEqualTo(Question.State.PENDING);

        Question answered = awaitAnswer(asked.id());
        assertThat(answered.state()).isEqualTo(Question.State.ANSWERED);
        assertThat(answered.outcome()).isEqualTo("hit");
        assertThat(answered.answer().get("person").get("surname").asText()).isEqualTo("ERIKSSON");
        assertThat(answered.answer().get("crossings").get(0).get("direction").asText()).isEqualTo("ENTRY");
        assertThat(answered.retainUntil()).isAfter(Instant.now().plus(Duration.ofDays(29)));

        List<Disclosure> atImmigration = immigration.inquiry().ledger().forPerson(7);
        assertThat(atImmigration).extracting(Disclosure::direction, Disclosure::kind, Disclosure::counterpart)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Disclosure.Direction.RECEIVED,
                        Disclosure.Kind.QUESTION, POL), org.assertj.core.groups.Tuple.tuple(
                        Disclosure.Direction.SENT, Disclosure.Kind.ANSWER, POL));
        assertThat(atImmigration.get(1).categories()).containsExactly("hit", "biographic", "travel-history");
        assertThat(police.inquiry().ledger().forQuestion(asked.id()))
                .extracting(Disclosure::direction, Disclosure::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Disclosure.Direction.SENT,
                        Disclosure.Kind.QUESTION), org.assertj.core.groups.Tuple.tuple(Disclosure.Direction.RECEIVED,
                        Disclosure.Kind.ANSWER));
    }

    @Test
    void aQuestionForAnotherPurposeIsRefusedAtTheAskerAndAuditedAndNothingLeaves() throws Exception {
        install(crossingsAgreement(pki, 10, false));
        assertThatThrownBy(() -> police.inquiry().questions().ask(new Ask(null, QueryType.CROSSINGS, "tax-audit",
                Set.of(Category.HIT), ANNA, null, null), DETECTIVE))
                .isInstanceOf(QuestionRefusedException.class)
                .satisfies(e -> assertThat(((QuestionRefusedException) e).reason()).isEqualTo(Refusal.WRONG_PURPOSE));
        assertThat(police.count("SELECT COUNT(*) FROM access_log WHERE action = 'agency.question.refused'"))
                .isEqualTo(1);
        assertThat(police.count("SELECT COUNT(*) FROM agency_question")).isZero();
        assertThat(police.count("SELECT COUNT(*) FROM exchange_outbox")).isZero();
    }

    @Test
    void aRetryUnderTheSameUidAnswersWithTheFirstQuestionAndAnotherQuestionMayNotReuseIt() throws Exception {
        install(crossingsAgreement(pki, 1, false));
        Ask ask = new Ask(null, QueryType.CROSSINGS, "criminal-investigation", Set.of(), ANNA, null, null, "case-114-1");
        Question first = police.inquiry().questions().ask(ask, DETECTIVE);
        // The quota of one a day is used up by the first: a retry still answers as the first request did.
        assertThat(police.inquiry().questions().ask(ask, DETECTIVE).id()).isEqualTo(first.id());
        assertThat(police.count("SELECT COUNT(*) FROM agency_question")).isEqualTo(1);
        Ask other = new Ask(null, QueryType.PRESENCE, "criminal-investigation", Set.of(), ANNA, null, null,
                "case-114-1");
        assertThatThrownBy(() -> police.inquiry().questions().ask(other, DETECTIVE))
                .isInstanceOf(org.ibex.input.FieldRuleException.class).hasMessageContaining("uid");
    }

    @Test
    void aQuestionByDocumentFindsThePersonWithOrWithoutTheIssuingState() throws Exception {
        install(crossingsAgreement(pki, 10, false));
        InquiryFixtures.annaCrossed(immigration.database());
        for (Subject passport : List.of(new Subject(null, null, null, "L898902C3", "UTO"),
                new Subject(null, null, null, "L898902C3", null), new Subject(null, null, null, "X0000000", null))) {
            Question answered = awaitAnswer(police.inquiry().questions().ask(new Ask(null, QueryType.PRESENCE,
                    "criminal-investigation", Set.of(Category.TRAVEL_HISTORY), passport, null, null), DETECTIVE).id());
            assertThat(answered.outcome()).as(passport.label())
                    .isEqualTo(passport.documentNumber().equals("X0000000") ? "no-hit" : "hit");
        }
    }

    @Test
    void theDailyQuotaRefusesTheQuestionPastIt() throws Exception {
        install(crossingsAgreement(pki, 1, false));
        Ask ask = new Ask(null, QueryType.CROSSINGS, "criminal-investigation", Set.of(), ANNA, null, null);
        police.inquiry().questions().ask(ask, DETECTIVE);
        assertThatThrownBy(() -> police.inquiry().questions().ask(ask, DETECTIVE))
                .satisfies(e -> assertThat(((QuestionRefusedException) e).reason())
                        .isEqualTo(Refusal.QUOTA_EXHAUSTED));
    }

    @Test
    void aQuestionForcedPastTheAskerIsRefusedAtTheAnswererWithoutDataAndAuditedAtBothEnds() throws Exception {
        install(crossingsAgreement(pki, 10, false));
        InquiryFixtures.annaCrossed(immigration.database());
        // Forced through: the asker's gate is bypassed, the question names a purpose the agreement does not allow.
        String id = java.util.UUID.randomUUID().toString();
        police.database().inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO agency_question(question_id, answerer,"
                    + " agreement_id, agreement_version, query_type, purpose, categories, subject_label, asked_by,"
                    + " asked_at, state) VALUES (?, ?, 'UTO-POL-IMM', 1, 'crossings', 'tax-audit', 'hit,biographic',"
                    + " 'ERIKSSON', 'forger', ?, 'PENDING')")) {
                Sql.bindAll(insert, id, IMM, Instant.now());
                insert.executeUpdate();
            }
            var agreement = police.inquiry().agreements().usable().get(0);
            QuestionMessage message = new QuestionMessage(id, "crossings", "tax-audit", List.of("hit", "biographic"),
                    ANNA, agreement.reference(), agreement.digest());
            police.running().exchange().enqueue(c, police.running().exchange().message(NodeIdentity.parse(IMM),
                    QuestionMessage.TYPE, "tax-audit", "application/json", InquiryJson.write(message))
                    .withAgreement(agreement.reference()));
            return null;
        });
        police.running().exchange().nudge();
        Question refused = awaitAnswer(id);
        assertThat(refused.state()).isEqualTo(Question.State.REFUSED);
        assertThat(refused.refusal()).startsWith("wrong-purpose");
        assertThat(refused.answer()).isNull();
        assertThat(immigration.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'agreement.refused'"
                + " AND subject = ?", id)).isEqualTo(1);
        assertThat(police.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'agency.answer.refused'"
                + " AND subject = ?", id)).isEqualTo(1);
        assertThat(immigration.count("SELECT COUNT(*) FROM agency_request WHERE question_id = ? AND subject IS NULL"
                + " AND state = 'REFUSED'", id)).isEqualTo(1);
        assertThat(immigration.count("SELECT COUNT(*) FROM disclosure")).isZero();
    }

    @Test
    void aReleaseThatWantsAPersonWaitsInTheQueueUntilASupervisorApprovesIt() throws Exception {
        install(crossingsAgreement(pki, 10, true));
        InquiryFixtures.annaCrossed(immigration.database());
        Question asked = police.inquiry().questions().ask(new Ask(null, QueryType.PRESENCE,
                "criminal-investigation", Set.of(Category.TRAVEL_HISTORY), ANNA, null, null), DETECTIVE);
        Question waiting = awaitAnswer(asked.id());
        assertThat(waiting.state()).isEqualTo(Question.State.WAITING);
        List<AgencyRequest> queue = immigration.inquiry().requests().awaitingApproval();
        assertThat(queue).extracting(AgencyRequest::id).containsExactly(asked.id());

        AgencyRequest approved = immigration.inquiry().requests().approve(asked.id(), SUPERVISOR);
        assertThat(approved.state()).isEqualTo(AgencyRequest.State.ANSWERED);
        assertThat(immigration.inquiry().requests().approve(asked.id(), SUPERVISOR)).isEqualTo(approved);
        RunningNodes.await("the approved answer lands", () -> police.inquiry().questions().find(asked.id(),
                DETECTIVE).state() == Question.State.ANSWERED);
        Question answered = police.inquiry().questions().find(asked.id(), DETECTIVE);
        assertThat(answered.outcome()).isEqualTo("hit");
        assertThat(answered.answer().get("inCountry").asBoolean()).isTrue();
        assertThat(answered.answer().has("person")).isFalse();
    }

    @Test
    void anAnswerPastItsRetentionIsDeletedAndTheDeletionAudited() throws Exception {
        install(crossingsAgreement(pki, 10, false));
        InquiryFixtures.annaCrossed(immigration.database());
        Question asked = police.inquiry().questions().ask(new Ask(null, QueryType.CROSSINGS,
                "criminal-investigation", Set.of(Category.BIOGRAPHIC), ANNA, null, null), DETECTIVE);
        awaitAnswer(asked.id());
        police.database().inTransaction(c -> {
            try (PreparedStatement age = c.prepareStatement("UPDATE agency_question SET retain_until = ?")) {
                Sql.bindAll(age, Instant.now().minusSeconds(1));
                age.executeUpdate();
            }
            return null;
        });
        assertThat(police.inquiry().retention().sweep()).isEqualTo(1);
        assertThat(police.count("SELECT COUNT(*) FROM agency_question WHERE state = 'DELETED' AND answer IS NULL"
                + " AND subject IS NULL AND outcome IS NULL")).isEqualTo(1);
        assertThat(police.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'agreement.retention.delete'"
                + " AND subject = ?", asked.id())).isEqualTo(1);
        assertThat(police.inquiry().ledger().forQuestion(asked.id())).hasSize(2);

        immigration.database().inTransaction(c -> {
            try (PreparedStatement age = c.prepareStatement("UPDATE agency_request SET retain_until = ?")) {
                Sql.bindAll(age, Instant.now().minusSeconds(1));
                age.executeUpdate();
            }
            return null;
        });
        assertThat(immigration.inquiry().retention().sweep()).isEqualTo(1);
        assertThat(immigration.count("SELECT COUNT(*) FROM agency_request WHERE subject IS NULL"
                + " AND subject_label IS NULL AND deleted_at IS NOT NULL")).isEqualTo(1);
        assertThat(immigration.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'agreement.retention.delete'"))
                .isEqualTo(1);
        assertThat(immigration.inquiry().retention().sweep()).isZero();
        assertThat(immigration.inquiry().ledger().forPerson(7)).hasSize(2);
    }

    @Test
    void anInspectionAsksThePoliceWhetherTheTravellerIsWantedAndARetryAsksNothingNew() throws Exception {
        install(TestAgreements.signed(pki, TestAgreements.draft("UTO-IMM-POL", 1, "UTO/IMM", "UTO/POL",
                "2020-01-01", "2099-12-31", TestAgreements.rule("UTO/IMM", "UTO/POL", "wanted", "border-check",
                        "hit,biographic", 100, 30, false)), IMM, POL));
        police.screening().setList(new WatchlistInfo("POLICE-WANTED", "Wanted by the police", "police", "national",
                80));
        police.screening().add(new PersonEntry("POLICE-WANTED", "W-17", List.of("ANNA MARIA ERIKSSON"),
                PartialDate.of(LocalDate.of(1974, 8, 12)), "UTO", "F", "armed robbery", "police", null, null,
                EntryAction.REFER_TO_SECOND_LINE));
        AgencyChecks inspections = immigration.inquiry().inspections(Duration.ofSeconds(15));
        Actor officer = new Actor(new User("officer.a", Role.OFFICER, "POST-A"), "inspection", "test");
        TravelDocument anna = new TravelDocument("P", "UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", "UTO",
                LocalDate.of(1974, 8, 12), "F", LocalDate.of(2030, 1, 1), null, null, null);
        TravelDocument bruno = new TravelDocument("P", "UTO", "X1234567", "SILVA", "BRUNO", "UTO",
                LocalDate.of(1990, 2, 3), "M", LocalDate.of(2030, 1, 1), null, null, null);

        List<AgencyCheck> wanted = inspections.check(anna, "crossing-1", officer);
        assertThat(wanted).singleElement().satisfies(check -> {
            assertThat(check.agency()).isEqualTo(POL);
            assertThat(check.status()).isEqualTo(AgencyCheck.Status.HIT);
            assertThat(check.detail()).contains("ANNA MARIA ERIKSSON", "POLICE-WANTED");
        });
        assertThat(inspections.check(bruno, "crossing-2", officer)).extracting(AgencyCheck::status)
                .containsExactly(AgencyCheck.Status.NO_HIT);
        assertThat(inspections.check(anna, "crossing-1", officer)).isEqualTo(wanted);
        assertThat(immigration.count("SELECT COUNT(*) FROM agency_question")).isEqualTo(2);
        assertThat(immigration.count("SELECT COUNT(*) FROM agency_question WHERE post_id = 'POST-A'"
                + " AND crossing_uid = 'crossing-1'")).isEqualTo(1);
    }

    @Test
    void aQuestionByFingerprintsNeedsTheBiometricCategoryAndFindsThePersonWithoutKeepingThePrints()
            throws Exception {
        install(TestAgreements.signed(pki, TestAgreements.draft("UTO-POL-IMM", 1, "UTO/IMM", "UTO/POL",
                "2020-01-01", "2099-12-31", TestAgreements.rule("UTO/POL", "UTO/IMM", "crossings",
                        "criminal-investigation", "hit,travel-history,biometric", 10, 30, false),
                TestAgreements.rule("UTO/POL", "UTO/IMM", "presence", "criminal-investigation", "hit", 10, 30,
                        false)), IMM, POL));
        InquiryFixtures.annaCrossed(immigration.database());
        Actor officer = new Actor(new User("officer.a", Role.OFFICER, "POST-A"), "enrolment", "test");
        immigration.biometrics().enrol(7L, "ERIKSSON", List.of(
                new FingerCapture(FingerPosition.RIGHT_INDEX, FvcSamples.file("DB1_B", "101_1.tif"), 500),
                new FingerCapture(FingerPosition.LEFT_INDEX, FvcSamples.file("DB1_B", "102_1.tif"), 500)),
                List.of(), null, officer);
        Subject prints = new Subject(null, null, null, null, null, List.of(
                SubjectFinger.of(FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 3)),
                SubjectFinger.of(FvcSamples.template(FingerPosition.LEFT_INDEX, 102, 4))));

        Question asked = police.inquiry().questions().ask(new Ask(null, QueryType.CROSSINGS,
                "criminal-investigation", Set.of(Category.TRAVEL_HISTORY), prints, null, null), DETECTIVE);
        Question answered = awaitAnswer(asked.id());
        assertThat(answered.outcome()).isEqualTo("hit");
        assertThat(answered.answer().get("crossings").get(0).get("document").asText()).isEqualTo("UTO L898902C3");
        assertThat(immigration.inquiry().ledger().forPerson(7)).first()
                .satisfies(d -> assertThat(d.categories()).containsExactly("biometric"));
        assertThat(immigration.count("SELECT COUNT(*) FROM biometric_subject")).isEqualTo(1);

        Subject stranger = new Subject(null, null, null, null, null, List.of(
                SubjectFinger.of(FvcSamples.template(FingerPosition.RIGHT_INDEX, 105, 2))));
        assertThat(awaitAnswer(police.inquiry().questions().ask(new Ask(null, QueryType.CROSSINGS,
                "criminal-investigation", Set.of(), stranger, null, null), DETECTIVE).id()).outcome())
                .isEqualTo("no-hit");
        assertThatThrownBy(() -> police.inquiry().questions().ask(new Ask(null, QueryType.PRESENCE,
                "criminal-investigation", Set.of(), prints, null, null), DETECTIVE))
                .satisfies(e -> assertThat(((QuestionRefusedException) e).reason())
                        .isEqualTo(Refusal.CATEGORY_NOT_ALLOWED));
    }
}
