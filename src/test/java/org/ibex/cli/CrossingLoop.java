package org.ibex.cli;

import org.ibex.node.Node;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.audit.AccessLog;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.document.MrzWriter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node recording crossings on several threads until it is stopped: the child process the crash tests kill.
 * Its first act after opening the store, on one thread, is one crossing and one access-log entry: what a post does
 * first after a power cut; it prints {@code restarted} once both are stored. Then it prints {@code recorded N} after
 * each commit. Several writers at once are what leave H2's identity counter behind.
 */
final class CrossingLoop {
    static final String POST = "POST-K";
    static final Actor OFFICER = new Actor(new User("officer.k", Role.OFFICER, POST), "inspection", "127.0.0.1");

    private CrossingLoop() {
    }

    /** Arguments: the data folder, the first traveller's number, the number of crossings (at most), the threads. */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        try (Node node = Node.open(data, Map.of(), Clock.systemUTC())) {
            if (node.services.posts().find(POST).isEmpty()) {
                node.services.posts().add(new Post(POST, "Crash test post", Post.Kind.LAND, ZoneId.of("UTC")));
            }
            record(node, first);
            node.services.accessLog().record(AccessLog.Access.by(OFFICER, "crossing.read", "crash-" + first));
            System.out.println("restarted");
            AtomicInteger next = new AtomicInteger(first + 1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < first + count) {
                        record(node, i);
                        System.out.println("recorded " + i);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();
        }
    }

    static void record(Node node, int traveller) {
        node.services.border().record(request(traveller), OFFICER);
    }

    static CrossingRequest request(int traveller) {
        String number = String.format("C%08d", traveller);
        String mrz = MrzWriter.td3("UTO", "CRASHTEST", "TRAVELLER", number, "XXA",
                LocalDate.of(1950, 1, 1).plusDays(traveller % 20_000), "F", LocalDate.of(2031, 1, 1), null);
        return new CrossingRequest("crash-" + traveller, Direction.ENTRY, POST, null, mrz, null, null, null, null);
    }
}
