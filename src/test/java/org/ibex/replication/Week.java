package org.ibex.replication;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.delivery.NodeProcess;
import org.ibex.document.MrzWriter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partition test's week at two posts, each crossing recorded through the post's HTTP API and told at once to
 * the {@link OnlineReference}. The week is simulated: crossings carry times over the past seven days, so the posts'
 * supervisors record them as late, with the reason, as the node's clock-skew rule asks of back-dated crossings.
 */
final class Week {
    static final String LATE = "simulated week: the partition test replays seven days in minutes";
    private static final LocalDate EXPIRY = LocalDate.of(2035, 1, 1);
    /** Entered at the airport on the first day; the first {@link #EXITED_BY_LAND} leave by the land post offline. */
    private static final int AIRPORT_ARRIVALS = 12;
    private static final int EXITED_BY_LAND = 8;
    /** Entered by land on the second day; all but the first leave through the airport offline. */
    private static final int LAND_ARRIVALS = 5;

    private final Instant start;
    private final OnlineReference reference;
    private final Side airport;
    private final Side land;
    private final Map<String, Long> postIds = new ConcurrentHashMap<>();
    private final Map<String, Long> referenceIds = new ConcurrentHashMap<>();
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicInteger corrections = new AtomicInteger();

    /** A post of the week: its row, its node, and its officer's and supervisor's logins. */
    record Side(Post post, NodeProcess node, NodeClient officer, NodeClient supervisor) {
        Side(Post post, NodeProcess node, String password) {
            this(post, node, new NodeClient(node, officer(post).username(), password),
                    new NodeClient(node, supervisor(post).username(), password));
        }

        static User officer(Post post) {
            return new User("officer." + post.id().toLowerCase(), Role.OFFICER, post.id());
        }

        static User supervisor(Post post) {
            return new User("supervisor." + post.id().toLowerCase(), Role.SUPERVISOR, post.id());
        }
    }

    Week(Instant start, OnlineReference reference, Side airport, Side land) {
        this.start = start;
        this.reference = reference;
        this.airport = airport;
        this.land = land;
    }

    /** Crossing rows made at the posts so far, corrections included. */
    int recorded() {
        return recorded.get();
    }

    int corrections() {
        return corrections.get();
    }

    /** The first two days, headquarters online: arrivals at the airport and by land. */
    void online() throws Exception {
        for (int i = 0; i < AIRPORT_ARRIVALS; i++) {
            late(airport, "air-in-" + i, Direction.ENTRY, traveller("AIRA", i), day(7).plus(minutes(i)));
        }
        for (int i = 0; i < LAND_ARRIVALS; i++) {
            late(land, "land-in-" + i, Direction.ENTRY, traveller("LANDA", i), day(6).plus(minutes(i)));
        }
    }

    /**
     * Five days with headquarters down: the airport's arrivals leave by land, the land arrivals through the airport,
     * day-trippers cross the land post both ways, new arrivals at the airport, and one correction at each post (one of
     * a crossing headquarters already holds, one of a crossing it has not yet seen).
     */
    void offline(int dayTrippers) throws Exception {
        for (int i = 0; i < EXITED_BY_LAND; i++) {
            late(land, "land-out-" + i, Direction.EXIT, traveller("AIRA", i), day(2).plus(minutes(i)));
        }
        long mistaken = late(land, "land-wrong-0", Direction.ENTRY, traveller("LANDA", 0), day(3));
        correct(land, "land-wrong-0", mistaken, "land-fixed-0", Direction.EXIT, traveller("LANDA", 0), day(3),
                "keyed as an entry: the traveller was leaving");
        for (int i = 1; i < LAND_ARRIVALS; i++) {
            late(airport, "air-out-" + i, Direction.EXIT, traveller("LANDA", i), day(1).plus(minutes(i)));
        }
        int last = AIRPORT_ARRIVALS - 1;
        correct(airport, "air-in-" + last, postIds.get(airport.post().id() + "/air-in-" + last), "air-fixed-" + last,
                Direction.ENTRY, traveller("AIRA", last), day(5), "entry date keyed two days early");
        CompletableFuture<Void> arrivals = CompletableFuture.runAsync(() -> each(dayTrippers / 3, i ->
                late(airport, "air-new-" + i, Direction.ENTRY, traveller("AIRB", i), day(3).plus(minutes(i)))));
        each(dayTrippers, i -> {
            String mrz = traveller("DAY", i);
            Instant morning = day(5).plus(minutes(i * 6L));
            late(land, "day-in-" + i, Direction.ENTRY, mrz, morning);
            late(land, "day-out-" + i, Direction.EXIT, mrz, morning.plus(Duration.ofHours(6)));
        });
        arrivals.join();
    }

    /** Arrivals at the airport, on time, while headquarters catches up and the land post is down. */
    void duringCatchUp() throws Exception {
        for (int i = 0; i < 5; i++) {
            String uid = "air-now-" + i;
            CrossingRequest request = request(airport, uid, Direction.ENTRY, traveller("AIRC", i), Instant.now(), null);
            postIds.put(airport.post().id() + "/" + uid, airport.officer().record(request));
            referenceIds.put(uid, reference.record(request, Side.officer(airport.post())));
            recorded.incrementAndGet();
        }
    }

    /**
     * An arrival at {@code side} now, recorded by its officer and told to the reference; answers the post's reply
     * (crossing, stay and hits).
     */
    JsonNode arrivalNow(Side side, String uid, String mrz) throws Exception {
        CrossingRequest request = request(side, uid, Direction.ENTRY, mrz, Instant.now(), null);
        JsonNode recorded = side.officer().recordInFull(request);
        postIds.put(side.post().id() + "/" + uid, recorded.path("crossing").path("id").asLong());
        referenceIds.put(uid, reference.record(request, Side.officer(side.post())));
        this.recorded.incrementAndGet();
        return recorded;
    }

    /** The story's stays as headquarters computes them, beyond their equality with the reference. */
    void assertStory(Map<String, JsonNode> stays) {
        assertThat(present(stays, "AIRA", 0)).as("entered at the airport, left by land offline").isFalse();
        assertThat(present(stays, "AIRA", AIRPORT_ARRIVALS - 1)).as("entered at the airport, still here").isTrue();
        assertThat(present(stays, "LANDA", 0)).as("a mistaken entry corrected to the exit it was").isFalse();
        assertThat(present(stays, "LANDA", 1)).as("entered by land, left through the airport").isFalse();
        assertThat(present(stays, "AIRB", 0)).as("arrived at the airport offline").isTrue();
        assertThat(present(stays, "AIRC", 0)).as("arrived during the catch-up").isTrue();
    }

    private static boolean present(Map<String, JsonNode> stays, String group, int i) {
        String surname = surname(group, i);
        return stays.entrySet().stream().filter(e -> e.getKey().startsWith(surname + "|")).findFirst()
                .orElseThrow(() -> new AssertionError("no stay of " + surname + " at HQ")).getValue()
                .path("status").path("present").asBoolean();
    }

    private long late(Side side, String uid, Direction direction, String mrz, Instant at) throws Exception {
        CrossingRequest request = request(side, uid, direction, mrz, at, LATE);
        long id = side.supervisor().record(request);
        postIds.put(side.post().id() + "/" + uid, id);
        referenceIds.put(uid, reference.record(request, Side.supervisor(side.post())));
        recorded.incrementAndGet();
        return id;
    }

    private void correct(Side side, String oldUid, long oldId, String uid, Direction direction, String mrz,
                         Instant at, String reason) throws Exception {
        CrossingRequest request = request(side, uid, direction, mrz, at, null);
        postIds.put(side.post().id() + "/" + uid, side.supervisor().correct(oldId, request, reason));
        referenceIds.put(uid, reference.correct(referenceIds.get(oldUid), request, reason,
                Side.supervisor(side.post())));
        recorded.incrementAndGet();
        corrections.incrementAndGet();
    }

    private static CrossingRequest request(Side side, String uid, Direction direction, String mrz, Instant at,
                                           String lateReason) {
        return new CrossingRequest(uid, direction, side.post().id(), at, mrz, null, null, null, null, null,
                lateReason);
    }

    /** Step {@code count} times, failing on the first error. */
    private static void each(int count, Step step) {
        for (int i = 0; i < count; i++) {
            try {
                step.run(i);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(int i) throws Exception;
    }

    private Instant day(int daysAgo) {
        return start.minus(Duration.ofDays(daysAgo));
    }

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    /** A traveller's passport: one surname per traveller, so linking has no doubt to resolve. */
    static String traveller(String group, int i) {
        return MrzWriter.td3("FRA", surname(group, i), "JEANNE", group.charAt(0) + String.format("%07d", i)
                + group.charAt(group.length() - 1), "FRA", LocalDate.of(1970, 1, 1).plusDays(i), "F", EXPIRY, null);
    }

    /** The passport of a traveller of another name than the week's, such as one on a watchlist. */
    static String named(String surname, String given, String number) {
        return MrzWriter.td3("POL", surname, given, number, "POL", LocalDate.of(1968, 3, 14), "M", EXPIRY, null);
    }

    /** Letters only, as a passport's zone carries them: the group, then the number written in letters A-J. */
    static String surname(String group, int i) {
        StringBuilder digits = new StringBuilder();
        for (char c : Integer.toString(i).toCharArray()) {
            digits.append((char) ('A' + (c - '0')));
        }
        return group + "X" + digits;
    }
}
