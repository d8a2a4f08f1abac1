package org.ibex.confirmation;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.Refusal;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FvcSamples;
import org.ibex.delivery.NodeProcess;
import org.ibex.delivery.RunningNodes;
import org.ibex.delivery.TestFederation;
import org.ibex.inquiry.InquiryJson;
import org.ibex.inquiry.QuestionRefusedException;
import org.ibex.inquiry.TestAgreements;
import org.ibex.node.Node;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.trust.NodeIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The acceptance floor with each state's immigration as its own {@code ibex serve} JVM: XXB/IMM/HQ probes
 * UTO/IMM/HQ's gallery with real prints over mutual TLS. The processes do all the travelling; what a person does at
 * either end (send a probe, ask a release, approve or decline) is done on the stopped node's own store with
 * {@link Node#open}, as an operator's shell command would, because the HTTP API of the pillar is built in another
 * slice. The retention sweep and the reference's expiry are reached by moving the stored instants into the past
 * while the node is stopped: a node has no clock setting, and an agreement's shortest reference lasts an hour.
 * Runs on H2, or on PostgreSQL with IBEX_TEST_JDBC_URL.
 */
class ConfirmationProcessTest {
    static final String XXB = "XXB/IMM/HQ";
    static final String UTO = "UTO/IMM/HQ";
    static final String PURPOSE = "identity-confirmation";
    static final String CASE = "XB/2026/77";
    static final long FOREIGNER = 21;
    static final String FOREIGNER_SURNAME = "OKONKWO";
    static final Actor LIAISON = new Actor(new User("liaison.x", Role.ANALYST, null), CASE, "test");
    static final Actor UTO_SUPERVISOR = new Actor(new User("uto.supervisor", Role.ANALYST, null),
            "release approval", "test");
    static final Actor ADMIN = new Actor(new User("cli:test", Role.ADMIN, null), "agreements installed", "test");

    @TempDir
    Path dir;
    TestFederation pki;
    NodeProcess requester;
    NodeProcess responder;

    @AfterEach
    void stop() {
        for (NodeProcess node : new NodeProcess[]{requester, responder}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void twoStatesConfirmAnIdentityProveTheDeletionAndReleaseWhatAPersonApprovesUntilItsRetentionEnds()
            throws Exception {
        // Given two stopped nodes of two states under one agreement, and UTO's gallery holding an XXB national
        setUp();
        String hitTemplate = ProbeFinger.of(FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 3), 70).template();
        List<String> probes = atRequester(node -> List.of(
                probe(node, ProbeFinger.of(FvcSamples.template(FingerPosition.RIGHT_INDEX, 101, 3), 70),
                        ProbeFinger.of(FvcSamples.template(FingerPosition.LEFT_INDEX, 102, 4), 65)),
                probe(node, ProbeFinger.of(FvcSamples.template(FingerPosition.RIGHT_INDEX, 105, 2), 70)),
                probe(node, ProbeFinger.of(FvcSamples.template(FingerPosition.LEFT_INDEX, 102, 5), 70))));
        String hit = probes.get(0);
        String noHit = probes.get(1);
        String toExpire = probes.get(2);

        // When both serve, the three probes travel and are answered
        long answered = 3;
        requester.launch();
        responder.launch();
        requester.awaitStarted();
        responder.awaitStarted();
        await("three answers processed at " + XXB, () -> processed(requester) >= answered);
        NodeProcess.stopAll(requester, responder);

        // Then the requester holds a hit with a reference, a no-hit without, and receipts that verify offline
        List<PartnerProbe> answers = atRequester(node -> probes.stream()
                .map(id -> confirmation(node).probes().find(id, LIAISON)).toList());
        assertThat(answers).extracting(PartnerProbe::outcome).containsExactly("hit", "no-hit", "hit");
        assertThat(answers.get(0).reference()).startsWith("ref-");
        assertThat(answers.get(1).reference()).isNull();
        for (PartnerProbe probe : answers) {
            assertThat(probe.receiptValid()).as("receipt of " + probe.id()).isTrue();
            assertThat(SignedReceipt.read(probe.receipt().toFile()).verify(pki.root.certificate(), serial -> false,
                    Instant.now())).as("the receipt file verifies against the anchor alone")
                    .isEqualTo(NodeIdentity.parse(UTO));
            assertThat(probe.receipt().receipt().probeSha256()).isEqualTo(probe.probeSha256());
        }

        // and nothing personal arrived: each decrypted answer holds only outcome, reference and receipt
        List<byte[]> results = inboxWires(requester, ResultMessage.TYPE);
        assertThat(results).hasSize(3);
        for (byte[] wire : results) {
            JsonNode result = InquiryJson.tree(ConfirmationSide.payload(wire));
            assertThat(names(result)).containsExactlyInAnyOrder("probeId", "state", "outcome", "reference",
                    "referenceExpires", "receipt", "refusal", "reason");
            assertThat(names(result.get("receipt"))).containsExactlyInAnyOrder("receipt", "signature");
            assertThat(result.toString()).doesNotContainIgnoringCase(FOREIGNER_SURNAME).doesNotContain("personId")
                    .doesNotContain("score").doesNotContain("1981-05-09");
        }

        // and the probes are gone from the responder: inbox wires erased, no table and no file holding a template
        assertThat(inboxWires(responder, ProbeMessage.TYPE)).hasSize(3).allSatisfy(wire -> assertThat(wire).isEmpty());
        assertThat(read(requester, (ConfirmationSide side) -> side.tablesHolding(hitTemplate))).as("the scan finds a template where one is")
                .contains("exchange_outbox");
        assertThat(read(responder, (ConfirmationSide side) -> side.tablesHolding(hitTemplate))).isEmpty();
        assertThat(filesHolding(responder.data, hitTemplate)).isEmpty();
        assertThat(count(responder, "SELECT COUNT(*) FROM partner_search WHERE deleted_at IS NOT NULL"))
                .isEqualTo(3);
        assertThat(count(responder, "SELECT COUNT(*) FROM audit_entry WHERE kind = 'partner.probe.searched'"))
                .isEqualTo(3);

        // When a supervisor asks for releases: refused without a hit, for a category not agreed, once the reference
        // expired, and beyond the day's quota of two; two are asked
        try (Database database = Database.open(requester.store)) {
            database.inTransaction(c -> {
                try (PreparedStatement expire = c.prepareStatement("UPDATE partner_probe SET reference_expires = ?"
                        + " WHERE id = ?")) {
                    Sql.bindAll(expire, Instant.now().minusSeconds(1), toExpire);
                    return expire.executeUpdate();
                }
            });
        }
        List<String> releases = atRequester(node -> {
            Releases asked = confirmation(node).releases();
            assertRefused(asked, noHit, List.of("biographic"), Refusal.NO_HIT);
            assertRefused(asked, hit, List.of("biographic", "photo"), Refusal.CATEGORY_NOT_ALLOWED);
            assertRefused(asked, toExpire, List.of("biographic"), Refusal.REFERENCE_EXPIRED);
            String first = asked.ask(release(hit, List.of("biographic", "travel-history", "documents")), LIAISON).id();
            String second = asked.ask(release(hit, List.of("biographic")), LIAISON).id();
            assertRefused(asked, hit, List.of("biographic"), Refusal.QUOTA_EXHAUSTED);
            return List.of(first, second);
        });
        for (String code : List.of("no-hit", "category-not-allowed", "reference-expired", "quota-exhausted")) {
            assertThat(count(requester, "SELECT COUNT(*) FROM access_log WHERE action = 'partner.release.refused'"
                    + " AND subject LIKE ?", "% " + code)).as("refusal audited: " + code).isEqualTo(1);
        }
        assertThat(count(requester, "SELECT COUNT(*) FROM exchange_outbox WHERE state = 'PENDING'"
                + " AND recipient = ?", UTO)).as("only the two allowed asks were queued").isEqualTo(2);
        assertThat(count(requester, "SELECT COUNT(*) FROM partner_release")).isEqualTo(2);

        // and UTO, whose agreement wants a person to decide, holds both until its supervisor approves one in part
        // and declines the other with a reason
        requester.launch();
        responder.start();
        requester.awaitStarted();
        await("both release asks processed at " + UTO, () -> processed(responder) >= 5);
        responder.stop();
        atResponder(node -> {
            ReleaseDesk desk = confirmation(node).desk();
            assertThat(desk.awaitingApproval()).hasSize(2);
            List<ReleaseDecision> held = new ArrayList<>(desk.awaitingApproval());
            held.sort((a, b) -> Integer.compare(a.categories().size(), b.categories().size()));
            ReleaseDecision partial = desk.approve(held.get(1).id(), List.of("biographic", "travel-history"),
                    UTO_SUPERVISOR);
            assertThat(partial.state()).isEqualTo(ReleaseDecision.State.PARTIAL);
            assertThat(desk.decline(held.get(0).id(), "the case file names no reason for a second release",
                    UTO_SUPERVISOR).state()).isEqualTo(ReleaseDecision.State.REFUSED);
            return null;
        });
        responder.start();
        // Each ask was first answered "waiting", then decided.
        await("both decisions processed at " + XXB, () -> processed(requester) >= answered + 4);
        NodeProcess.stopAll(requester, responder);

        // Then the requester holds what was approved, and the refusal with its reason
        PartnerRelease partial = atRequester(node -> confirmation(node).releases().find(releases.get(0), LIAISON));
        PartnerRelease declined = atRequester(node -> confirmation(node).releases().find(releases.get(1), LIAISON));
        assertThat(partial.state()).isEqualTo(PartnerRelease.State.PARTIAL);
        assertThat(partial.releasedCategories()).containsExactlyInAnyOrder("biographic", "travel-history");
        assertThat(partial.data().toString()).contains(FOREIGNER_SURNAME);
        assertThat(partial.retainUntil()).isAfter(Instant.now().plus(Duration.ofDays(29)));
        assertThat(declined.state()).isEqualTo(PartnerRelease.State.REFUSED);
        assertThat(declined.reason()).contains("the case file names no reason for a second release");
        assertThat(declined.data()).isNull();
        assertThat(count(responder, "SELECT COUNT(*) FROM audit_entry WHERE kind LIKE 'partner.release.%'"))
                .as("both decisions audited at the responder").isGreaterThanOrEqualTo(2);

        // When the retention ends while the requester is stopped, its sweep deletes the data at the next start
        try (Database database = Database.open(requester.store)) {
            database.inTransaction(c -> {
                try (PreparedStatement age = c.prepareStatement("UPDATE partner_release SET retain_until = ?"
                        + " WHERE id = ?")) {
                    Sql.bindAll(age, Instant.now().minusSeconds(1), partial.id());
                    return age.executeUpdate();
                }
            });
        }
        requester.start();
        // The sweep runs as the exchange starts, then every minute; its pass takes milliseconds.
        Thread.sleep(3000);
        requester.stop();
        PartnerRelease swept = atRequester(node -> confirmation(node).releases().find(partial.id(), LIAISON));
        assertThat(swept.data()).as("deleted when its retention ended").isNull();
        assertThat(swept.deletedAt()).isNotNull();
        assertThat(count(requester, "SELECT COUNT(*) FROM audit_entry WHERE kind = 'agreement.retention.delete'"
                + " AND subject = ?", partial.id())).isEqualTo(1);
        assertThat(count(requester, "SELECT COUNT(*) FROM partner_release WHERE data IS NOT NULL")).isZero();
    }

    /** Two joined, stopped nodes with the agreement installed at both and the XXB national in UTO's gallery. */
    private void setUp() throws Exception {
        pki = new TestFederation(RunningNodes.endpoints(XXB, UTO));
        Path anchor = NodeProcess.writeAnchor(dir.resolve("root"), pki.root);
        Path directory = Files.write(dir.resolve("directory.json"), pki.signedDirectory);
        requester = NodeProcess.join(dir.resolve("xxb"), pki.node(XXB), anchor, directory);
        responder = NodeProcess.join(dir.resolve("uto"), pki.node(UTO), anchor, directory);
        byte[] agreement = TestAgreements.signed(pki, TestAgreements.draft("XXB-UTO-IDC", 1, "XXB/IMM", "UTO/IMM",
                "2020-01-01", "2099-12-31",
                TestAgreements.rule("XXB/IMM", "UTO/IMM", "identity,document-status", PURPOSE, "hit,biometric", 100,
                        30, false, "own-nationals,protected", 48),
                TestAgreements.rule("XXB/IMM", "UTO/IMM", "release", PURPOSE, "biographic,travel-history,documents",
                        2, 30, true, "own-nationals,protected", 48)), XXB, UTO);
        atRequester(node -> node.services.agreements().orElseThrow().install(agreement, ADMIN));
        atResponder(node -> {
            node.services.agreements().orElseThrow().install(agreement, ADMIN);
            node.services.database().inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO person(id, surname, given_names,"
                        + " date_of_birth, nationality, sex, created_at) VALUES (?, ?, 'CHIDI', ?, 'XXB', 'M', ?)")) {
                    Sql.bindAll(insert, FOREIGNER, FOREIGNER_SURNAME, LocalDate.of(1981, 5, 9), Instant.now());
                    return insert.executeUpdate();
                }
            });
            return node.services.biometrics().enrol(FOREIGNER, FOREIGNER_SURNAME, List.of(
                    new FingerCapture(FingerPosition.RIGHT_INDEX, FvcSamples.file("DB1_B", "101_1.tif"), 500),
                    new FingerCapture(FingerPosition.LEFT_INDEX, FvcSamples.file("DB1_B", "102_1.tif"), 500)),
                    List.of(), null, ADMIN);
        });
    }

    private static String probe(Node node, ProbeFinger... fingers) {
        return confirmation(node).probes().send(new ProbeRequest(NodeIdentity.parse(UTO), "identity", PURPOSE,
                List.of(fingers), null, null, CASE, null), LIAISON).id();
    }

    private static ReleaseRequest release(String probeId, List<String> categories) {
        return new ReleaseRequest(probeId, CASE, PURPOSE, categories, null, null);
    }

    private static void assertRefused(Releases releases, String probeId, List<String> categories, Refusal reason) {
        assertThatThrownBy(() -> releases.ask(release(probeId, categories), LIAISON)).as(reason.code())
                .isInstanceOfSatisfying(QuestionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static Confirmation confirmation(Node node) {
        return node.services.confirmation().orElseThrow();
    }

    private <T> T atRequester(NodeWork<T> work) throws Exception {
        return at(requester, work);
    }

    private <T> T atResponder(NodeWork<T> work) throws Exception {
        return at(responder, work);
    }

    /** What a person does at a node. */
    private interface NodeWork<T> {
        T apply(Node node) throws Exception;
    }

    /** Opens the stopped node in this JVM, as a shell command on its data folder does. */
    private static <T> T at(NodeProcess process, NodeWork<T> work) throws Exception {
        if (process.running()) {
            throw new IllegalStateException("stop " + process.node + " first: H2 lets one process open its store");
        }
        try (Node node = Node.open(process.data, process.environment(), Clock.systemUTC())) {
            return work.apply(node);
        }
    }

    /** Reads the store of a stopped node with the helpers of the in-process tests. */
    private static <T> T read(NodeProcess process, Function<ConfirmationSide, T> work) {
        try (Database database = Database.open(process.store)) {
            return work.apply(new ConfirmationSide(process.node, null, null, database, null, null, null));
        }
    }

    private static long count(NodeProcess process, String sql, Object... values) {
        return read(process, side -> side.count(sql, values));
    }

    /** Waits up to a minute: prints are matched, and nodes started, on two shared cores. */
    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited a minute for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** Messages the running node has processed, as its exchange status counts them. */
    private static long processed(NodeProcess process) {
        try {
            return process.total("processed");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<byte[]> inboxWires(NodeProcess process, String type) {
        return read(process, side -> side.inbox(type).stream().map(ConfirmationSide.InboxRow::wire).toList());
    }

    /**
     * The files of the data folder that hold the template, the embedded database's own file included: an erased
     * row's bytes stay in a dead page of it, which is why a probe is stored sealed under a key dropped at erasure.
     */
    private static List<Path> filesHolding(Path data, String base64) throws Exception {
        byte[] raw = Base64.getDecoder().decode(base64);
        String rawNeedle = new String(raw, raw.length / 4, 45, StandardCharsets.ISO_8859_1);
        String textNeedle = base64.substring(base64.length() / 4, base64.length() / 4 + 60);
        try (Stream<Path> files = Files.walk(data)) {
            List<Path> holding = new ArrayList<>();
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (bytes.contains(rawNeedle) || bytes.contains(textNeedle)) {
                    holding.add(file);
                }
            }
            return holding;
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
