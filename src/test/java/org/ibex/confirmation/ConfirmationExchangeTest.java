package org.ibex.confirmation;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.Refusal;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FvcSamples;
import org.ibex.delivery.RunningNodes;
import org.ibex.delivery.TestFederation;
import org.ibex.inquiry.InquiryJson;
import org.ibex.inquiry.QuestionRefusedException;
import org.ibex.inquiry.TestAgreements;
import org.ibex.trust.DocumentSignature;
import org.ibex.trust.NodeIdentity;
import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.DocumentStatus;
import org.ibex.watchlist.WatchlistInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ibex.confirmation.ConfirmationSide.REQUESTER;
import static org.ibex.confirmation.ConfirmationSide.RESPONDER;

/**
 * Step one of identity confirmation between two states over the real exchange (mutual TLS on loopback): XXB's
 * immigration sends UTO's an anonymous probe, real fingerprints or a travel document, and reads back hit (with an
 * opaque reference) or no hit and a signed deletion receipt; UTO searches, applies the rule's exclusions, erases the
 * probe and keeps only its digest. Nothing personal travels back.
 */
class ConfirmationExchangeTest {
    static final String PURPOSE = "identity-confirmation";
    static final Actor OFFICER = new Actor(new User("liaison.x", Role.ANALYST, null), "case XB/2026/31", "test");
    static final Actor OVERSIGHT = new Actor(new User("oversight", Role.ANALYST, null), "oversight", "test");

    @TempDir
    Path dir;
    RunningNodes nodes;
    TestFederation pki;
    ConfirmationSide requester;
    ConfirmationSide responder;

    @BeforeEach
    void federation() throws Exception {
        nodes = new RunningNodes(dir);
        pki = new TestFederation(RunningNodes.endpoints(REQUESTER, RESPONDER));
        requester = ConfirmationSide.start(nodes, pki, REQUESTER);
        responder = ConfirmationSide.start(nodes, pki, RESPONDER);
        byte[] agreement = TestAgreements.signed(pki, TestAgreements.draft("XXB-UTO-CONFIRM", 1, "XXB/IMM",
                "UTO/IMM", "2020-01-01", "2099-12-31", TestAgreements.rule("XXB/IMM", "UTO/IMM",
                        "identity,document-status", PURPOSE, "hit,biometric", 100, 30, false, "own-nationals,protected", 48)),
                REQUESTER, RESPONDER);
        requester.install(agreement);
        responder.install(agreement);
    }

    @AfterEach
    void close() throws Exception {
        nodes.close();
    }

    private PartnerProbe probe(FingerPosition position, int finger, int impression) throws InterruptedException {
        return send(new ProbeRequest(NodeIdentity.parse(RESPONDER), "identity", PURPOSE, List.of(
                ProbeFinger.of(FvcSamples.template(position, finger, impression), 80)), null, null, "XB/2026/31",
                null));
    }

    private PartnerProbe send(ProbeRequest request) throws InterruptedException {
        PartnerProbe sent = requester.confirmation().probes().send(request, OFFICER);
        assertThat(sent.state()).isEqualTo(PartnerProbe.State.PENDING);
        return requester.awaitAnswer(sent.id(), OFFICER);
    }

    @Test
    void anotherImpressionOfEnrolledFingersIsAHitWithAReferenceAndAReceiptForTheProbeSent() throws Exception {
        responder.enrolForeigner();
        PartnerProbe asked = requester.confirmation().probes().send(new ProbeRequest(NodeIdentity.parse(RESPONDER),
                "identity", PURPOSE, List.of(ProbeFinger.of(FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 3),
                        70), ProbeFinger.of(FvcSamples.template(FingerPosition.LEFT_INDEX, 102, 4), 65)), null,
                null, "XB/2026/31", null), OFFICER);
        assertThat(asked.state()).isEqualTo(PartnerProbe.State.PENDING);
        assertThat(asked.fingers()).isEqualTo(2);

        PartnerProbe answered = requester.awaitAnswer(asked.id(), OFFICER);
        assertThat(answered.state()).isEqualTo(PartnerProbe.State.ANSWERED);
        assertThat(answered.outcome()).isEqualTo(ResultMessage.HIT);
        assertThat(answered.reference()).startsWith("ref-").hasSizeGreaterThan(20);
        assertThat(answered.referenceExpires()).isAfter(Instant.now().plus(Duration.ofHours(47)))
                .isBefore(Instant.now().plus(Duration.ofHours(49)));
        assertThat(answered.releasable(Instant.now())).isTrue();
        assertThat(answered.receiptValid()).isTrue();
        DeletionReceipt receipt = answered.receipt().receipt();
        assertThat(receipt.probeSha256()).isEqualTo(asked.probeSha256())
                .isEqualTo(requester.text("SELECT probe_sha256 FROM partner_probe WHERE id = ?", asked.id()));
        assertThat(receipt.probeId()).isEqualTo(asked.id());
        assertThat(receipt.requester()).isEqualTo(REQUESTER);
        assertThat(receipt.responder()).isEqualTo(RESPONDER);
        assertThat(receipt.fingers()).isEqualTo(2);
        assertThat(receipt.deletedAt()).isAfterOrEqualTo(receipt.searchedAt());
        assertThat(receipt.searchedAt()).isAfterOrEqualTo(receipt.receivedAt());
        // The responder keeps the reference by its digest only, for the person it found.
        assertThat(responder.count("SELECT COUNT(*) FROM partner_reference WHERE reference_sha256 = ?"
                + " AND person_id = ?", Searches.sha256(answered.reference()), ConfirmationSide.FOREIGNER))
                .isEqualTo(1);
        assertThat(responder.count("SELECT COUNT(*) FROM partner_reference WHERE reference_sha256 = ?",
                answered.reference())).isZero();
    }

    @Test
    void anUnenrolledFingerIsANoHitWithoutAReference() throws Exception {
        responder.enrolForeigner();
        PartnerProbe answered = probe(FingerPosition.RIGHT_INDEX, 105, 2);
        assertThat(answered.state()).isEqualTo(PartnerProbe.State.ANSWERED);
        assertThat(answered.outcome()).isEqualTo(ResultMessage.NO_HIT);
        assertThat(answered.reference()).isNull();
        assertThat(answered.referenceExpires()).isNull();
        assertThat(answered.releasable(Instant.now())).isFalse();
        assertThat(answered.receiptValid()).isTrue();
        assertThat(responder.count("SELECT COUNT(*) FROM partner_reference")).isZero();
        assertThat(responder.count("SELECT COUNT(*) FROM partner_search WHERE outcome = 'no-hit'")).isEqualTo(1);
    }

    @Test
    void theResponderErasesTheProbeKeepsItsDigestAndShowsOversightAReceiptThatVerifiesOffline() throws Exception {
        responder.enrolForeigner();
        PartnerProbe answered = probe(FingerPosition.RIGHT_INDEX, 101, 3);
        assertThat(answered.outcome()).isEqualTo(ResultMessage.HIT);

        ConfirmationSide.InboxRow probeRow = responder.inbox(ProbeMessage.TYPE).get(0);
        assertThat(responder.inbox(ProbeMessage.TYPE)).hasSize(1);
        assertThat(probeRow.wire()).isEmpty();
        assertThat(probeRow.erasedAt()).isNotNull();
        assertThat(probeRow.processedAt()).isNotNull();
        // The digest kept is that of the envelope the requester sent.
        byte[] sentWire = requester.outboxWire(probeRow.envelopeId());
        assertThat(probeRow.wireSha256()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(sentWire)));

        // The template is in the requester's outbox, which proves the scan finds it, and nowhere at the responder.
        String template = new String(sentWire, StandardCharsets.UTF_8);
        String base64 = ProbeFinger.of(FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 3), 80).template();
        assertThat(template).contains(base64);
        assertThat(requester.tablesHolding(base64)).contains("exchange_outbox");
        assertThat(responder.tablesHolding(base64)).isEmpty();
        assertThat(responder.columns("partner_search")).doesNotContain("template", "fingers_template", "wire");
        assertThat(responder.count("SELECT COUNT(*) FROM partner_search")).isEqualTo(1);
        assertThat(responder.count("SELECT COUNT(*) FROM partner_search WHERE id = ? AND probe_sha256 = ?"
                + " AND deleted_at IS NOT NULL", answered.id(), answered.probeSha256())).isEqualTo(1);
        assertThat(responder.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'partner.probe.searched'"
                + " AND subject = ?", answered.id())).isEqualTo(1);

        List<PartnerSearch> log = responder.confirmation().searches().list(null, 10, OVERSIGHT);
        assertThat(log).singleElement().satisfies(search -> {
            assertThat(search.id()).isEqualTo(answered.id());
            assertThat(search.requester()).isEqualTo(REQUESTER);
            assertThat(search.outcome()).isEqualTo(ResultMessage.HIT);
            assertThat(search.excluded()).isNull();
            assertThat(search.probeSha256()).isEqualTo(answered.probeSha256());
        });
        SignedReceipt receipt = log.get(0).receipt();
        assertThat(receipt).isEqualTo(answered.receipt());
        assertThat(receipt.verify(pki.root.certificate(), serial -> false, Instant.now()))
                .isEqualTo(NodeIdentity.parse(RESPONDER));
        // The file form, as an oversight body would hold it, verifies too.
        assertThat(SignedReceipt.read(receipt.toFile()).verify(pki.root.certificate(), serial -> false,
                Instant.now())).isEqualTo(NodeIdentity.parse(RESPONDER));

        DeletionReceipt r = receipt.receipt();
        SignedReceipt tampered = new SignedReceipt(new DeletionReceipt(r.probeId(), r.requester(), r.responder(),
                r.agreement(), "0".repeat(64), r.fingers(), r.receivedAt(), r.searchedAt(), r.deletedAt(),
                r.erased()), receipt.signature());
        assertThatThrownBy(() -> tampered.verify(pki.root.certificate(), serial -> false, Instant.now()))
                .isInstanceOf(DocumentSignature.Invalid.class);
        assertThatThrownBy(() -> receipt.verify(pki.root.certificate(),
                serial -> serial.equals(pki.node(RESPONDER).certificate().getSerialNumber()), Instant.now()))
                .as("a receipt signed with a revoked certificate").isInstanceOf(DocumentSignature.Invalid.class);
    }

    @Test
    void theAnswerCarriesOnlyTheOutcomeTheReferenceAndTheReceiptNothingAboutThePerson() throws Exception {
        responder.enrolForeigner();
        PartnerProbe answered = probe(FingerPosition.LEFT_INDEX, 102, 4);
        assertThat(answered.outcome()).isEqualTo(ResultMessage.HIT);

        List<ConfirmationSide.InboxRow> results = requester.inbox(ResultMessage.TYPE);
        assertThat(results).hasSize(1);
        JsonNode result = InquiryJson.tree(ConfirmationSide.payload(results.get(0).wire()));
        assertThat(names(result)).containsExactlyInAnyOrder("probeId", "state", "outcome", "reference",
                "referenceExpires", "receipt", "refusal", "reason");
        assertThat(names(result.get("receipt"))).containsExactlyInAnyOrder("receipt", "signature");
        assertThat(names(result.get("receipt").get("receipt"))).containsExactlyElementsOf(
                Arrays.stream(DeletionReceipt.class.getRecordComponents()).map(c -> c.getName()).toList());
        assertThat(result.get("probeId").asText()).isEqualTo(answered.id());
        assertThat(result.get("reference").asText()).isEqualTo(answered.reference());
        String text = result.toString();
        assertThat(text).doesNotContainIgnoringCase(ConfirmationSide.FOREIGNER_SURNAME).doesNotContain("score").doesNotContain("personId").doesNotContain("\"" + ConfirmationSide.FOREIGNER
                        + "\"");
    }

    @Test
    void aHitOnTheRespondersOwnNationalIsANoHitForTheRequesterAndMarkedExcludedAtTheResponder() throws Exception {
        responder.enrolForeigner();
        responder.enrolOwnNational();
        PartnerProbe answered = probe(FingerPosition.RIGHT_THUMB, 103, 2);
        assertThat(answered.state()).isEqualTo(PartnerProbe.State.ANSWERED);
        assertThat(answered.outcome()).isEqualTo(ResultMessage.NO_HIT);
        assertThat(answered.reference()).isNull();
        assertThat(answered.receiptValid()).isTrue();
        assertThat(responder.text("SELECT excluded FROM partner_search WHERE id = ?", answered.id()))
                .isEqualTo("own-nationals");
        assertThat(responder.text("SELECT outcome FROM partner_search WHERE id = ?", answered.id()))
                .isEqualTo(ResultMessage.NO_HIT);
        assertThat(responder.count("SELECT COUNT(*) FROM partner_reference")).isZero();
        // The same prints under a rule without the exclusion would have been a hit: the person is found.
        assertThat(responder.text("SELECT detail FROM audit_entry WHERE kind = 'partner.probe.searched'"
                + " AND subject = ?", answered.id())).contains("a hit excluded: own-nationals");
    }

    @Test
    void aHitOnAPersonTheResponderProtectsIsANoHitForTheRequester() throws Exception {
        responder.enrolForeigner();
        responder.database().inTransaction(c -> {
            try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO person_protection(person_id,"
                    + " reason, recorded_by, recorded_at) VALUES (?, 'recognised refugee', 'sup.uto', ?)")) {
                org.ibex.store.Sql.bindAll(insert, ConfirmationSide.FOREIGNER, Instant.now());
                insert.executeUpdate();
            }
            return null;
        });

        PartnerProbe answered = probe(FingerPosition.RIGHT_INDEX, 101, 3);

        assertThat(answered.outcome()).isEqualTo(ResultMessage.NO_HIT);
        assertThat(answered.reference()).isNull();
        assertThat(responder.text("SELECT excluded FROM partner_search WHERE id = ?", answered.id()))
                .isEqualTo("protected");
        assertThat(responder.inquiry().ledger().forPerson(ConfirmationSide.FOREIGNER)).as("nothing was disclosed")
                .isEmpty();
    }

    @Test
    void aProbeNoAgreementAllowsIsRefusedAtTheRequesterAndNothingIsQueued() throws Exception {
        ProbeRequest otherPurpose = new ProbeRequest(NodeIdentity.parse(RESPONDER), "identity", "tax-audit",
                List.of(ProbeFinger.of(FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 3), 80)), null, null,
                null, null);
        assertThatThrownBy(() -> requester.confirmation().probes().send(otherPurpose, OFFICER))
                .isInstanceOf(QuestionRefusedException.class)
                .satisfies(e -> assertThat(((QuestionRefusedException) e).reason()).isEqualTo(Refusal.WRONG_PURPOSE));
        // The rule lets XXB ask UTO, not UTO ask XXB.
        ProbeRequest reverse = new ProbeRequest(NodeIdentity.parse(REQUESTER), "document-status", PURPOSE, null,
                null, new ProbeDocument("UTO", "L898902C3"), null, null);
        assertThatThrownBy(() -> responder.confirmation().probes().send(reverse, OFFICER))
                .isInstanceOf(QuestionRefusedException.class);
        for (ConfirmationSide side : List.of(requester, responder)) {
            assertThat(side.count("SELECT COUNT(*) FROM partner_probe")).isZero();
            assertThat(side.count("SELECT COUNT(*) FROM exchange_outbox")).isZero();
            assertThat(side.count("SELECT COUNT(*) FROM disclosure")).isZero();
            assertThat(side.count("SELECT COUNT(*) FROM access_log WHERE action = 'partner.probe.refused'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aDocumentOnTheLostAndStolenListIsAHitAndAnotherNumberIsNot() throws Exception {
        responder.screening().setList(new WatchlistInfo("SLTD", "Lost and stolen documents", "interpol",
                "national", 80));
        responder.screening().add(new DocumentEntry("SLTD", "D-1", "XB1234567", "XXB", "P", DocumentStatus.STOLEN,
                LocalDate.of(2026, 3, 1), "XXB passport office"));

        PartnerProbe stolen = send(new ProbeRequest(NodeIdentity.parse(RESPONDER), "document-status", PURPOSE,
                null, null, new ProbeDocument("XXB", "XB1234567"), null, null));
        assertThat(stolen.outcome()).isEqualTo(ResultMessage.HIT);
        assertThat(stolen.reference()).startsWith("ref-");
        assertThat(stolen.fingers()).isZero();
        assertThat(stolen.receiptValid()).isTrue();
        assertThat(responder.count("SELECT COUNT(*) FROM partner_reference WHERE document = 'XXB XB1234567'"
                + " AND person_id IS NULL")).isEqualTo(1);

        PartnerProbe clean = send(new ProbeRequest(NodeIdentity.parse(RESPONDER), "document-status", PURPOSE,
                null, null, new ProbeDocument("XXB", "XB7654321"), null, null));
        assertThat(clean.outcome()).isEqualTo(ResultMessage.NO_HIT);
        assertThat(clean.reference()).isNull();
        assertThat(responder.inbox(ProbeMessage.TYPE)).hasSize(2).allSatisfy(row -> assertThat(row.wire()).isEmpty());
    }

    @Test
    void theSameProbeEnvelopeSentAgainAfterItsErasureIsADuplicateAndIsNotSearchedAgain() throws Exception {
        responder.enrolForeigner();
        PartnerProbe answered = probe(FingerPosition.RIGHT_INDEX, 101, 3);
        String envelope = responder.inbox(ProbeMessage.TYPE).get(0).envelopeId();

        long attempts = requester.count("SELECT attempts FROM exchange_outbox WHERE envelope_id = ?", envelope);
        requester.redeliver(envelope);
        RunningNodes.await("the retried probe is sent again", () -> requester.count("SELECT COUNT(*) FROM"
                + " exchange_outbox WHERE envelope_id = ? AND state <> 'PENDING' AND attempts > ?", envelope,
                attempts) == 1);
        assertThat(requester.text("SELECT state FROM exchange_outbox WHERE envelope_id = ?", envelope))
                .as("acknowledged, not refused as a replay").isEqualTo("DELIVERED");
        assertThat(responder.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.duplicate'"
                + " AND subject = ?", envelope)).isEqualTo(1);
        assertThat(responder.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.rejected'")).isZero();
        assertThat(responder.count("SELECT COUNT(*) FROM partner_search")).isEqualTo(1);
        assertThat(responder.inbox(ProbeMessage.TYPE)).singleElement()
                .satisfies(row -> assertThat(row.wire()).isEmpty());
        assertThat(requester.inbox(ResultMessage.TYPE)).hasSize(1);
        assertThat(requester.confirmation().probes().find(answered.id(), OFFICER)).isEqualTo(answered);
    }

    @Test
    void aReceiptThatNamesAnotherProbeOrIsNotSignedByTheResponderIsKeptButMarkedInvalid() throws Exception {
        String agreement = requester.inquiry().agreements().usable().get(0).reference();
        String named = pendingProbe(agreement, "a".repeat(64));
        String forged = pendingProbe(agreement, "b".repeat(64));
        Instant now = Instant.now();
        // The responder signs a receipt for a digest other than the probe's; the requester signs one itself.
        DeletionReceipt otherDigest = new DeletionReceipt(named, REQUESTER, RESPONDER, agreement, "c".repeat(64), 1,
                now, now, now, DeletionReceipt.ERASED);
        DeletionReceipt ownReceipt = new DeletionReceipt(forged, REQUESTER, RESPONDER, agreement, "b".repeat(64), 1,
                now, now, now, DeletionReceipt.ERASED);
        responder.answer(REQUESTER, new ResultMessage(named, ResultMessage.ANSWERED, ResultMessage.NO_HIT, null,
                null, SignedReceipt.sign(otherDigest, pki.node(RESPONDER)), null, null));
        responder.answer(REQUESTER, new ResultMessage(forged, ResultMessage.ANSWERED, ResultMessage.NO_HIT, null,
                null, SignedReceipt.sign(ownReceipt, pki.node(REQUESTER)), null, null));

        for (String id : List.of(named, forged)) {
            PartnerProbe answered = requester.awaitAnswer(id, OFFICER);
            assertThat(answered.outcome()).isEqualTo(ResultMessage.NO_HIT);
            assertThat(answered.receiptValid()).as(id).isFalse();
            assertThat(answered.receipt()).isNotNull();
            assertThat(requester.text("SELECT detail FROM audit_entry WHERE kind = 'partner.probe.answered'"
                    + " AND subject = ?", id)).contains("deletion receipt INVALID");
        }
    }

    @Test
    void aForgedProbeWhosePurposeIsNotEvenWellFormedIsRefusedAsTamperedOnceAndNotRetriedForEver() throws Exception {
        String agreement = requester.inquiry().agreements().usable().get(0).reference();
        String id = java.util.UUID.randomUUID().toString();
        ProbeMessage forged = new ProbeMessage(id, "identity", "x\n".repeat(700), agreement, "d".repeat(64),
                List.of(ProbeFinger.of(FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 3), 70)), null);
        requester.database().inTransaction(c -> {
            requester.running().exchange().enqueue(c, requester.running().exchange().message(
                    NodeIdentity.parse(RESPONDER), ProbeMessage.TYPE, PURPOSE, "application/json",
                    InquiryJson.write(forged)).withAgreement(agreement));
            return null;
        });
        requester.running().exchange().nudge();

        RunningNodes.await("the responder refused the forged probe", () -> responder.count(
                "SELECT COUNT(*) FROM partner_search WHERE id = ? AND refusal LIKE 'tampered:%'", id) == 1);
        RunningNodes.await("its refusal reached the requester", () -> requester.count(
                "SELECT COUNT(*) FROM audit_entry WHERE kind = 'partner.result.unexpected'") == 1);
        assertThat(responder.inbox(ProbeMessage.TYPE)).singleElement().satisfies(row -> {
            assertThat(row.processedAt()).as("handled once, not left to be retried").isNotNull();
            assertThat(row.wire()).isEmpty();
        });
    }

    /** A probe the requester recorded as sent to the responder, with {@code sha} as its digest. */
    private String pendingProbe(String agreement, String sha) {
        String id = java.util.UUID.randomUUID().toString();
        requester.database().inTransaction(c -> {
            ProbeRows.insert(c, new PartnerProbe(id, OFFICER.username(), null, RESPONDER, agreement, PURPOSE,
                    "identity", null, null, sha, 1, null, PartnerProbe.State.PENDING, null, null, null, null, null,
                    null, Instant.now(), null), null);
            return null;
        });
        return id;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
