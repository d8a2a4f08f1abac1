package org.ibex.delivery;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.trust.EnvelopeVerifier;
import org.ibex.trust.Receipts;
import org.ibex.trust.Rejection;
import org.ibex.trust.VerifiedEnvelope;
import org.ibex.store.Database;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Delivers the outbox: due rows, in sequence order per (recipient, stream), POSTed over mutual TLS. A verified
 * receipt marks a row delivered; a 4xx marks it rejected; anything else is retried with backoff. All state is in
 * the table, so a restarted sender carries on. Processes that share a database send in turn: only the holder of
 * the {@link SenderLease} sends.
 */
public final class Sender implements AutoCloseable {
    /** Envelopes per request: large enough to amortise a round trip and a commit, small enough to retry cheaply. */
    private static final int BATCH = 200;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Database database;
    private final HttpClient http;
    private final Function<String, Optional<URI>> endpoints;
    private final EnvelopeVerifier receiptVerifier;
    private final AuditLog audit;
    private final Clock clock;
    private final Backoff backoff;
    private final DirectoryPull directory;
    private final SenderLease lease;
    private final java.util.concurrent.atomic.AtomicBoolean nudged = new java.util.concurrent.atomic.AtomicBoolean();
    /** Peers whose last delivery failed and who wait out a backoff; kept in memory, checked on every request in. */
    private final java.util.Set<String> unreachable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService loop;
    /** Set by {@link #close()}: a pass ends after the batch in hand instead of working through the backlog. */
    private volatile boolean closing;

    /** How one attempt ended. */
    private sealed interface Outcome {
        record Delivered(byte[] receipt, String receiptId) implements Outcome {
        }

        record Refused(String error) implements Outcome {
        }

        record Failed(String error) implements Outcome {
        }
    }

    /**
     * @param tls             this node's federation SSLContext ({@code Federation.sslContext}), client certificate
     *                        included
     * @param endpoints       a peer's base URI by node id, such as {@code https://10.0.0.7:9443}, from the directory
     * @param receiptVerifier verifies receipts addressed to this node; its replay guard may let ids through, since
     *                        a receipt is only accepted for the row it names
     * @param directory       tells each peer which directory this node holds and hears which one the peer holds
     * @param lease           whether this process is the one that sends this database's outbox
     */
    public Sender(Database database, SSLContext tls, Function<String, Optional<URI>> endpoints,
                  EnvelopeVerifier receiptVerifier, AuditLog audit, Clock clock, Backoff backoff,
                  DirectoryPull directory, SenderLease lease) {
        this.database = database;
        this.http = PeerHttp.client(tls);
        this.endpoints = endpoints;
        this.receiptVerifier = receiptVerifier;
        this.audit = audit;
        this.clock = clock;
        this.backoff = backoff;
        this.directory = directory;
        this.lease = lease;
    }

    /** Sends until nothing is due; returns how many rows reached a final state (delivered or rejected). */
    public int deliverDue() {
        int settled = 0;
        // Asked before every round: a holder that lost the lease during a long backlog stops after the round.
        while (!closing && lease.held()) {
            List<List<OutboxRow>> batches = database.read(connection -> OutboxRows.due(connection, clock.instant(),
                    BATCH));
            int before = settled;
            for (List<OutboxRow> batch : batches) {
                if (closing) {
                    break;
                }
                settled += settle(batch, attempt(batch));
            }
            // Stop when a pass settles nothing: what is left is waiting for its backoff.
            if (batches.isEmpty() || settled == before) {
                return settled;
            }
        }
        return settled;
    }

    /** Runs {@link #deliverDue()} every {@code period} on a thread of its own until {@link #close()}. */
    public synchronized void start(Duration period) {
        if (loop != null) {
            throw new IllegalStateException("sender already started; close() it first");
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ibex-sender"));
        loop.scheduleWithFixedDelay(this::deliverQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the running loop for a pass now, as after a message is queued; does nothing when not started. */
    public synchronized void nudge() {
        // One queued pass covers every nudge made before it starts: a burst of sends costs one extra pass.
        if (loop != null && nudged.compareAndSet(false, true)) {
            loop.execute(() -> {
                nudged.set(false);
                deliverQuietly();
            });
        }
    }

    /**
     * {@code peer} just reached this node, so the link is back: what waits for it goes now instead of at the end
     * of its backoff, which after a long outage is up to a minute. Costs nothing while deliveries succeed.
     */
    public void heardFrom(String peer) {
        if (unreachable.remove(peer)) {
            database.inTransaction(connection -> OutboxRows.retryNow(connection, peer, clock.instant()));
            nudge();
        }
    }

    /** Who sends this database's outbox now, as the database says. */
    public SenderLease.State lease() {
        return lease.state();
    }

    /** Backlog, last contact and last error per peer. */
    public List<PeerStatus> peers() {
        return database.read(OutboxRows::peers);
    }

    @Override
    public void close() {
        closing = true;
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = loop;
            loop = null;
        }
        // Outside the lock: a nudge meanwhile finds no loop instead of waiting for the pass to end.
        if (stopping != null) {
            Loops.stop(stopping);
        }
        lease.release();
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // The next run retries; a dead scheduler thread would stop delivery for good.
            System.getLogger(Sender.class.getName()).log(System.Logger.Level.WARNING, "delivery pass failed", e);
        }
    }

    /** One request for rows to one recipient; the outcomes are in the order of the rows. */
    private List<Outcome> attempt(List<OutboxRow> batch) {
        String recipient = batch.get(0).recipient();
        Optional<URI> endpoint = endpoints.apply(recipient);
        if (endpoint.isEmpty()) {
            return failedAll(batch, "no endpoint known for " + recipient);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint.get().resolve(InboxServer.BATCH_PATH))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", Frames.CONTENT_TYPE)
                .header(DirectoryPull.HEADER, Long.toString(directory.inForce()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Frames.encode(batch.stream().map(OutboxRow::wire)
                        .toList()))).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return failedAll(batch, "cannot reach " + endpoint.get() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failedAll(batch, "interrupted while sending");
        }
        directory.heard(recipient, response.headers().firstValue(DirectoryPull.HEADER).orElse(null));
        if (response.statusCode() != 200) {
            // A whole batch refused is a transport or configuration problem, not a verdict on each message.
            return failedAll(batch, "HTTP " + response.statusCode() + " "
                    + Rows.cut(new String(response.body(), StandardCharsets.UTF_8), 500));
        }
        try {
            return outcomes(batch, BatchReply.parse(response.body()));
        } catch (IllegalArgumentException e) {
            return failedAll(batch, "unreadable reply from " + recipient + ": " + e.getMessage());
        }
    }

    private List<Outcome> outcomes(List<OutboxRow> batch, BatchReply reply) {
        if (reply.items().size() != batch.size()) {
            return failedAll(batch, "reply has " + reply.items().size() + " results for " + batch.size() + " envelopes");
        }
        Map<String, byte[]> acknowledged = new HashMap<>();
        String receiptId = null;
        byte[] receipt = reply.receipt();
        if (receipt != null) {
            try {
                VerifiedEnvelope verified = receiptVerifier.verify(receipt);
                if (!verified.sender().toString().equals(batch.get(0).recipient())) {
                    return failedAll(batch, "receipt signed by " + verified.sender() + ", not " + batch.get(0).recipient());
                }
                for (Receipts.Proof proof : Receipts.proofsIn(verified.envelope())) {
                    acknowledged.put(proof.receivedId(), proof.payloadSha256());
                }
                receiptId = verified.envelope().id();
            } catch (Rejection rejection) {
                return failedAll(batch, "receipt refused: " + rejection);
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            OutboxRow row = batch.get(i);
            BatchReply.Item item = reply.items().get(i);
            if (item.status() == BatchReply.Status.REJECTED) {
                outcomes.add(new Outcome.Refused(item.code() + ": " + item.message()));
            } else if (Arrays.equals(acknowledged.get(row.id()), Rows.sha256(Rows.payload(row.wire())))) {
                outcomes.add(new Outcome.Delivered(receipt, receiptId));
            } else {
                outcomes.add(new Outcome.Failed("the receipt does not acknowledge " + row.id()));
            }
        }
        return outcomes;
    }

    private static List<Outcome> failedAll(List<OutboxRow> batch, String error) {
        return java.util.Collections.nCopies(batch.size(), new Outcome.Failed(error));
    }

    /** Records every row's outcome in one transaction; returns how many reached a final state. */
    private int settle(List<OutboxRow> batch, List<Outcome> outcomes) {
        Instant now = clock.instant();
        // A failed stream retries from its head, so the whole batch waits as long as its first row.
        Instant retryAt = now.plus(backoff.after(batch.get(0).attempts() + 1));
        return database.inTransaction(connection -> {
            int settled = 0;
            String receiptDigest = null;
            boolean answered = false;
            String lastError = null;
            List<OutboxRow> delivered = new ArrayList<>();
            List<AuditEntry.Draft> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                OutboxRow row = batch.get(i);
                Outcome outcome = outcomes.get(i);
                String subject = Rows.describe(row.recipient(), null, row.stream(), row.sequence());
                if (outcome instanceof Outcome.Delivered receipted) {
                    // One receipt covers the batch: stored once, named by every row it acknowledges.
                    if (receiptDigest == null) {
                        receiptDigest = ReceiptRows.store(connection, receipted.receipt(), now);
                    }
                    delivered.add(row);
                    entries.add(new AuditEntry.Draft("exchange.sent", row.recipient(), row.id(),
                            subject + " receipt=" + receipted.receiptId()));
                    answered = true;
                    settled++;
                } else if (outcome instanceof Outcome.Refused refused) {
                    OutboxRows.rejected(connection, row, refused.error());
                    entries.add(new AuditEntry.Draft("exchange.send-rejected", row.recipient(), row.id(),
                            subject + " " + refused.error()));
                    answered = true;
                    lastError = refused.error();
                    settled++;
                } else {
                    lastError = ((Outcome.Failed) outcome).error();
                    OutboxRows.retryLater(connection, row, lastError, retryAt);
                }
            }
            if (answered) {
                unreachable.remove(batch.get(0).recipient());
            } else {
                unreachable.add(batch.get(0).recipient());
            }
            OutboxRows.delivered(connection, delivered, receiptDigest, now);
            // The batch went to one peer in one request: its status changes once, as row by row would leave it.
            OutboxRows.peer(connection, batch.get(0).recipient(), answered ? now : null, lastError,
                    lastError == null ? null : now);
            audit.appendAll(connection, entries);
            return settled;
        });
    }
}
