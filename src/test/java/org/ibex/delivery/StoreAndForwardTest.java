package org.ibex.delivery;

import org.ibex.trust.Receipts;
import org.ibex.trust.VerifiedEnvelope;
import org.ibex.trust.SignedEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two (or three) in-process nodes, each with its own database, exchanging messages over real mutual TLS. */
class StoreAndForwardTest {
    private static final String POST = "UTO/IMM/POST-ARL";
    private static final String HQ = "UTO/POLICE/HQ";
    private static final String ROGUE = "UTO/IMM/POST-BAD";

    @TempDir
    Path dir;

    private TestNodes nodes;

    @BeforeEach
    void nodes() {
        nodes = new TestNodes(dir);
    }

    @AfterEach
    void closeNodes() {
        nodes.close();
    }

    @Test
    void deliversTwoHundredMessagesOnOneStreamInOrderAndProcessesEachExactlyOnce() throws Exception {
        TestFederation pki = new TestFederation(POST, HQ);
        TestNode post = node(pki, POST);
        TestNode hq = listening(pki, HQ, post);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(post.enqueue(post.message(hq.id(), "crossings", "record " + i)).token());
        }

        int delivered = post.sender.deliverDue();
        int processed = hq.processor.processAvailable();

        assertThat(delivered).isEqualTo(200);
        assertThat(post.count("SELECT COUNT(*) FROM exchange_outbox o"
                + " JOIN exchange_receipt r ON r.digest = o.receipt_digest WHERE o.state = 'DELIVERED'"))
                .isEqualTo(200);
        assertThat(processed).isEqualTo(200);
        assertThat(hq.processor.processAvailable()).as("nothing is processed twice").isZero();
        assertThat(hq.handled).as("handled in stream order").containsExactlyElementsOf(outboxIdsBySequence(post));
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.received'")).isEqualTo(200);
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'test.handled'")).isEqualTo(200);
        assertThat(post.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.sent'")).isEqualTo(200);
        assertThat(post.count("SELECT MIN(sequence) * 1000 + MAX(sequence) FROM exchange_outbox"))
                .as("sequences 1..200 given by the outbox").isEqualTo(1200);
        assertThat(sent).hasSize(200);
    }

    @Test
    void twoProcessesOnOneDatabaseSendInTurnAndTheStandbyCarriesOnWhenTheActiveOneStops() throws Exception {
        TestFederation pki = new TestFederation(POST, HQ);
        TestNode post = node(pki, POST);
        TestNode hq = listening(pki, HQ, post);
        // A second process on the post's database, as a standby beside the active node on one PostgreSQL server.
        Sender standby = post.senderAs("standby " + POST);
        for (int i = 0; i < 3; i++) {
            post.enqueue(post.message(hq.id(), "crossings", "record " + i));
        }
        assertThat(post.sender.deliverDue()).isEqualTo(3);
        for (int i = 3; i < 5; i++) {
            post.enqueue(post.message(hq.id(), "crossings", "record " + i));
        }

        assertThat(standby.deliverDue()).as("the active node holds the lease").isZero();
        assertThat(standby.lease()).isEqualTo(new SenderLease.State(post.leaseHolder(), false));
        assertThat(post.count("SELECT COUNT(*) FROM exchange_outbox WHERE state = 'PENDING'")).isEqualTo(2);
        post.sender.close();
        RunningNodes.await("the standby sends what the stopped node left", () -> standby.deliverDue() == 2);

        assertThat(hq.processor.processAvailable()).isEqualTo(5);
        assertThat(hq.handled).containsExactlyElementsOf(outboxIdsBySequence(post));
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.duplicate'"))
                .as("nothing was sent twice").isZero();
        assertThat(post.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.sent'")).isEqualTo(5);
    }

    @Test
    void keepsMessagesPendingWhileTheReceiverIsDownAndDeliversEachOnceWhenItIsBack() throws Exception {
        TestFederation pki = new TestFederation(POST, HQ);
        TestNode post = node(pki, POST);
        TestNode hq = listening(pki, HQ, post);
        int port = hq.port();
        hq.stopServer();
        for (int i = 0; i < 5; i++) {
            post.enqueue(post.message(hq.id(), "crossings", "record " + i));
        }

        assertThat(post.sender.deliverDue()).isZero();
        assertThat(post.sender.deliverDue()).as("a second pass at once waits for the backoff").isZero();
        post.schedule.advance(Duration.ofMinutes(2));
        assertThat(post.sender.deliverDue()).isZero();

        assertThat(post.count("SELECT COUNT(*) FROM exchange_outbox WHERE state = 'PENDING'")).isEqualTo(5);
        assertThat(post.count("SELECT attempts FROM exchange_outbox WHERE sequence = 1"))
                .as("the head was tried once per due pass").isEqualTo(2);
        assertThat(post.count("SELECT COUNT(*) FROM exchange_outbox WHERE attempts = 2"))
                .as("a stream is retried as one batch, in sequence order").isEqualTo(5);
        assertThat(post.count("SELECT COUNT(*) FROM exchange_outbox WHERE sequence = 1 AND next_attempt_at > "
                + "created_at AND last_error IS NOT NULL")).isEqualTo(1);
        PeerStatus status = post.sender.peers().get(0);
        assertThat(status.peer()).isEqualTo(HQ);
        assertThat(status.backlog()).isEqualTo(5);
        assertThat(status.lastContact()).isNull();
        assertThat(status.lastError()).contains("cannot reach");

        hq.startServer(port);
        post.schedule.advance(Duration.ofMinutes(2));
        // A new sender over the same table: a restarted process carries on from what is stored.
        Sender restarted = post.senderAs(post.leaseHolder());

        assertThat(restarted.deliverDue()).isEqualTo(5);
        assertThat(hq.processor.processAvailable()).isEqualTo(5);
        assertThat(hq.handled).containsExactlyElementsOf(outboxIdsBySequence(post));
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_inbox")).isEqualTo(5);
        assertThat(restarted.peers().get(0).backlog()).isZero();
        assertThat(restarted.peers().get(0).lastContact()).isNotNull();
    }

    @Test
    void aPeerThatReachesThisNodeIsRetriedAtOnceInsteadOfAtTheEndOfItsBackoff() throws Exception {
        TestFederation pki = new TestFederation(POST, HQ);
        TestNode post = node(pki, POST);
        TestNode hq = listening(pki, HQ, post);
        int port = hq.port();
        hq.stopServer();
        post.startServer(0);
        hq.peers.put(POST, post.endpoint());
        for (int i = 0; i < 3; i++) {
            post.enqueue(post.message(hq.id(), "crossings", "record " + i));
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            post.schedule.advance(Duration.ofMinutes(2));
            assertThat(post.sender.deliverDue()).as("HQ is down").isZero();
        }
        hq.startServer(port);
        assertThat(post.sender.deliverDue()).as("the backoff still runs: nothing says HQ is back").isZero();

        // HQ's own message to the post is the sign that the link works again.
        hq.enqueue(hq.message(post.id(), null, "HQ is back"));
        assertThat(hq.sender.deliverDue()).isEqualTo(1);

        assertThat(post.sender.deliverDue()).as("due at once, the clock unmoved").isEqualTo(3);
        assertThat(hq.processor.processAvailable()).isEqualTo(3);
        assertThat(hq.handled).containsExactlyElementsOf(outboxIdsBySequence(post));
    }

    @Test
    void answersARepeatedEnvelopeWithAFreshReceiptAndDoesNotProcessItTwice() throws Exception {
        TestFederation pki = new TestFederation(POST, HQ);
        TestNode post = node(pki, POST);
        TestNode hq = listening(pki, HQ, post);
        SignedEnvelope signed = post.enqueue(post.message(hq.id(), null, "once"));
        post.sender.deliverDue();
        hq.processor.processAvailable();

        HttpResponse<byte[]> again = postWire(post.tls, hq.endpoint(), signed.toWire());

        assertThat(again.statusCode()).isEqualTo(200);
        VerifiedEnvelope receipt = post.verifier.verify(again.body());
        assertThat(receipt.sender()).isEqualTo(hq.id());
        assertThat(Receipts.proofsIn(receipt.envelope())).singleElement()
                .satisfies(proof -> assertThat(proof.receivedId()).isEqualTo(outboxIdsBySequence(post).get(0)));
        assertThat(hq.processor.processAvailable()).isZero();
        assertThat(hq.handled).hasSize(1);
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_inbox")).isEqualTo(1);
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.duplicate'")).isEqualTo(1);
    }

    @Test
    void refusesAClientWithoutAFederationCertificate() throws Exception {
        TestFederation pki = new TestFederation(POST, HQ);
        TestNode post = node(pki, POST);
        TestNode hq = listening(pki, HQ, post);
        SignedEnvelope signed = post.signer.sign(post.message(hq.id(), null, "anonymous"));

        assertThatThrownBy(() -> postWire(anonymous(pki), hq.endpoint(), signed.toWire()))
                .isInstanceOf(IOException.class);
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_inbox")).isZero();
    }

    @Test
    void rejectsAndAuditsAnEnvelopeWhoseSenderIsNotTheTlsPeer() throws Exception {
        TestFederation pki = new TestFederation(POST, HQ, ROGUE);
        TestNode post = node(pki, POST);
        TestNode rogue = node(pki, ROGUE);
        TestNode hq = listening(pki, HQ, post);
        SignedEnvelope forged = rogue.signer.sign(rogue.message(hq.id(), null, "in another's name"));

        HttpResponse<byte[]> response = postWire(post.tls, hq.endpoint(), forged.toWire());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("sender-mismatch");
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_inbox")).isZero();
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.rejected' AND actor = '"
                + POST + "' AND detail LIKE 'sender-mismatch%'")).isEqualTo(1);
    }

    @Test
    void marksAMessageRejectedWhenTheReceiverRefusesIt() throws Exception {
        TestFederation pki = new TestFederation(POST, HQ, ROGUE);
        TestNode post = node(pki, POST);
        TestNode other = listening(pki, ROGUE, post);
        TestNode hq = node(pki, HQ);
        // Given a directory error: HQ's messages go to another node, which is not their recipient.
        post.peers.put(HQ, other.endpoint());
        post.enqueue(post.message(hq.id(), "crossings", "misrouted"));

        assertThat(post.sender.deliverDue()).isEqualTo(1);

        assertThat(post.count("SELECT COUNT(*) FROM exchange_outbox WHERE state = 'REJECTED'"
                + " AND last_error LIKE '%wrong-recipient%'")).isEqualTo(1);
        assertThat(post.sender.peers().get(0).rejected()).isEqualTo(1);
        assertThat(post.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.send-rejected'"))
                .isEqualTo(1);
        assertThat(other.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.rejected'")).isEqualTo(1);
    }

    private TestNode node(TestFederation pki, String id) throws Exception {
        return nodes.node(pki, id);
    }

    private TestNode listening(TestFederation pki, String id, TestNode client) throws Exception {
        TestNode node = node(pki, id);
        node.startServer(0);
        client.peers.put(id, node.endpoint());
        return node;
    }

    private static List<String> outboxIdsBySequence(TestNode node) {
        return node.database.read(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT envelope_id FROM exchange_outbox ORDER BY sequence"); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
            return ids;
        });
    }

    private static HttpResponse<byte[]> postWire(SSLContext tls, URI endpoint, byte[] wire) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(endpoint.resolve(InboxServer.PATH)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(wire)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Trusts the federation's servers but has no certificate of its own to show. */
    private static SSLContext anonymous(TestFederation pki) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("anchor", pki.root.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
