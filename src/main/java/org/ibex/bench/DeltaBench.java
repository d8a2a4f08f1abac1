package org.ibex.bench;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.delivery.ExchangeNode;
import org.ibex.delivery.InboxServer;
import org.ibex.delivery.PeerHttp;
import org.ibex.node.Node;
import org.ibex.node.Teardown;
import org.ibex.reference.ReferencePayload;
import org.ibex.trust.NodeIdentity;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.ScreeningQuery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Part B of {@code bench sync}: a national watchlist change of many entries at headquarters reaching every post.
 * One headquarters and its posts, each a node of its own in this process (own data folder and database, own
 * certificate, own exchange endpoint on loopback), all hold version 1 of the list; then one change adds, edits and
 * removes entries as version 2, and the clock runs from its commit until every post's {@code reference_copy} holds
 * version 2 and its screening finds an added entry (the change's own transaction at headquarters counted in). Baseline, same run: each post's delta envelope, as it went on
 * the wire, POSTed one post after another (headquarters' sender is one thread) to the post's echo over mutual TLS.
 */
final class DeltaBench {
    static final NodeIdentity HQ = NodeIdentity.parse("UTO/REF/HQ");
    static final String LIST = "BENCH-NATIONAL";
    static final String DATASET = ReferencePayload.WATCHLIST + "/" + LIST;
    private static final Actor MANAGER = new Actor(new User("lists.hq", Role.LIST_MANAGER, null), "lists", "bench");
    private static final Actor OFFICER = new Actor(new User("officer.ref", Role.OFFICER, "UTO-REF"), "inspection",
            "bench");
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private final int posts;
    private final int changes;
    private final BenchDatabase database;

    DeltaBench(int posts, int changes, BenchDatabase database) {
        this.posts = posts;
        this.changes = changes;
        this.database = database;
    }

    /**
     * What the run measured; seconds per post from the start of the change at headquarters (its own transaction,
     * {@code changeSeconds}, included), in post order.
     */
    record Result(int posts, int changes, int entriesBefore, int entriesAfter, double setupSeconds,
                  double changeSeconds, double[] perPost, double total, double[] baselinePerPost, double baselineTotal, long wireBytes,
                  int heldEverywhere, Window window) {
        double p50() {
            return percentile(perPost, 0.5);
        }

        double max() {
            return percentile(perPost, 1.0);
        }

        double baselineP50() {
            return percentile(baselinePerPost, 0.5);
        }

        double baselineMax() {
            return percentile(baselinePerPost, 1.0);
        }

        private static double percentile(double[] values, double p) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }

    /**
     * What the process spent from the change's start until the last post held it: CPU seconds of all its threads
     * (headquarters, the posts and this bench's polling alike), seconds its garbage collectors report, and the
     * machine's load average at both ends. CPU is what the machine's other load inflates least.
     */
    record Window(double cpuSeconds, double gcSeconds, double loadStart, double loadEnd) {
        static long[] mark() {
            long gc = 0;
            for (java.lang.management.GarbageCollectorMXBean bean
                    : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, bean.getCollectionTime());
            }
            long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new long[]{cpu, gc, Double.doubleToLongBits(load)};
        }

        static Window since(long[] start) {
            long[] end = mark();
            return new Window((end[0] - start[0]) / 1e9, (end[1] - start[1]) / 1e3, Double.longBitsToDouble(start[2]),
                    Double.longBitsToDouble(end[2]));
        }
    }

    Result run() throws Exception {
        long t0 = System.nanoTime();
        try (Teardown teardown = new Teardown()) {
            BenchStar star = teardown.add(BenchStar.create(HQ, "POST-", posts));
            BenchSchemas schemas = database.postgres() ? teardown.add(new BenchSchemas(database)) : null;
            Map<NodeIdentity, Node> nodes = new LinkedHashMap<>();
            for (NodeIdentity id : star.data().keySet()) {
                Map<String, String> settings = new HashMap<>(star.environment());
                if (schemas != null) {
                    settings.putAll(schemas.fresh(id.unit().toLowerCase().replace('-', '_')));
                }
                Node node = teardown.add(Node.open(star.data().get(id), settings, Clock.systemUTC()));
                ExchangeNode exchange = node.exchange.orElseThrow();
                exchange.start("127.0.0.1", star.endpoints().get(id).getPort(), Duration.ofMillis(200),
                        node.settings.directoryPull());
                nodes.put(id, node);
            }
            Node hq = nodes.get(HQ);
            List<Node> postNodes = star.posts().stream().map(nodes::get).toList();

            // Version 1, held by every post before the change.
            int base = Math.max(changes, 1);
            int adds = changes - 2 * (changes * 3 / 10);
            int edits = changes * 3 / 10;
            int removes = changes * 3 / 10;
            List<PersonEntry> before = new ArrayList<>();
            for (int i = 0; i < base; i++) {
                before.add(person(i, 0));
            }
            hq.services.watchlists().replace(list(), before, List.of(), MANAGER);
            hq.reference.orElseThrow().publishNow();
            awaitAll(postNodes, 1, null, System.nanoTime());
            double setup = (System.nanoTime() - t0) / 1e9;
            System.out.printf("delta: %d posts hold %s v1 (%d entries) after %.1f s of setup%n", posts, DATASET,
                    base, setup);

            // Version 2: the first `removes` entries go, the next `edits` change their reason, `adds` are new.
            List<PersonEntry> after = new ArrayList<>();
            for (int i = removes; i < base; i++) {
                after.add(person(i, i < removes + edits ? 1 : 0));
            }
            for (int i = 0; i < adds; i++) {
                after.add(person(base + i, 0));
            }
            String probe = after.get(after.size() - 1).entryId();
            String probeName = after.get(after.size() - 1).names().get(0);
            // The clock starts before the change is made: its commit comes before headquarters' own screening index
            // is rebuilt, and the publishing loop may send the delta meanwhile, so a later start would flatter it.
            long[] mark = Window.mark();
            long changing = System.nanoTime();
            Instant changingAt = Instant.now();
            hq.services.watchlists().replace(list(removes), after, List.of(), MANAGER);
            double change = (System.nanoTime() - changing) / 1e9;
            hq.reference.orElseThrow().publishNow();
            double[] perPost = awaitAll(postNodes, 2, new String[]{probe, probeName}, changing);
            Window window = Window.since(mark);
            double total = Arrays.stream(perPost).max().orElse(0);
            int held = 0;
            for (Node post : postNodes) {
                held += items(post) == after.size() ? 1 : 0;
            }

            List<byte[]> wires = new ArrayList<>();
            for (NodeIdentity post : star.posts()) {
                wires.add(deltaWire(hq, post, changingAt));
            }
            double[] baseline = baseline(hq, star, wires);
            return new Result(posts, changes, base, after.size(), setup, change, perPost, total, baseline,
                    Arrays.stream(baseline).max().orElse(0), wires.stream().mapToLong(w -> w.length).sum(), held,
                    window);
        }
    }

    private static ListImport list() {
        return list(null);
    }

    private static ListImport list(Integer confirmRemoval) {
        return new ListImport(LIST, "Bench national list", "bench", null, null, confirmRemoval);
    }

    /** Entry i, named from syllables so that names differ enough for screening to find each; edit 1 changes it. */
    private static PersonEntry person(int i, int edit) {
        Random random = new Random(i);
        String[] syllables = {"KA", "LO", "MI", "RU", "SE", "TA", "VO", "ZE", "NA", "PI", "DRA", "GOR", "BEL", "XAN"};
        StringBuilder given = new StringBuilder();
        StringBuilder surname = new StringBuilder();
        for (int k = 0; k < 3; k++) {
            given.append(syllables[random.nextInt(syllables.length)]);
            surname.append(syllables[random.nextInt(syllables.length)]);
        }
        surname.append(syllables[random.nextInt(syllables.length)]);
        return new PersonEntry(LIST, "N" + i, List.of(given + " " + surname + " " + i),
                PartialDate.of(LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20000))), "UTO", null,
                edit == 0 ? "wanted" : "wanted (edited)", "bench", null, null, EntryAction.REFER_TO_SECOND_LINE);
    }

    /**
     * Seconds from {@code since} until each post holds {@code version} of the list and, when {@code probe} (entry
     * id, name) is given, its screening finds that entry.
     */
    private static double[] awaitAll(List<Node> posts, long version, String[] probe, long since)
            throws InterruptedException {
        double[] seconds = new double[posts.size()];
        Arrays.fill(seconds, -1);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int left = posts.size();
        while (left > 0) {
            for (int i = 0; i < posts.size(); i++) {
                if (seconds[i] >= 0) {
                    continue;
                }
                Node post = posts.get(i);
                if (version(post) >= version && (probe == null || post.services.watchlists().screen(
                        ScreeningQuery.byName(probe[1]), 10, OFFICER).stream()
                        .anyMatch(h -> h.entryId().equals(probe[0])))) {
                    seconds[i] = (System.nanoTime() - since) / 1e9;
                    left--;
                }
            }
            if (left > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(left + " posts still lack " + DATASET + " v" + version
                            + " after " + PATIENCE.toMinutes() + " minutes");
                }
                Thread.sleep(10);
            }
        }
        return seconds;
    }

    private static long version(Node post) {
        return post.database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT version FROM reference_copy"
                    + " WHERE dataset = ?")) {
                select.setString(1, DATASET);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            }
        });
    }

    private static long items(Node post) {
        return post.database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT items FROM reference_copy"
                    + " WHERE dataset = ?")) {
                select.setString(1, DATASET);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getLong(1) : -1L;
                }
            }
        });
    }

    /** The largest envelope queued for {@code post} since the change: its delta, signed, as the sender sent it. */
    private static byte[] deltaWire(Node hq, NodeIdentity post, Instant since) {
        Optional<byte[]> wire = hq.database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT wire FROM exchange_outbox"
                    + " WHERE recipient = ? AND created_at >= ? ORDER BY LENGTH(wire) DESC")) {
                select.setString(1, post.toString());
                select.setTimestamp(2, Timestamp.from(since));
                select.setMaxRows(1);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
        return wire.orElseThrow(() -> new IllegalStateException("headquarters queued no delta for " + post));
    }

    /**
     * Seconds from the first POST until each post's echo answered its bytes, posts one after another as
     * headquarters' one sender thread goes; bodies over the echo's limit go in pieces of at most that size.
     */
    private static double[] baseline(Node hq, BenchStar star, List<byte[]> wires) throws Exception {
        HttpClient http = PeerHttp.client(hq.exchange.orElseThrow().membership().sslContext());
        // One untimed echo per post first opens its connection, as the sender's are open.
        for (NodeIdentity post : star.posts()) {
            post(http, star.endpoints().get(post).resolve(InboxServer.ECHO_PATH), new byte[]{1});
        }
        double[] seconds = new double[wires.size()];
        long t0 = System.nanoTime();
        for (int i = 0; i < wires.size(); i++) {
            URI echo = star.endpoints().get(star.posts().get(i)).resolve(InboxServer.ECHO_PATH);
            byte[] wire = wires.get(i);
            for (int from = 0; from < wire.length; from += InboxServer.MAX_ECHO_BYTES) {
                post(http, echo, Arrays.copyOfRange(wire, from, Math.min(wire.length,
                        from + InboxServer.MAX_ECHO_BYTES)));
            }
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        return seconds;
    }

    private static void post(HttpClient http, URI echo, byte[] body) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(echo)
                .header("Content-Type", ReferencePayload.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || response.body().length != body.length) {
            throw new IllegalStateException("echo at " + echo + " answered HTTP " + response.statusCode() + " with "
                    + response.body().length + " bytes, not the " + body.length + " sent");
        }
    }
}
