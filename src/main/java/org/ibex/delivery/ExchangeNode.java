package org.ibex.delivery;

import org.ibex.audit.AuditLog;
import org.ibex.audit.Checkpoint;
import org.ibex.audit.Signer;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.Envelope;
import org.ibex.trust.EnvelopeSigner;
import org.ibex.trust.EnvelopeVerifier;
import org.ibex.trust.Membership;
import org.ibex.trust.NodeIdentity;
import org.ibex.trust.SignedEnvelope;
import org.ibex.store.Database;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One node's part in the federation, assembled from its {@link Membership}: the transactional outbox, the sender
 * loop, the mutual-TLS inbox endpoint and the processor that hands stored messages to handlers by type.
 */
public final class ExchangeNode implements AutoCloseable {
    /** How long the inbox keeps ids, and so how old an envelope may be when it finally arrives. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);
    /** Lifetime of messages this node sends: long enough to outlast a link that is down for weeks. */
    public static final Duration MESSAGE_LIFETIME = Duration.ofDays(30);

    private final Database database;
    private final AuditLog audit;
    private final Membership membership;
    private final Clock clock;
    private final SSLContext tls;
    private final Outbox outbox;
    private final Inbox inbox;
    private final Sender sender;
    private final InboxProcessor processor;
    private final DirectoryPull directory;
    private final Map<String, InboxHandler> handlers = new java.util.concurrent.ConcurrentHashMap<>();
    private final SealedWires sealed = new SealedWires();
    private final List<PillarLoop> loops = new ArrayList<>();
    private final List<ScheduledExecutorService> loopThreads = new ArrayList<>();
    private InboxServer server;
    private ScheduledExecutorService background;

    public ExchangeNode(Database database, AuditLog audit, Membership membership, Clock clock, Duration maxAge,
                        Map<String, InboxHandler> pillarHandlers) throws IOException, GeneralSecurityException {
        this.database = database;
        this.audit = audit;
        this.membership = membership;
        this.clock = clock;
        this.tls = membership.sslContext();
        EnvelopeSigner signer = membership.signer();
        EnvelopeVerifier verifier = membership.verifier(maxAge, clock);
        this.outbox = new Outbox(signer, audit, clock);
        this.inbox = new Inbox(database, verifier, signer, membership.federation(), audit, clock, sealed);
        this.directory = new DirectoryPull(membership.federation(), membership.directoryFile(), tls, this::endpoint,
                membership.node(), database, audit, clock);
        this.sender = new Sender(database, tls, this::endpoint, verifier, audit, clock,
                Backoff.standard(new Random()), directory, new SenderLease(database, holder(membership),
                SenderLease.STANDARD));
        handlers.putAll(new BuiltInHandlers(membership.node(), outbox, clock).byType());
        handlers.put(Chunks.TYPE, new ChunkJoiner(inbox));
        pillarHandlers.forEach(this::register);
        this.processor = new InboxProcessor(database, this::dispatch, audit, clock, sealed);
    }

    /**
     * Hands messages of {@code type} to {@code handler}: how a pillar (audit witnessing, replication to
     * headquarters, reference data to posts, agencies' questions) joins the one transport. Register before
     * {@link #start}; a type has one handler.
     */
    public synchronized void register(String type, InboxHandler handler) {
        if (server != null) {
            throw new IllegalStateException("register " + type + " before the exchange starts");
        }
        if (handlers.putIfAbsent(type, handler) != null) {
            throw new IllegalArgumentException("message type " + type + " already has a handler");
        }
    }

    /**
     * As {@link #register}, for content that must not outlive its handling (a partner's probe): it is stored under
     * a key held only in memory, dropped by {@link #erase}, so nothing readable stays on disk (see SealedWires). A
     * message whose process stopped before it was handled reaches the handler with an empty payload.
     */
    public synchronized void registerSealed(String type, InboxHandler handler) {
        register(type, handler);
        sealed.seal(type);
    }

    /**
     * This process as the sender lease names it: host and membership folder, which a restart keeps, so a node
     * killed and started again sends at once instead of waiting for its own lease to lapse.
     */
    private static String holder(Membership membership) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        String name = host + ":" + membership.directoryFile().toAbsolutePath().getParent();
        // Keep the end: the folder tells two nodes on one host apart.
        return name.length() <= 300 ? name : name.substring(name.length() - 300);
    }

    /** An unknown type is kept in the inbox and marked, so one odd message does not hold up its stream. */
    private String dispatch(Connection connection, ReceivedMessage message) throws SQLException {
        InboxHandler handler = handlers.get(message.type());
        return handler == null ? "kept: no handler for type " + message.type() : handler.handle(connection, message);
    }

    /** Work a pillar does on its own thread every period while the exchange runs, such as shipping records. */
    private record PillarLoop(String name, Duration period, Runnable task) {
    }

    /**
     * Runs {@code task} every {@code period} on a thread of its own once the exchange starts, until it closes: how a
     * pillar moves its own data into the outbox. A failing pass is logged and the next one retries.
     */
    public synchronized void registerLoop(String name, Duration period, Runnable task) {
        if (server != null) {
            throw new IllegalStateException("register loop " + name + " before the exchange starts");
        }
        loops.add(new PillarLoop(name, period, task));
    }

    /** Wakes the sender, after a pillar queued messages with {@link #enqueue}. */
    public void nudge() {
        sender.nudge();
    }

    /** Messages queued for {@code peer} and not yet delivered or refused. */
    public long pendingTo(NodeIdentity peer) {
        return database.read(connection -> {
            try (java.sql.PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM exchange_outbox WHERE state = 'PENDING' AND recipient = ?")) {
                select.setString(1, peer.toString());
                try (java.sql.ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /**
     * Listens for peers on {@code host:port} and starts delivering and processing in the background; every
     * {@code directoryPeriod} it also reloads the directory file and asks one peer in turn for a newer directory.
     */
    public synchronized void start(String host, int port, Duration pollPeriod, Duration directoryPeriod) {
        if (server != null) {
            throw new IllegalStateException("exchange already started");
        }
        server = InboxServer.start(host, port, tls, inbox, directory, (peer, directoryHeader) -> {
            sender.heardFrom(peer);
            directory.heard(peer, directoryHeader);
        });
        sender.start(pollPeriod);
        directory.start(directoryPeriod);
        background = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ibex-inbox-processor"));
        background.scheduleWithFixedDelay(this::processQuietly, 0, pollPeriod.toMillis(), TimeUnit.MILLISECONDS);
        for (PillarLoop loop : loops) {
            ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r,
                    "ibex-" + loop.name()));
            thread.scheduleWithFixedDelay(() -> {
                try {
                    loop.task().run();
                } catch (RuntimeException e) {
                    System.getLogger(ExchangeNode.class.getName()).log(System.Logger.Level.WARNING,
                            loop.name() + " pass failed; the next pass retries", e);
                }
            }, 0, loop.period().toMillis(), TimeUnit.MILLISECONDS);
            loopThreads.add(thread);
        }
    }

    /** Shares audit checkpoints with witnesses every {@code period}, signed by {@code signer}. */
    public synchronized void shareCheckpoints(Signer signer, Duration period) {
        if (background == null) {
            throw new IllegalStateException("start the exchange first");
        }
        background.scheduleWithFixedDelay(() -> {
            try {
                shareCheckpoint(signer);
            } catch (RuntimeException e) {
                System.getLogger(ExchangeNode.class.getName()).log(System.Logger.Level.WARNING,
                        "checkpoint sharing failed; next period retries", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Signs the head of the audit chain and queues it to every witness (the nodes of this state and every peer
     * this node has exchanged with) in the same transaction. Empty while the log is: there is nothing to vouch for.
     */
    public Optional<Checkpoint> shareCheckpoint(Signer signer) {
        Optional<Checkpoint> checkpoint = database.inTransaction(connection -> {
            if (audit.headSeq(connection) == 0) {
                return Optional.empty();
            }
            Checkpoint signed = audit.checkpoint(connection, signer);
            for (NodeIdentity witness : witnesses(connection)) {
                outbox.enqueue(connection, message(witness, CheckpointWitness.TYPE, "audit witness",
                        "application/json", CheckpointWitness.payload(signed)));
            }
            return Optional.of(signed);
        });
        sender.nudge();
        return checkpoint;
    }

    private List<NodeIdentity> witnesses(Connection connection) throws SQLException {
        Set<NodeIdentity> witnesses = new LinkedHashSet<>();
        for (DirectoryEntry entry : membership.federation().directory().nodes()) {
            if (entry.node().state().equals(node().state())) {
                witnesses.add(entry.node());
            }
        }
        for (PeerStatus peer : OutboxRows.peers(connection)) {
            witnesses.add(NodeIdentity.parse(peer.peer()));
        }
        witnesses.remove(node());
        return new ArrayList<>(witnesses);
    }

    /** A message from this node, living {@link #MESSAGE_LIFETIME}. */
    public Envelope message(NodeIdentity recipient, String type, String purpose, String contentType, byte[] payload) {
        return Envelope.create(node(), recipient, type, purpose, contentType, payload, clock.instant(),
                MESSAGE_LIFETIME);
    }

    /** Queues {@code envelope} inside the caller's transaction: it leaves when, and only if, that commits. */
    public SignedEnvelope enqueue(Connection connection, Envelope envelope) throws SQLException {
        if (membership.federation().directory().node(envelope.recipient()).isEmpty()) {
            throw new IllegalArgumentException("recipient " + envelope.recipient() + " is not in directory "
                    + membership.federation().directory().sequence());
        }
        return outbox.enqueue(connection, envelope);
    }

    /** Queues {@code envelope} in a transaction of its own and wakes the sender. */
    public SignedEnvelope send(Envelope envelope) {
        SignedEnvelope signed = database.inTransaction(connection -> enqueue(connection, envelope));
        sender.nudge();
        return signed;
    }

    /** Every other node in the directory, with what this node has waiting for it and when it last answered. */
    public List<PeerStatus> peers() {
        Map<String, PeerStatus> known = new HashMap<>();
        for (PeerStatus status : sender.peers()) {
            known.put(status.peer(), status);
        }
        List<PeerStatus> peers = new ArrayList<>();
        for (DirectoryEntry entry : membership.federation().directory().nodes()) {
            String id = entry.node().toString();
            if (!entry.node().equals(node())) {
                peers.add(known.getOrDefault(id, new PeerStatus(id, 0, 0, null, null, null)));
            }
        }
        return peers;
    }

    /** Whether this process is the one sending this database's outbox, and if not, which one is. */
    public SenderLease.State senderLease() {
        return sender.lease();
    }

    /** How many messages came in and were processed, and how many went out. */
    public ExchangeTotals totals() {
        return database.read(connection -> {
            try (java.sql.PreparedStatement select = connection.prepareStatement("SELECT"
                    + " (SELECT COUNT(*) FROM exchange_inbox),"
                    + " (SELECT COUNT(*) FROM exchange_inbox WHERE processed_at IS NOT NULL),"
                    + " (SELECT COUNT(*) FROM exchange_outbox WHERE state = 'PENDING'),"
                    + " (SELECT COUNT(*) FROM exchange_outbox WHERE state = 'DELIVERED'),"
                    + " (SELECT COUNT(*) FROM exchange_outbox WHERE state = 'REJECTED')");
                 java.sql.ResultSet row = select.executeQuery()) {
                row.next();
                return new ExchangeTotals(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5));
            }
        });
    }

    /** Messages queued and neither delivered nor refused yet: one count over an index, cheap enough to poll. */
    public long pending() {
        return database.read(connection -> {
            try (java.sql.PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM exchange_outbox WHERE state = 'PENDING'");
                 java.sql.ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** The latest received messages, newest first. */
    public List<InboxEntry> recentInbox(int limit) {
        return database.read(connection -> {
            try (java.sql.PreparedStatement select = connection.prepareStatement("SELECT envelope_id, sender, type,"
                    + " stream, sequence, received_at, processed_at, outcome FROM exchange_inbox"
                    + " ORDER BY received_at DESC, envelope_id")) {
                select.setMaxRows(limit);
                List<InboxEntry> entries = new ArrayList<>();
                try (java.sql.ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(new InboxEntry(row.getString(1), row.getString(2), row.getString(3),
                                row.getString(4), row.getLong(5), Rows.instant(row, 6), Rows.instant(row, 7),
                                row.getString(8)));
                    }
                }
                return entries;
            }
        });
    }

    public NodeIdentity node() {
        return membership.node();
    }

    public Membership membership() {
        return membership;
    }

    /** How this node keeps its federation directory current. */
    public DirectoryPull directory() {
        return directory;
    }

    /** Where the inbox listens, once started. */
    public int port() {
        return server.port();
    }

    /**
     * Erases a received envelope's content (and drops its sealing key) in the caller's transaction, keeping only its
     * SHA-256 so a retry is still a duplicate; returns the digest, empty when no such envelope was received.
     */
    public Optional<String> erase(Connection connection, String envelopeId) throws SQLException {
        return Inbox.erase(connection, envelopeId, clock.instant(), sealed::forget);
    }

    /** Runs one delivery pass now, for commands that queue and deliver without serving. */
    public int deliverNow() {
        return sender.deliverDue();
    }

    public int processNow() {
        return processor.processAvailable();
    }

    private Optional<URI> endpoint(String peer) {
        return membership.federation().directory().node(NodeIdentity.parse(peer)).map(DirectoryEntry::endpoint);
    }

    private void processQuietly() {
        try {
            processor.processAvailable();
        } catch (RuntimeException e) {
            System.getLogger(ExchangeNode.class.getName()).log(System.Logger.Level.WARNING,
                    "inbox processing pass failed; the next pass retries", e);
        }
    }

    @Override
    public synchronized void close() {
        loopThreads.forEach(Loops::stop);
        loopThreads.clear();
        directory.close();
        sender.close();
        processor.stop();
        if (background != null) {
            Loops.stop(background);
            background = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
