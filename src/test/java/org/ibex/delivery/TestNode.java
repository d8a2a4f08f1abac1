package org.ibex.delivery;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.trust.Envelope;
import org.ibex.trust.EnvelopeSigner;
import org.ibex.trust.EnvelopeVerifier;
import org.ibex.trust.NodeCredentials;
import org.ibex.trust.NodeIdentity;
import org.ibex.trust.SignedEnvelope;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** One in-process node: its own database, certificate, outbox, inbox server, sender and processor. */
final class TestNode implements AutoCloseable {
    final NodeCredentials credentials;
    final Database database;
    final SSLContext tls;
    final EnvelopeSigner signer;
    final AuditLog audit = new AuditLog(Clock.systemUTC());
    final ShiftedClock schedule = new ShiftedClock();
    final Outbox outbox;
    final EnvelopeVerifier verifier;
    final Inbox inbox;
    final Sender sender;
    final DirectoryPull directory;
    final InboxProcessor processor;
    /** Ids in the order the handler saw them. */
    final List<String> handled = Collections.synchronizedList(new ArrayList<>());
    /** Where peers listen, filled in as their servers start. */
    final Map<String, URI> peers = new ConcurrentHashMap<>();
    private InboxServer server;

    TestNode(TestFederation pki, String id, Path folder) throws Exception {
        credentials = pki.node(id);
        database = Database.open(TestDatabases.freshConfig(folder.resolve("db")));
        tls = pki.federation.sslContext(pki.save(id, folder.resolve("pki")), TestFederation.PASSPHRASE);
        signer = new EnvelopeSigner(credentials.key(), credentials.chain());
        outbox = new Outbox(signer, audit, Clock.systemUTC());
        verifier = new EnvelopeVerifier(java.util.Set.of(pki.root.certificate()),
                pki.federation.directory().revokedSerials()::contains, credentials.node(), Clock.systemUTC(),
                Duration.ofMinutes(5), Duration.ofMinutes(1), (key, created) -> true);
        inbox = new Inbox(database, verifier, signer, pki.federation, audit, Clock.systemUTC());
        Path directoryFile = folder.resolve("directory.json");
        java.nio.file.Files.write(directoryFile, pki.signedDirectory);
        directory = new DirectoryPull(pki.federation, directoryFile, tls, peer -> Optional.ofNullable(peers.get(peer)),
                credentials.node(), database, audit, Clock.systemUTC());
        // A 30 s base: two passes in a row never meet a retry that fell due in between, however slow the
        // machine; tests that want a retry advance the schedule by minutes.
        sender = new Sender(database, tls, peer -> Optional.ofNullable(peers.get(peer)), verifier, audit, schedule,
                new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(60), new Random(7)), directory,
                new SenderLease(database, leaseHolder(), SenderLease.STANDARD));
        processor = new InboxProcessor(database, (connection, message) -> {
            handled.add(message.id());
            // The handler's own database work, committed with the processed mark.
            audit.append(connection, new AuditEntry.Draft("test.handled", message.sender().toString(),
                    message.id(), "seq=" + message.sequence()));
            return "handled";
        }, audit, Clock.systemUTC());
    }

    NodeIdentity id() {
        return credentials.node();
    }

    void startServer(int port) {
        server = InboxServer.start("127.0.0.1", port, tls, inbox, directory, (peer, directoryHeader) -> {
            sender.heardFrom(peer);
            directory.heard(peer, directoryHeader);
        });
    }

    void stopServer() {
        server.close();
        server = null;
    }

    int port() {
        return server.port();
    }

    URI endpoint() {
        return URI.create("https://127.0.0.1:" + port());
    }

    Envelope message(NodeIdentity to, String stream, String text) {
        Envelope envelope = Envelope.create(id(), to, "crossing.record", "test traffic", "text/plain",
                text.getBytes(StandardCharsets.UTF_8), Instant.now(), Duration.ofHours(1));
        return stream == null ? envelope : envelope.inStream(stream, 0);
    }

    SignedEnvelope enqueue(Envelope envelope) {
        return database.inTransaction(connection -> outbox.enqueue(connection, envelope));
    }

    long count(String sql) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        directory.close();
        sender.close();
        if (server != null) {
            stopServer();
        }
        database.close();
    }

    /** The system clock moved by hand, for the sender's retry schedule; TLS and signatures stay in real time. */
    static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        void advance(Duration by) {
            shift = shift.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("tests use UTC");
        }
    }

    /**
     * Another sender over this node's outbox, as a second process on its database runs one (or this node restarted,
     * when {@code holder} is {@link #leaseHolder()}).
     */
    Sender senderAs(String holder) {
        return new Sender(database, tls, peer -> Optional.ofNullable(peers.get(peer)), verifier, audit, schedule,
                Backoff.standard(new Random(1)), directory, new SenderLease(database, holder, SenderLease.STANDARD));
    }

    /** This node's name as its sender lease holder; a second sender under the same name is the same process restarted. */
    String leaseHolder() {
        return "test node " + credentials.node();
    }

}
