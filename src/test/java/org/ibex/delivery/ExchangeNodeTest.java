package org.ibex.delivery;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.Checkpoint;
import org.ibex.audit.Signer;
import org.ibex.trust.NodeCredentials;
import org.ibex.trust.NodeIdentity;
import org.ibex.trust.SignedEnvelope;
import org.ibex.store.Database;
import org.ibex.delivery.RunningNodes.Running;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes assembled as {@code ibex serve} assembles them, talking over mutual TLS on loopback. */
class ExchangeNodeTest {
    private static final String POST = "UTO/IMM/POST-ARL";
    private static final String HQ = "UTO/IMM/HQ";
    @TempDir
    Path dir;
    private RunningNodes nodes;
    private TestFederation pki;

    @BeforeEach
    void nodes() {
        nodes = new RunningNodes(dir);
    }

    @AfterEach
    void close() throws Exception {
        nodes.close();
    }

    private Running start(String id, Database database) throws Exception {
        return nodes.start(pki, id, database, Duration.ofMinutes(10));
    }

    private Database database() {
        return nodes.database();
    }

    @Test
    void aPingIsAnsweredByAPongThroughTheSameStoreAndForwardPath() throws Exception {
        pki = new TestFederation(RunningNodes.endpoints(POST, HQ));
        Running post = start(POST, database());
        Running hq = start(HQ, database());

        SignedEnvelope ping = post.exchange().send(post.exchange().message(NodeIdentity.parse(HQ), "exchange.ping",
                "link check", "text/plain", "are you there".getBytes(StandardCharsets.UTF_8)));

        RunningNodes.await("the pong is processed at the post", () -> post.exchange().totals().processed() == 1);
        InboxEntry atHq = hq.exchange().recentInbox(10).get(0);
        InboxEntry pong = post.exchange().recentInbox(10).get(0);
        assertThat(atHq.type()).isEqualTo("exchange.ping");
        assertThat(atHq.outcome()).isEqualTo("answered with " + pong.id());
        assertThat(pong.type()).isEqualTo("exchange.pong");
        assertThat(pong.outcome()).isEqualTo("pong from " + HQ);
        assertThat(ping.token()).isNotBlank();
        RunningNodes.await("the pong's receipt reaches HQ", () -> hq.exchange().totals().delivered() == 1);
        // The post settles its ping on its own sender thread, which may commit after HQ's pong has gone round.
        RunningNodes.await("the ping's receipt is recorded at the post",
                () -> post.exchange().totals().delivered() == 1);
        assertThat(post.exchange().totals()).isEqualTo(new ExchangeTotals(1, 1, 0, 1, 0));
        assertThat(hq.exchange().peers()).singleElement().satisfies(peer -> {
            assertThat(peer.peer()).isEqualTo(POST);
            assertThat(peer.backlog()).isZero();
            assertThat(peer.lastContact()).isNotNull();
        });
        for (String kind : List.of("exchange.queued", "exchange.sent", "exchange.received", "exchange.processed")) {
            assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = '" + kind + "'")).as(kind).isEqualTo(1);
        }
    }

    @Test
    void peersWitnessCheckpointsAndCatchARewrittenHistory() throws Exception {
        pki = new TestFederation(RunningNodes.endpoints(POST, HQ));
        Database postDatabase = database();
        Running post = start(POST, postDatabase);
        Running hq = start(HQ, database());
        Signer signer = Signer.generate();
        assertThat(post.exchange().shareCheckpoint(signer)).as("an empty log has nothing to vouch for").isEmpty();
        for (int i = 0; i < 3; i++) {
            postDatabase.inTransaction(connection -> post.audit().append(connection, new AuditEntry.Draft("test.entry",
                    "test", null, "original")));
        }

        Checkpoint first = post.exchange().shareCheckpoint(signer).orElseThrow();

        RunningNodes.await("HQ keeps the post's checkpoint", () -> hq.count("SELECT COUNT(*) FROM exchange_witnessed_checkpoint"
                + " WHERE node = '" + POST + "' AND seq = " + first.seq() + " AND head_digest = '" + first.hash() + "'") == 1);

        // The post's database restored from nothing and written again: same positions, other history.
        post.exchange().close();
        Database rewritten = database();
        Running again = start(POST, rewritten);
        for (long seq = 0; seq < first.seq(); seq++) {
            rewritten.inTransaction(connection -> again.audit().append(connection, new AuditEntry.Draft("test.filler",
                    "test", null, "rewritten")));
        }
        Checkpoint forged = again.exchange().shareCheckpoint(signer).orElseThrow();

        assertThat(forged.seq()).isEqualTo(first.seq());
        assertThat(forged.hash()).isNotEqualTo(first.hash());
        RunningNodes.await("HQ records the conflict", () -> hq.count("SELECT COUNT(*) FROM audit_entry"
                + " WHERE kind = 'audit.checkpoint-conflict' AND actor = '" + POST + "'") == 1);
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_witnessed_checkpoint WHERE node = '" + POST + "'"))
                .as("the first witness is kept, never overwritten").isEqualTo(1);
    }

    @Test
    void aCertifiedNodeMissingFromTheDirectoryIsRefusedAsUnknown() throws Exception {
        pki = new TestFederation(RunningNodes.endpoints(POST, HQ));
        Running hq = start(HQ, database());
        NodeCredentials ghost = pki.state.issue(NodeIdentity.parse("UTO/IMM/GHOST"), TestFederation.LOOPBACK,
                Duration.ofDays(30));
        ghost.save(dir.resolve("ghost"), TestFederation.PASSPHRASE);
        SSLContext ghostTls = pki.federation.sslContext(dir.resolve("ghost").resolve(NodeCredentials.KEY_STORE),
                TestFederation.PASSPHRASE);
        SignedEnvelope envelope = new org.ibex.trust.EnvelopeSigner(ghost.key(), ghost.chain()).sign(
                org.ibex.trust.Envelope.create(ghost.node(), hq.exchange().node(), "exchange.note", "haunting",
                        "text/plain", new byte[]{1}, Instant.now(), Duration.ofHours(1)));

        HttpResponse<byte[]> response = post(ghostTls, pki.node(HQ).endpoint().resolve(InboxServer.PATH),
                envelope.toWire());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("unknown-node");
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.rejected'"
                + " AND detail LIKE 'unknown-node%'")).isEqualTo(1);
        assertThat(hq.exchange().totals().received()).isZero();
    }

    @Test
    void aBatchIsAnsweredPerEnvelopeWithOneReceiptForWhatWasStored() throws Exception {
        pki = new TestFederation(RunningNodes.endpoints(POST, HQ));
        Running hq = start(HQ, database());
        NodeCredentials postKey = pki.node(POST);
        Path saved = dir.resolve("post-tls");
        postKey.save(saved, TestFederation.PASSPHRASE);
        SSLContext postTls = pki.federation.sslContext(saved.resolve(NodeCredentials.KEY_STORE), TestFederation.PASSPHRASE);
        org.ibex.trust.EnvelopeSigner signer = new org.ibex.trust.EnvelopeSigner(postKey.key(), postKey.chain());
        byte[] good = signer.sign(note(postKey, "good")).toWire();
        byte[] forged = signer.sign(note(postKey, "forged")).toWire();
        forged[forged.length - 1] ^= 1;
        URI batchPath = pki.node(HQ).endpoint().resolve(InboxServer.BATCH_PATH);
        post(postTls, batchPath, Frames.encode(List.of(good)));

        BatchReply reply = BatchReply.parse(post(postTls, batchPath, Frames.encode(List.of(
                signer.sign(note(postKey, "fresh")).toWire(), forged, good))).body());

        assertThat(reply.items()).extracting(BatchReply.Item::status).containsExactly(BatchReply.Status.STORED,
                BatchReply.Status.REJECTED, BatchReply.Status.DUPLICATE);
        assertThat(reply.items().get(1).code()).isEqualTo("bad-signature");
        assertThat(reply.receiptWire()).isPresent();
        assertThat(hq.exchange().totals().received()).isEqualTo(2);
    }

    @Test
    void anAnsiNistTransactionLargerThanAChunkTravelsInChunksAndArrivesWhole() throws Exception {
        pki = new TestFederation(RunningNodes.endpoints(POST, HQ));
        Running post = start(POST, database());
        Running hq = start(HQ, database());
        byte[] transaction = Files.readAllBytes(Path.of(System.getProperty("ibex.shared", "../shared"),
                "data", "ansi-nist", "type-14-tpcard-nqm.an2"));

        post.exchange().send(post.exchange().message(NodeIdentity.parse(HQ), "exchange.note", "tenprint search",
                "application/x-ansi-nist", transaction));

        long chunks = post.count("SELECT COUNT(*) FROM exchange_outbox WHERE stream LIKE 'chunks/%'");
        assertThat(chunks).as("674,994 bytes in 256 KiB chunks").isEqualTo(3);
        RunningNodes.await("the joined transaction is processed at HQ", () -> hq.count("SELECT COUNT(*) FROM exchange_inbox"
                + " WHERE type = 'exchange.note' AND processed_at IS NOT NULL") == 1);
        byte[] arrived = hq.database().read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT wire FROM exchange_inbox"
                    + " WHERE type = 'exchange.note'"); ResultSet row = select.executeQuery()) {
                row.next();
                return Rows.payload(row.getBytes(1));
            }
        });
        assertThat(arrived).isEqualTo(transaction);
        assertThat(hq.exchange().recentInbox(10)).filteredOn(e -> e.type().equals("exchange.chunk"))
                .extracting(InboxEntry::outcome).contains("chunk 1 of 3", "chunk 2 of 3")
                .anySatisfy(outcome -> assertThat(outcome).startsWith("joined ").endsWith("from 3 chunks: STORED"));
        RunningNodes.await("every chunk is receipted", () -> post.exchange().totals().delivered() == 3);
    }

    @Test
    void anEnvelopeErasedByItsHandlerLeavesNoneOfItsContentInTheInboxNotEvenInItsChunks() throws Exception {
        pki = new TestFederation(RunningNodes.endpoints(POST, HQ));
        Running post = start(POST, database());
        ExchangeNode[] hqExchange = new ExchangeNode[1];
        Running hq = nodes.start(pki, HQ, database(), Duration.ofMinutes(10), exchange -> {
            hqExchange[0] = exchange;
            exchange.register("test.secret", (connection, message) -> {
                exchange.erase(connection, message.id());
                return "read and erased";
            });
        });
        byte[] transaction = Files.readAllBytes(Path.of(System.getProperty("ibex.shared", "../shared"),
                "data", "ansi-nist", "type-14-tpcard-nqm.an2"));

        org.ibex.trust.Envelope secret = post.exchange().message(NodeIdentity.parse(HQ), "test.secret",
                "identity-confirmation", "application/x-ansi-nist", transaction);
        String id = secret.id();
        post.exchange().send(secret);

        RunningNodes.await("the joined envelope is processed at HQ", () -> hq.count("SELECT COUNT(*) FROM"
                + " exchange_inbox WHERE type = 'test.secret' AND processed_at IS NOT NULL") == 1);
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_inbox WHERE (envelope_id = '" + id + "' OR stream = 'chunks/"
                + id + "') AND erased_at IS NOT NULL AND wire_sha256 IS NOT NULL"))
                .as("the envelope and its three chunks are marked erased").isEqualTo(4);
        String slice = new String(java.util.Arrays.copyOfRange(transaction, 300_000, 300_064),
                StandardCharsets.ISO_8859_1);
        List<byte[]> wires = hq.database().read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT wire FROM exchange_inbox")) {
                return org.ibex.store.Sql.list(select, row -> row.getBytes(1));
            }
        });
        assertThat(wires.stream().filter(wire -> new String(wire, StandardCharsets.ISO_8859_1).contains(slice)))
                .as("no stored wire holds a slice of the content").isEmpty();
        java.util.Optional<String> unknown = hq.database().inTransaction(c -> hqExchange[0].erase(c,
                "no-such-envelope"));
        assertThat(unknown).as("nothing to erase").isEmpty();
    }

    private static org.ibex.trust.Envelope note(NodeCredentials from, String text) {
        return org.ibex.trust.Envelope.create(from.node(), NodeIdentity.parse(HQ), "exchange.note", "test",
                "text/plain", text.getBytes(StandardCharsets.UTF_8), Instant.now(), Duration.ofHours(1));
    }

    private static HttpResponse<byte[]> post(SSLContext tls, URI uri, byte[] body) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
