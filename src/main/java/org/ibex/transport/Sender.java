package org.ibex.transport;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.exchange.EnvelopeVerifier;
import org.ibex.exchange.Receipts;
import org.ibex.exchange.Rejection;
import org.ibex.exchange.VerifiedEnvelope;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Delivers the outbox: due rows, in sequence order per (recipient, stream), POSTed over mutual TLS. A verified
 * receipt marks a row delivered; a 4xx marks it rejected; anything else is retried with backoff. All state is in
 * the table, so a restarted sender carries on. One sender per database: two would send the same rows.
 */
public final class Sender implements AutoCloseable {
    private static final int BATCH = 100;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Database database;
    private final HttpClient http;
    private final Function<String, Optional<URI>> endpoints;
    private final EnvelopeVerifier receiptVerifier;
    private final AuditLog audit;
    private final Clock clock;
    private final Backoff backoff;
    private ScheduledExecutorService loop;

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
     */
    public Sender(Database database, SSLContext tls, Function<String, Optional<URI>> endpoints,
                  EnvelopeVerifier receiptVerifier, AuditLog audit, Clock clock, Backoff backoff) {
        this.database = database;
        this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.endpoints = endpoints;
        this.receiptVerifier = receiptVerifier;
        this.audit = audit;
        this.clock = clock;
        this.backoff = backoff;
    }

    /** Sends until nothing is due; returns how many rows reached a final state (delivered or rejected). */
    public int deliverDue() {
        int settled = 0;
        while (true) {
            List<OutboxRow> due = database.read(connection -> OutboxRows.due(connection, clock.instant(), BATCH));
            int before = settled;
            for (OutboxRow row : due) {
                settled += settle(row, attempt(row)) ? 1 : 0;
            }
            // Stop when a pass settles nothing: what is left is waiting for its backoff.
            if (due.isEmpty() || settled == before) {
                return settled;
            }
        }
    }

    /** Runs {@link #deliverDue()} every {@code period} on a thread of its own until {@link #close()}. */
    public synchronized void start(Duration period) {
        if (loop != null) {
            throw new IllegalStateException("sender already started; close() it first");
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ibex-sender"));
        loop.scheduleWithFixedDelay(this::deliverQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Backlog, last contact and last error per peer. */
    public List<PeerStatus> peers() {
        return database.read(OutboxRows::peers);
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.shutdownNow();
            loop = null;
        }
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // The next run retries; a dead scheduler thread would stop delivery for good.
            System.getLogger(Sender.class.getName()).log(System.Logger.Level.WARNING, "delivery pass failed", e);
        }
    }

    private Outcome attempt(OutboxRow row) {
        Optional<URI> endpoint = endpoints.apply(row.recipient());
        if (endpoint.isEmpty()) {
            return new Outcome.Failed("no endpoint known for " + row.recipient());
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint.get().resolve(InboxServer.PATH))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", InboxReply.ENVELOPE_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(row.wire())).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Outcome.Failed("cannot reach " + endpoint.get() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted while sending");
        }
        int status = response.statusCode();
        if (status == 200) {
            return checkReceipt(row, response.body());
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return status >= 400 && status < 500 ? new Outcome.Refused("HTTP " + status + " " + body)
                : new Outcome.Failed("HTTP " + status + " " + body);
    }

    private Outcome checkReceipt(OutboxRow row, byte[] receipt) {
        try {
            VerifiedEnvelope verified = receiptVerifier.verify(receipt);
            Receipts.Proof proof = Receipts.proofIn(verified.envelope());
            if (!verified.sender().toString().equals(row.recipient()) || !proof.receivedId().equals(row.id())
                    || !Arrays.equals(proof.payloadSha256(), Rows.sha256(Rows.payload(row.wire())))) {
                return new Outcome.Failed("receipt from " + verified.sender() + " does not acknowledge " + row.id());
            }
            return new Outcome.Delivered(receipt, verified.envelope().id());
        } catch (Rejection rejection) {
            return new Outcome.Failed("receipt refused: " + rejection);
        }
    }

    private boolean settle(OutboxRow row, Outcome outcome) {
        Instant now = clock.instant();
        String subject = Rows.describe(row.recipient(), null, row.stream(), row.sequence());
        return database.inTransaction(connection -> {
            if (outcome instanceof Outcome.Delivered delivered) {
                OutboxRows.delivered(connection, row, delivered.receipt(), now);
                audit.append(connection, new AuditEntry.Draft("exchange.sent", row.recipient(), row.id(),
                        subject + " receipt=" + delivered.receiptId()));
                return true;
            }
            if (outcome instanceof Outcome.Refused refused) {
                OutboxRows.rejected(connection, row, refused.error(), now);
                audit.append(connection, new AuditEntry.Draft("exchange.send-rejected", row.recipient(),
                        row.id(), subject + " " + refused.error()));
                return true;
            }
            OutboxRows.retryLater(connection, row, ((Outcome.Failed) outcome).error(), now,
                    now.plus(backoff.after(row.attempts() + 1)));
            return false;
        });
    }
}
