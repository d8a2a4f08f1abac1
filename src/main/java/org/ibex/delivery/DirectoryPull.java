package org.ibex.delivery;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.DirectoryException;
import org.ibex.trust.Federation;
import org.ibex.trust.FederationDirectory;
import org.ibex.trust.Membership;
import org.ibex.trust.NodeIdentity;
import org.ibex.store.Database;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Keeps a running node on the newest federation directory without a restart. Nodes spread a directory among
 * themselves: every exchange request and reply names the sequence its side holds ({@link #HEADER}), a node that hears
 * of a newer one fetches it from that peer ({@link #PATH}), and an idle node asks one peer in turn every period. A
 * directory counts only once it verifies against the federation anchor, so any member may pass it on; the one an
 * operator installs into {@code directory.json} is picked up the same way.
 */
public final class DirectoryPull implements AutoCloseable {
    /** The directory sequence the sending side holds, on every exchange request and reply. */
    public static final String HEADER = "Ibex-Directory";
    /** {@code GET} answers the signed directory in force. */
    public static final String PATH = "/exchange/v1/directory";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A signed directory of thousands of nodes stays well below this; more is not a directory. */
    static final int MAX_BYTES = 16 << 20;

    private final Federation federation;
    private final Path file;
    private final HttpClient http;
    private final Function<String, Optional<URI>> endpoints;
    private final NodeIdentity self;
    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    /** Peers with a fetch queued or running, so a burst of replies naming one sequence costs one fetch. */
    private final Set<String> fetching = ConcurrentHashMap.newKeySet();
    /** The sequence each peer last named in {@link #HEADER}. */
    private final Map<String, Long> offeredBy = new ConcurrentHashMap<>();
    /** The sequence each peer offered that did not verify: it is not fetched again until the peer names another. */
    private final Map<String, Long> refusedFrom = new ConcurrentHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();
    private volatile FileTime fileSeen;
    private volatile Pulled last;
    private volatile Pulled lastAdopted;
    /** Volatile rather than guarded: {@link #heard} runs on request threads and must not wait for an adoption. */
    private volatile ScheduledExecutorService loop;

    /** How a fetch or reload ended. */
    public enum Outcome { ADOPTED, CURRENT, REFUSED, UNREACHABLE }

    /** The result of one fetch or reload: from where, how it ended, and the sequence in force afterwards. */
    public record Pulled(String source, Outcome outcome, long inForce, String detail, Instant at) {
    }

    /**
     * @param file      {@code directory.json} of the node's membership: a newer directory is written there, so a
     *                  restart keeps it, and one an operator puts there is adopted
     * @param endpoints a peer's base URI by node id
     */
    public DirectoryPull(Federation federation, Path file, SSLContext tls, Function<String, Optional<URI>> endpoints,
                         NodeIdentity self, Database database, AuditLog audit, Clock clock) {
        this.federation = federation;
        this.file = file;
        this.http = PeerHttp.client(tls);
        this.endpoints = endpoints;
        this.self = self;
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.fileSeen = modified(file);
    }

    /** The sequence of the directory in force, as this node tells its peers. */
    public long inForce() {
        return federation.directory().sequence();
    }

    /** The signed directory in force, as a peer fetching it receives it. */
    public Optional<byte[]> signed() {
        return federation.signedDirectory();
    }

    /** The last fetch or reload that adopted, refused or failed, if any; a peer being away shows here. */
    public Optional<Pulled> last() {
        return Optional.ofNullable(last);
    }

    /** The last directory put in force while running, and where it came from. */
    public Optional<Pulled> lastAdopted() {
        return Optional.ofNullable(lastAdopted);
    }

    /**
     * A peer named the sequence it holds (from {@link #HEADER}); a newer one is fetched from it in the background.
     * Malformed values are ignored: the header is advice, the directory itself is what gets verified.
     */
    public void heard(String peer, String header) {
        long offered;
        try {
            offered = header == null ? 0 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (offered <= inForce() || refusedFrom.getOrDefault(peer, -1L) == offered) {
            return;
        }
        offeredBy.put(peer, offered);
        ScheduledExecutorService running = loop;
        if (running != null && fetching.add(peer)) {
            try {
                running.execute(() -> {
                    try {
                        pullFrom(peer);
                    } finally {
                        fetching.remove(peer);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                fetching.remove(peer);
            }
        }
    }

    /** Fetches {@code peer}'s directory now and puts it in force when it is newer and verifies. */
    public Pulled pullFrom(String peer) {
        Optional<URI> endpoint = endpoints.apply(peer);
        if (endpoint.isEmpty()) {
            return note(new Pulled(peer, Outcome.UNREACHABLE, inForce(), "no endpoint known", clock.instant()));
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint.get().resolve(PATH)).timeout(REQUEST_TIMEOUT)
                .header(HEADER, Long.toString(inForce())).GET().build();
        byte[] body;
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // Read at most one byte past the limit: a peer cannot make this node buffer whatever it sends.
            try (java.io.InputStream in = response.body()) {
                body = in.readNBytes(MAX_BYTES + 1);
            }
            if (response.statusCode() != 200 || body.length > MAX_BYTES) {
                return note(new Pulled(peer, Outcome.UNREACHABLE, inForce(), "HTTP " + response.statusCode()
                        + (body.length > MAX_BYTES ? ", more than " + MAX_BYTES + " bytes" : ""), clock.instant()));
            }
        } catch (IOException e) {
            return note(new Pulled(peer, Outcome.UNREACHABLE, inForce(), "cannot reach " + endpoint.get() + ": " + e,
                    clock.instant()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Pulled(peer, Outcome.UNREACHABLE, inForce(), "interrupted", clock.instant());
        }
        return adopt(peer, body);
    }

    /** Adopts {@code directory.json} when it changed on disk and holds a newer directory than the one in force. */
    public Pulled reloadFile() {
        FileTime modified = modified(file);
        if (modified == null || modified.equals(fileSeen)) {
            return new Pulled("file", Outcome.CURRENT, inForce(), "unchanged", clock.instant());
        }
        fileSeen = modified;
        try {
            return adopt("operator", Files.readAllBytes(file));
        } catch (IOException e) {
            return note(new Pulled("operator", Outcome.UNREACHABLE, inForce(), "cannot read " + file + ": " + e,
                    clock.instant()));
        }
    }

    /**
     * Puts {@code signed} in force if it verifies and is newer, writes it to the membership's file and audits the
     * change; a directory that fails verification is audited as refused and changes nothing.
     */
    public synchronized Pulled adopt(String source, byte[] signed) {
        long before = inForce();
        try {
            if (!federation.adopt(signed)) {
                return new Pulled(source, Outcome.CURRENT, before, "already in force", clock.instant());
            }
        } catch (DirectoryException e) {
            if (e.code() == DirectoryException.Code.ROLLBACK) {
                return new Pulled(source, Outcome.CURRENT, before, e.getMessage(), clock.instant());
            }
            refusedFrom.put(source, offeredBy.getOrDefault(source, 0L));
            record(new AuditEntry.Draft("exchange.directory-refused", source, "directory", e.getMessage()));
            return note(new Pulled(source, Outcome.REFUSED, before, e.getMessage(), clock.instant()));
        }
        FederationDirectory adopted = federation.directory();
        String kept = keep(signed);
        String detail = "was " + before + "; " + adopted.nodes().size() + " nodes, " + adopted.revocations().size()
                + " revocations, next update " + adopted.nextUpdate() + kept;
        record(new AuditEntry.Draft("exchange.directory-adopted", source, "directory " + adopted.sequence(), detail));
        lastAdopted = new Pulled(source, Outcome.ADOPTED, adopted.sequence(), detail, clock.instant());
        return note(lastAdopted);
    }

    /** Reloads the file and asks the next peer in turn, every {@code period}, on a thread of its own. */
    public void start(Duration period) {
        if (loop != null) {
            throw new IllegalStateException("directory pull already started");
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r,
                "ibex-directory"));
        started.scheduleWithFixedDelay(this::periodic, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        loop = started;
    }

    /** One period's work: the operator's file first, then one peer, so every peer is asked in turn. */
    void periodic() {
        try {
            reloadFile();
            nextPeer().ifPresent(this::pullFrom);
        } catch (RuntimeException e) {
            System.getLogger(DirectoryPull.class.getName()).log(System.Logger.Level.WARNING,
                    "directory pull failed; the next period retries", e);
        }
    }

    private Optional<String> nextPeer() {
        List<String> peers = federation.directory().nodes().stream().map(DirectoryEntry::node)
                .filter(node -> !node.equals(self)).map(NodeIdentity::toString).sorted().toList();
        if (peers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(peers.get(Math.floorMod(turn.getAndIncrement(), peers.size())));
    }

    /** Writes the adopted directory beside the node's key, replacing the old one in one step. */
    private String keep(byte[] signed) {
        try {
            Membership.replaceFile(file, signed);
            fileSeen = modified(file);
            return "";
        } catch (IOException e) {
            return "; NOT written to " + file + " (" + e.getMessage() + "): a restart goes back to the old one";
        }
    }

    private void record(AuditEntry.Draft draft) {
        database.inTransaction(connection -> audit.append(connection, draft));
    }

    private Pulled note(Pulled pulled) {
        last = pulled;
        return pulled;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService stopping = loop;
        loop = null;
        if (stopping != null) {
            Loops.stop(stopping);
        }
    }
}
