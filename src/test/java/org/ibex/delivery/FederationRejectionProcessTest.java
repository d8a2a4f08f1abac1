package org.ibex.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.trust.CertificateAuthority;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.Envelope;
import org.ibex.trust.EnvelopeSigner;
import org.ibex.trust.EnvelopeVerifier;
import org.ibex.trust.Federation;
import org.ibex.trust.FederationDirectory;
import org.ibex.trust.NodeCredentials;
import org.ibex.trust.NodeIdentity;
import org.ibex.trust.Receipts;
import org.ibex.trust.Revocation;
import org.ibex.trust.RevocationReason;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HQ runs as its own {@code ibex serve} process; this test plays the other nodes over real mutual TLS 1.3 and sends
 * it envelopes that must be refused, each with its HTTP status, its code and one audit entry, or not let in at all.
 */
class FederationRejectionProcessTest {
    private static final NodeIdentity HQ = NodeIdentity.parse("UTO/POLICE/HQ");
    private static final NodeIdentity POST = NodeIdentity.parse("UTO/IMM/POST-ARL");
    private static final NodeIdentity SEAPORT = NodeIdentity.parse("UTO/IMM/POST-SEA");
    private static final NodeIdentity REVOKED = NodeIdentity.parse("UTO/IMM/POST-OLD");
    private static final NodeIdentity LAPSED = NodeIdentity.parse("UTO/IMM/POST-LAPSED");
    private static final NodeIdentity UNLISTED = NodeIdentity.parse("UTO/IMM/POST-NEW");
    /** Nodes other than HQ never listen; their certificates still need an endpoint. */
    private static final URI NOWHERE = URI.create("https://127.0.0.1:9");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CertificateAuthority root;
    private CertificateAuthority state;
    private List<NodeCredentials> listed;
    private Federation federation;
    private NodeCredentials post;
    private NodeCredentials revoked;
    private NodeCredentials lapsed;
    private NodeCredentials unlisted;
    private NodeProcess hq;

    /**
     * A federation set up ten days ago, so that a certificate issued then for one day has expired while the chain
     * above it is valid; HQ serves it from a data folder joined like an operator's.
     */
    @BeforeEach
    void startHq() throws Exception {
        Clock tenDaysAgo = Clock.offset(Clock.systemUTC(), Duration.ofDays(-10));
        root = CertificateAuthority.createRoot("Federation root", tenDaysAgo, new SecureRandom());
        state = root.createState("UTO");
        NodeCredentials hqCredentials = state.issue(HQ, URI.create("https://127.0.0.1:" + NodeProcess.freePort()),
                Duration.ofDays(30));
        post = state.issue(POST, NOWHERE, Duration.ofDays(30));
        NodeCredentials seaport = state.issue(SEAPORT, NOWHERE, Duration.ofDays(30));
        revoked = state.issue(REVOKED, NOWHERE, Duration.ofDays(30));
        lapsed = state.issue(LAPSED, NOWHERE, Duration.ofDays(1));
        unlisted = state.issue(UNLISTED, NOWHERE, Duration.ofDays(30));
        Instant now = Instant.now();
        listed = List.of(hqCredentials, post, seaport, revoked, lapsed);
        FederationDirectory directory = new FederationDirectory(1, "UTO state CA", now, now.plus(Duration.ofDays(1)),
                listed(listed.toArray(NodeCredentials[]::new)),
                List.of(new Revocation(revoked.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE, now)));
        byte[] signed = directory.signedBy(state);
        Path directoryFile = Files.write(dir.resolve("directory.json"), signed);
        federation = Federation.join(signed, root.certificate(), Clock.systemUTC());
        hq = NodeProcess.join(dir.resolve("hq"), hqCredentials, NodeProcess.writeAnchor(dir.resolve("root"), root),
                directoryFile).setting("exchange.directory-seconds", "1").start();
    }

    @AfterEach
    void killHq() {
        if (hq != null) {
            hq.close();
        }
    }

    @Test
    void refusesForgedStaleMisaddressedAndUnlistedEnvelopesWithTheirCodesAndAuditsEachRefusalOnce()
            throws Exception {
        SSLContext postTls = tls(post);
        SignedEnvelope good = sign(post, message(post, HQ, Instant.now(), "crossing at Arlen"));
        List<Refusal> refusals = List.of(
                new Refusal("payload altered after signing", postTls, withLastPayloadByteFlipped(good), 403,
                        "bad-signature", POST),
                new Refusal("signature altered", postTls, withSignatureAltered(good), 403, "bad-signature", POST),
                new Refusal("signed by a revoked certificate, sent over a valid node's TLS", postTls,
                        wire(revoked, message(revoked, HQ, Instant.now(), "after revocation")), 403,
                        "revoked-certificate", POST),
                new Refusal("signed by an expired certificate, sent over a valid node's TLS", postTls,
                        wire(lapsed, message(lapsed, HQ, Instant.now(), "after expiry")), 403,
                        "expired-certificate", POST),
                new Refusal("addressed to another node", postTls,
                        wire(post, message(post, SEAPORT, Instant.now(), "for the seaport")), 400,
                        "wrong-recipient", POST),
                new Refusal("past its expiry", postTls,
                        wire(post, message(post, HQ, Instant.now().minus(Duration.ofHours(2)), "stale")), 400,
                        "expired", POST),
                new Refusal("created ten minutes ahead", postTls,
                        wire(post, message(post, HQ, Instant.now().plus(Duration.ofMinutes(10)), "early")), 400,
                        "outside-window", POST),
                new Refusal("from a certified node the directory does not list", tls(unlisted),
                        wire(unlisted, message(unlisted, HQ, Instant.now(), "not yet published")), 403,
                        "unknown-node", UNLISTED));

        for (Refusal refusal : refusals) {
            HttpResponse<byte[]> response = postEnvelope(refusal.tls(), refusal.wire());
            JsonNode body = JSON.readTree(response.body());
            assertThat(response.statusCode()).as("%s: %s", refusal.name(), body).isEqualTo(refusal.status());
            assertThat(body.path("code").asText()).as(refusal.name()).isEqualTo(refusal.code());
            assertThat(body.path("message").asText()).as(refusal.name()).isNotBlank();
        }
        hq.stop();

        assertThat(dir.resolve("hq").resolve("ibex.trace.db")).as("a clean stop leaves H2 nothing to complain of")
                .doesNotExist();
        assertThat(rejectionsAudited()).as("one entry per refusal: code and the TLS peer it came from")
                .containsExactlyInAnyOrderElementsOf(refusals.stream()
                        .map(refusal -> refusal.code() + " from " + refusal.peer()).toList());
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_inbox")).as("nothing refused is stored").isZero();
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.processed'")).isZero();
    }

    @Test
    void aRevocationInstalledWhileHqServesShutsThatNodeOutWithoutARestart() throws Exception {
        assertThat(postEnvelope(tls(post), wire(post, message(post, HQ, Instant.now(), "before"))).statusCode())
                .isEqualTo(200);
        Instant now = Instant.now();
        byte[] second = new FederationDirectory(2, "UTO state CA", now, now.plus(Duration.ofDays(1)),
                listed(listed.toArray(NodeCredentials[]::new)), List.of(
                new Revocation(revoked.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE, now),
                new Revocation(post.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE, now)))
                .signedBy(state);
        Path file = Files.write(dir.resolve("directory-2.json"), second);

        int installed = hq.command("exchange", "directory", "--data", dir.resolve("hq").toString(), "--install",
                file.toString());

        assertThat(installed).as(hq.logTail()).isZero();
        assertThat(hq.logTail()).contains("installed directory 2 (was 1)");
        Instant deadline = Instant.now().plusSeconds(30);
        // The adoption is reported once it is written and audited, a moment after the directory is in force.
        while (hq.exchangeStatus().path("directoryLastAdopted").path("inForce").asLong() != 2) {
            assertThat(Instant.now()).as("HQ adopts directory 2 while serving\n" + hq.logTail()).isBefore(deadline);
            Thread.sleep(200);
        }
        JsonNode status = hq.exchangeStatus();
        assertThat(status.path("directorySequence").asLong()).isEqualTo(2);
        assertThat(status.path("directoryLastAdopted").path("source").asText()).isEqualTo("operator");
        assertThatThrownBy(() -> postEnvelope(tls(post), wire(post, message(post, HQ, Instant.now(), "after"))))
                .as("the post's certificate is now revoked at the handshake").isInstanceOf(IOException.class);
        NodeCredentials seaport = listed.get(2);
        assertThat(postEnvelope(tls(seaport), wire(seaport, message(seaport, HQ, Instant.now(), "still welcome")))
                .statusCode()).isEqualTo(200);
        hq.stop();
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.directory-adopted'"
                + " AND actor = 'operator' AND subject = 'directory 2'")).isEqualTo(1);
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_inbox")).isEqualTo(2);
    }

    @Test
    void storesAnEnvelopeOnceAnswersItsExactResendWithAReceiptAndRefusesItsIdWithOtherContent() throws Exception {
        SSLContext postTls = tls(post);
        Envelope first = message(post, HQ, Instant.now(), "crossing 1");
        byte[] original = wire(post, first);

        HttpResponse<byte[]> stored = postEnvelope(postTls, original);
        HttpResponse<byte[]> replayed = postEnvelope(postTls,
                wire(post, first.withPayload("crossing 1, edited".getBytes(StandardCharsets.UTF_8))));
        HttpResponse<byte[]> resent = postEnvelope(postTls, original);

        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(acknowledgedIds(stored)).containsExactly(first.id());
        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(replayed.body()).path("code").asText()).isEqualTo("replayed");
        assertThat(resent.statusCode()).as("an identical resend is a retry, not a replay").isEqualTo(200);
        assertThat(acknowledgedIds(resent)).containsExactly(first.id());
        assertThat(resent.body()).as("a fresh receipt").isNotEqualTo(stored.body());
        hq.stop();
        assertThat(rejectionsAudited()).containsExactly("replayed from " + POST);
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_inbox WHERE envelope_id = '" + first.id() + "'"))
                .as("one row for the id").isEqualTo(1);
        byte[] kept = hq.read(connection -> storedWire(connection, first.id()));
        assertThat(kept).as("the first content is kept").isEqualTo(original);
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.received'")).isEqualTo(1);
        assertThat(hq.count("SELECT COUNT(*) FROM audit_entry WHERE kind = 'exchange.duplicate'")).isEqualTo(1);
    }

    @Test
    void refusesTheTlsHandshakeOfClientsWithoutAValidCertificateOfThisFederationAndServesOthersAfterwards()
            throws Exception {
        byte[] envelope = wire(post, message(post, HQ, Instant.now(), "over a refused connection"));
        NodeCredentials impostor = CertificateAuthority.createRoot("Other federation", Clock.systemUTC(),
                new SecureRandom()).createState("UTO").issue(POST, NOWHERE, Duration.ofDays(30));

        assertThatThrownBy(() -> postEnvelope(withoutCertificate(), envelope)).as("no client certificate")
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> postEnvelope(tls(impostor), envelope))
                .as("a certificate for the same node id from another federation's root")
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> postEnvelope(tls(revoked), envelope)).as("a revoked certificate")
                .isInstanceOf(IOException.class);
        assertThat(postEnvelope(tls(post), envelope).statusCode()).as("HQ still serves valid peers").isEqualTo(200);

        hq.stop();
        assertThat(hq.count("SELECT COUNT(*) FROM exchange_inbox")).as("only the valid peer's envelope").isEqualTo(1);
        assertThat(rejectionsAudited()).as("refused connections never reach the inbox").isEmpty();
    }

    /** One envelope HQ must refuse: what it is, how it is sent, and the answer and audit entry it must get. */
    private record Refusal(String name, SSLContext tls, byte[] wire, int status, String code, NodeIdentity peer) {
    }

    private static List<DirectoryEntry> listed(NodeCredentials... nodes) {
        return Arrays.stream(nodes).map(n -> DirectoryEntry.of(n.node(), n.endpoint(), n.certificate())).toList();
    }

    private static Envelope message(NodeCredentials from, NodeIdentity to, Instant created, String text) {
        return Envelope.create(from.node(), to, "exchange.note", "rejection test", "text/plain",
                text.getBytes(StandardCharsets.UTF_8), created, Duration.ofHours(1));
    }

    private static SignedEnvelope sign(NodeCredentials signer, Envelope envelope) {
        return new EnvelopeSigner(signer.key(), signer.chain()).sign(envelope);
    }

    private static byte[] wire(NodeCredentials signer, Envelope envelope) {
        return sign(signer, envelope).toWire();
    }

    private static byte[] withLastPayloadByteFlipped(SignedEnvelope signed) {
        byte[] wire = signed.toWire();
        wire[wire.length - 1] ^= 0x01;
        return wire;
    }

    /** One character in the middle of the ES256 signature changed: still base64url, no longer the signature. */
    private static byte[] withSignatureAltered(SignedEnvelope signed) {
        String token = signed.token();
        int at = token.lastIndexOf('.') + 20;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return new SignedEnvelope(token.substring(0, at) + replacement + token.substring(at + 1), signed.payload())
                .toWire();
    }

    /** The node's mutual-TLS context as a node builds it: its key store, HQ's anchor and revocations. */
    private SSLContext tls(NodeCredentials node) throws Exception {
        Path folder = dir.resolve("clients").resolve(node.node().toString().replace('/', '_')
                + "-" + node.certificate().getSerialNumber().toString(16));
        node.save(folder, NodeProcess.PASSPHRASE);
        return federation.sslContext(folder.resolve(NodeCredentials.KEY_STORE), NodeProcess.PASSPHRASE);
    }

    /** Trusts HQ's anchor but has no certificate of its own to show. */
    private SSLContext withoutCertificate() throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("anchor", root.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private HttpResponse<byte[]> postEnvelope(SSLContext tls, byte[] wire) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(hq.exchangeEndpoint.resolve(InboxServer.PATH))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofByteArray(wire)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The ids HQ's signed receipt acknowledges, after checking it as POST would. */
    private List<String> acknowledgedIds(HttpResponse<byte[]> response) throws Exception {
        EnvelopeVerifier verifier = new EnvelopeVerifier(Set.of(root.certificate()),
                federation.directory().revokedSerials()::contains, POST, Clock.systemUTC(), Duration.ofMinutes(5),
                Duration.ofMinutes(1), (key, created) -> true);
        Envelope receipt = verifier.verify(response.body()).envelope();
        assertThat(receipt.sender()).isEqualTo(HQ);
        return Receipts.proofsIn(receipt).stream().map(Receipts.Proof::receivedId).toList();
    }

    /** HQ's {@code exchange.rejected} entries as "code from peer". */
    private List<String> rejectionsAudited() {
        return hq.read(connection -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT detail, actor FROM audit_entry"
                    + " WHERE kind = 'exchange.rejected' ORDER BY seq"); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String detail = row.getString(1);
                    rows.add(detail.substring(0, Math.max(0, detail.indexOf(':'))) + " from " + row.getString(2));
                }
            }
            return rows;
        });
    }

    private static byte[] storedWire(java.sql.Connection connection, String id) throws java.sql.SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT wire FROM exchange_inbox"
                + " WHERE envelope_id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        }
    }
}
