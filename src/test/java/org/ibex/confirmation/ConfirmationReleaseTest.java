package org.ibex.confirmation;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.Refusal;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FvcSamples;
import org.ibex.delivery.RunningNodes;
import org.ibex.delivery.TestFederation;
import org.ibex.inquiry.Disclosure;
import org.ibex.inquiry.QuestionRefusedException;
import org.ibex.inquiry.TestAgreements;
import org.ibex.store.Sql;
import org.ibex.trust.NodeIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ibex.confirmation.ConfirmationSide.FOREIGNER;
import static org.ibex.confirmation.ConfirmationSide.REQUESTER;
import static org.ibex.confirmation.ConfirmationSide.RESPONDER;

/**
 * Step two between two states over the real exchange: after a hit, XXB asks UTO by the opaque reference, for a case
 * and a purpose, for what the agreement allows. UTO releases at once or after its supervisor approves (in full or in
 * part) or declines with a reason XXB reads; what is released carries its purpose and retention, is written in both
 * ledgers, and is deleted at XXB when the retention ends. What the agreement does not allow is refused at XXB before
 * anything leaves, and at UTO when it gets there anyway.
 */
class ConfirmationReleaseTest {
    static final String PURPOSE = "identity-confirmation";
    static final Actor LIAISON = new Actor(new User("liaison.x", Role.SUPERVISOR, "POST-A"), "case XB/2026/31", "test");
    static final Actor UTO_SUPERVISOR = new Actor(new User("sup.uto", Role.SUPERVISOR, "POST-U"), "approval", "test");

    @TempDir
    Path dir;
    RunningNodes nodes;
    ConfirmationSide requester;
    ConfirmationSide responder;

    /** Two states under one agreement: probes answered at once, releases of identity and travel history. */
    private void federation(boolean approval, int releasesPerDay) throws Exception {
        nodes = new RunningNodes(dir);
        TestFederation pki = new TestFederation(RunningNodes.endpoints(REQUESTER, RESPONDER));
        requester = ConfirmationSide.start(nodes, pki, REQUESTER);
        responder = ConfirmationSide.start(nodes, pki, RESPONDER);
        byte[] agreement = TestAgreements.signed(pki, TestAgreements.draft("XXB-UTO-CONFIRM", 1, "XXB/IMM",
                "UTO/IMM", "2020-01-01", "2099-12-31",
                TestAgreements.rule("XXB/IMM", "UTO/IMM", "identity", PURPOSE, "hit,biometric", 100, 30, false,
                        "own-nationals", 48),
                TestAgreements.rule("XXB/IMM", "UTO/IMM", "release", PURPOSE, "biographic,travel-history",
                        releasesPerDay, 30, approval)), REQUESTER, RESPONDER);
        requester.install(agreement);
        responder.install(agreement);
        responder.enrolForeigner();
    }

    @AfterEach
    void close() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    private PartnerProbe hit() throws InterruptedException {
        PartnerProbe probe = probe(101);
        assertThat(probe.outcome()).isEqualTo(ResultMessage.HIT);
        return probe;
    }

    private PartnerProbe probe(int finger) throws InterruptedException {
        PartnerProbe sent = requester.confirmation().probes().send(new ProbeRequest(NodeIdentity.parse(RESPONDER),
                "identity", PURPOSE, List.of(ProbeFinger.of(FvcSamples.template(FingerPosition.RIGHT_INDEX, finger,
                        3), 70)), null, null, "XB/2026/31", null), LIAISON);
        return requester.awaitAnswer(sent.id(), LIAISON);
    }

    private PartnerRelease ask(PartnerProbe probe, String... categories) {
        return requester.confirmation().releases().ask(new ReleaseRequest(probe.id(), "XB/2026/31", PURPOSE,
                List.of(categories), null, null), LIAISON);
    }

    private PartnerRelease await(String releaseId, Predicate<PartnerRelease> done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            PartnerRelease release = requester.confirmation().releases().find(releaseId, LIAISON);
            if (done.test(release)) {
                return release;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("release " + releaseId + " still " + release.state() + " after 30 seconds");
            }
            Thread.sleep(50);
        }
    }

    private ReleaseDecision awaitDecision(String releaseId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (responder.count("SELECT COUNT(*) FROM partner_disclosure WHERE id = ?", releaseId) == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("release " + releaseId + " did not reach the responder in 30 seconds");
            }
            Thread.sleep(50);
        }
        return responder.confirmation().desk().find(releaseId);
    }

    private static boolean answered(PartnerRelease release) {
        return release.state() != PartnerRelease.State.PENDING && release.state() != PartnerRelease.State.WAITING;
    }

    @Test
    void anAutomaticReleaseCarriesOnlyWhatWasAskedWithItsRetentionAndEntersBothLedgers() throws Exception {
        federation(false, 10);
        PartnerProbe probe = hit();

        PartnerRelease asked = ask(probe, "biographic");
        assertThat(asked.state()).isEqualTo(PartnerRelease.State.PENDING);
        PartnerRelease released = await(asked.id(), ConfirmationReleaseTest::answered);

        assertThat(released.state()).isEqualTo(PartnerRelease.State.RELEASED);
        assertThat(released.releasedCategories()).containsExactly("biographic");
        assertThat(released.data().path("person").path("surname").asText()).isEqualTo("OKONKWO");
        assertThat(released.data().has("crossings")).as("travel history was not asked for").isFalse();
        assertThat(released.retainUntil()).isAfter(Instant.now().plus(Duration.ofDays(29)))
                .isBefore(Instant.now().plus(Duration.ofDays(31)));
        assertThat(requester.inquiry().ledger().forQuestion(asked.id())).singleElement().satisfies(d -> {
            assertThat(d.direction()).isEqualTo(Disclosure.Direction.RECEIVED);
            assertThat(d.kind()).isEqualTo(Disclosure.Kind.ANSWER);
            assertThat(d.counterpart()).isEqualTo(RESPONDER);
            assertThat(d.purpose()).isEqualTo(PURPOSE);
            assertThat(d.categories()).containsExactly("biographic");
        });
        assertThat(responder.inquiry().ledger().forPerson(FOREIGNER))
                .filteredOn(d -> d.questionId().equals(asked.id())).singleElement().satisfies(d -> {
                    assertThat(d.direction()).isEqualTo(Disclosure.Direction.SENT);
                    assertThat(d.counterpart()).isEqualTo(REQUESTER);
                    assertThat(d.categories()).containsExactly("biographic");
                });
        assertThat(responder.confirmation().desk().find(asked.id()).state())
                .isEqualTo(ReleaseDecision.State.RELEASED);
    }

    @Test
    void aSupervisorApprovesPartOfARequestAndDeclinesAnotherWithAReasonTheRequesterReads() throws Exception {
        federation(true, 10);
        PartnerProbe probe = hit();

        PartnerRelease first = ask(probe, "biographic", "travel-history");
        assertThat(await(first.id(), r -> r.state() == PartnerRelease.State.WAITING).data()).isNull();
        ReleaseDecision held = awaitDecision(first.id());
        assertThat(held.state()).isEqualTo(ReleaseDecision.State.AWAITING_APPROVAL);
        assertThat(held.categories()).containsExactlyInAnyOrder("biographic", "travel-history");
        assertThat(responder.confirmation().desk().awaitingApproval()).extracting(ReleaseDecision::id)
                .containsExactly(first.id());

        ReleaseDecision approved = responder.confirmation().desk().approve(first.id(), List.of("biographic"),
                UTO_SUPERVISOR);
        assertThat(approved.state()).isEqualTo(ReleaseDecision.State.PARTIAL);
        assertThat(approved.decidedBy()).isEqualTo("sup.uto");
        assertThat(responder.confirmation().desk().approve(first.id(), List.of(), UTO_SUPERVISOR))
                .as("approving again answers as the first decision did").isEqualTo(approved);
        PartnerRelease partial = await(first.id(), ConfirmationReleaseTest::answered);
        assertThat(partial.state()).isEqualTo(PartnerRelease.State.PARTIAL);
        assertThat(partial.releasedCategories()).containsExactly("biographic");
        assertThat(partial.data().has("person")).isTrue();
        assertThat(partial.data().has("crossings")).isFalse();

        PartnerRelease second = ask(probe, "travel-history");
        awaitDecision(second.id());
        responder.confirmation().desk().decline(second.id(), "not needed to confirm identity", UTO_SUPERVISOR);
        PartnerRelease declined = await(second.id(), ConfirmationReleaseTest::answered);
        assertThat(declined.state()).isEqualTo(PartnerRelease.State.REFUSED);
        assertThat(declined.reason()).isEqualTo("declined: not needed to confirm identity");
        assertThat(declined.data()).isNull();
        assertThat(requester.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'partner.release.refused'"
                + " AND subject = ?", second.id())).isEqualTo(1);
    }

    @Test
    void aReleaseWithoutAHitAfterExpiryBeyondTheQuotaOrOfAnotherCategoryIsRefusedBeforeItLeaves() throws Exception {
        federation(false, 1);
        PartnerProbe noHit = probe(110);
        assertThat(noHit.outcome()).isEqualTo(ResultMessage.NO_HIT);
        assertRefused(() -> ask(noHit, "biographic"), Refusal.NO_HIT);

        PartnerProbe probe = hit();
        assertRefused(() -> ask(probe, "photo"), Refusal.CATEGORY_NOT_ALLOWED);
        await(ask(probe, "biographic").id(), ConfirmationReleaseTest::answered);
        assertRefused(() -> ask(probe, "biographic"), Refusal.QUOTA_EXHAUSTED);

        update(requester, "UPDATE partner_probe SET reference_expires = ? WHERE id = ?",
                Instant.now().minusSeconds(1), probe.id());
        assertRefused(() -> ask(probe, "biographic"), Refusal.REFERENCE_EXPIRED);

        assertThat(requester.count("SELECT COUNT(*) FROM access_log WHERE action = 'partner.release.refused'"))
                .isEqualTo(4);
        assertThat(requester.count("SELECT COUNT(*) FROM partner_release")).as("only the allowed one left").isOne();
        assertThat(responder.count("SELECT COUNT(*) FROM partner_disclosure")).isOne();
    }

    @Test
    void aReferenceThatExpiredAtTheResponderIsRefusedThereAndTheRequesterReadsWhy() throws Exception {
        federation(false, 10);
        PartnerProbe probe = hit();
        update(responder, "UPDATE partner_reference SET expires_at = ?", Instant.now().minusSeconds(1));

        PartnerRelease asked = ask(probe, "biographic");
        PartnerRelease refused = await(asked.id(), ConfirmationReleaseTest::answered);

        assertThat(refused.state()).isEqualTo(PartnerRelease.State.REFUSED);
        assertThat(refused.reason()).startsWith("reference-expired: ");
        assertThat(refused.data()).isNull();
        assertThat(responder.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'agreement.refused' AND subject = ?",
                asked.id())).isEqualTo(1);
        assertThat(responder.inquiry().ledger().forQuestion(asked.id())).as("nothing was disclosed").isEmpty();
    }

    @Test
    void releasedDataIsDeletedAtTheRequesterWhenItsRetentionEnds() throws Exception {
        federation(false, 10);
        PartnerRelease released = await(ask(hit(), "biographic", "travel-history").id(),
                ConfirmationReleaseTest::answered);
        assertThat(released.data()).isNotNull();
        assertThat(requester.confirmation().retention().sweep()).as("not yet due").isZero();

        update(requester, "UPDATE partner_release SET retain_until = ? WHERE id = ?", Instant.now().minusSeconds(1),
                released.id());
        assertThat(requester.confirmation().retention().sweep()).isOne();

        PartnerRelease deleted = requester.confirmation().releases().find(released.id(), LIAISON);
        assertThat(deleted.data()).isNull();
        assertThat(deleted.deletedAt()).isNotNull();
        assertThat(deleted.releasedCategories()).as("what was released stays on record")
                .containsExactlyInAnyOrder("biographic", "travel-history");
        assertThat(requester.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'agreement.retention.delete'"
                + " AND subject = ?", released.id())).isEqualTo(1);
        assertThat(requester.count("SELECT COUNT(*) FROM partner_release WHERE data LIKE '%OKONKWO%'")).isZero();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable ask, Refusal reason) {
        assertThatThrownBy(ask).isInstanceOf(QuestionRefusedException.class)
                .satisfies(e -> assertThat(((QuestionRefusedException) e).reason()).isEqualTo(reason));
    }

    private static void update(ConfirmationSide side, String sql, Object... values) {
        side.database().inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                Sql.bindAll(update, values);
                update.executeUpdate();
            }
            return null;
        });
    }
}
