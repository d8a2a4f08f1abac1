package org.ibex.replication;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.access.TestAccounts;
import org.ibex.access.User;
import org.ibex.border.Post;
import org.ibex.delivery.NodeProcess;
import org.ibex.delivery.TestFederation;
import org.ibex.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's partition acceptance, with three {@code ibex serve} processes of one agency: headquarters, an airport
 * post and a land post. Both posts keep recording through a simulated week while headquarters is down (crossings
 * back-dated over the past days by their supervisors, with the reason, and corrections); headquarters comes back,
 * and in the middle of its catch-up the land post and then headquarters are killed with SIGKILL and restarted.
 * Afterwards headquarters holds every record of each post exactly once, the posts' crossings and no other, and
 * every person's stay it computes is the stay of a reference node that was told each crossing as it happened.
 * Watchlists change on both sides meanwhile ({@link ListsOnBothSides}): after the catch-up both posts screen against
 * headquarters' new version and the airport's own list is untouched. The posts start before headquarters ever did,
 * so their first decisions carry the {@code reference-stale} reason; once copies arrived, decisions do not. At the
 * end the three nodes' audit chains verify.
 */
class PartitionProcessTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String AIRPORT = "UTO/IMM/POST-AIRPORT";
    private static final String LAND = "UTO/IMM/POST-LAND";
    private static final Post AIR_POST = new Post("UTO-AIR", "Utopia airport", Post.Kind.AIRPORT, ZoneId.of("UTC"));
    private static final Post LAND_POST = new Post("UTO-LAND", "Utopia land border", Post.Kind.LAND,
            ZoneId.of("Europe/Vilnius"));
    private static final String PASSWORD = "a long enough test password";
    /** Travellers who cross the land post for the day while headquarters is down: the bulk of the backlog. */
    private static final int DAY_TRIPPERS = Integer.getInteger("ibex.partition.dayTrippers", 250);
    private static final Duration DEADLINE = Duration.ofMinutes(Long.getLong("ibex.partition.minutes", 12));

    @TempDir
    Path dir;

    private final List<NodeProcess> nodes = new ArrayList<>();
    private OnlineReference reference;
    private Instant began;
    private Instant deadline;

    @AfterEach
    void stopAll() {
        nodes.forEach(NodeProcess::close);
        if (reference != null) {
            reference.close();
        }
    }

    @Test
    void afterAWeekOfflineAndKillsDuringCatchUpHeadquartersHoldsEveryRecordOnceAndEveryStayAsIfAlwaysOnline()
            throws Exception {
        began = Instant.now();
        deadline = began.plus(DEADLINE);
        Map<String, NodeProcess> joined = join();
        NodeProcess hq = joined.get(HQ);
        NodeProcess airport = joined.get(AIRPORT);
        NodeProcess land = joined.get(LAND);
        reference = OnlineReference.open(dir.resolve("reference"), List.of(AIR_POST, LAND_POST));
        airport.launch();
        land.launch();
        airport.awaitStarted();
        land.awaitStarted();
        progress("both posts serving, headquarters not yet started");
        Week.Side airSide = new Week.Side(AIR_POST, airport, PASSWORD);
        Week.Side landSide = new Week.Side(LAND_POST, land, PASSWORD);
        Week week = new Week(Instant.now().truncatedTo(ChronoUnit.MINUTES), reference, airSide, landSide);
        NodeClient analyst = new NodeClient(hq, "hq.analyst", PASSWORD);
        ListsOnBothSides lists = new ListsOnBothSides(new NodeClient(hq, "hq.lists", PASSWORD), airSide, landSide);

        // The posts have never heard from headquarters: no copy of its reference data, so every decision says so.
        week.online();
        assertEveryDecisionWarnsOfStaleReference(airSide);
        assertEveryDecisionWarnsOfStaleReference(landSide);
        hq.launch().awaitStarted();
        lists.beforePartition();
        awaitUntil("HQ holds the " + week.recorded() + " crossings recorded before it started",
                () -> analyst.crossings().size() == week.recorded(), hq);
        awaitUntil("both posts screen against HQ's national list", lists::postsHoldFirstCopy, hq, airport, land);
        progress("online: HQ holds " + week.recorded() + " crossings, the posts its national list");

        long processedBefore = hq.total("processed");
        hq.stop();
        progress("HQ stopped: the posts are offline");
        week.offline(DAY_TRIPPERS);
        lists.changeAtPost();
        progress("offline week recorded: " + week.recorded() + " crossings in all; the airport's own list changed");

        hq.start();
        lists.changeAtHeadquarters();
        awaitUntil("HQ processes a batch of the catch-up", () -> total(hq, "processed") > processedBefore, hq);
        land.kill();
        progress("land post killed -9 with HQ holding " + safeCount(analyst) + " of " + week.recorded()
                + " crossings");
        week.duringCatchUp();
        long receivedAtRestart = total(hq, "received");
        land.start();
        // Killed as soon as the land post's resent batch is stored: HQ is then applying it, or about to. Only cheap
        // looks here, so that the kill is not late.
        awaitUntil("HQ receives more of the catch-up, or the posts have no backlog", () -> total(hq, "received")
                > receivedAtRestart || backlog(land) == 0 && backlog(airport) == 0, hq);
        String totals = totals(hq);
        hq.kill();
        progress("HQ killed -9 with totals " + totals + " (HQ had received " + receivedAtRestart
                + " envelopes when the land post restarted)");
        hq.start();

        awaitUntil("HQ holds all " + week.recorded() + " crossings and neither post has a backlog",
                () -> analyst.crossings().size() >= week.recorded() && backlog(airport) == 0 && backlog(land) == 0,
                hq, airport, land);
        progress("caught up");
        awaitUntil("both posts screen against HQ's new list version", lists::postsHoldNewVersion, hq, airport, land);
        lists.crossAtBothPosts(week);
        awaitUntil("HQ holds the listed traveller's crossings with their hits", () -> analyst.crossings().size()
                >= week.recorded() && lists.headquartersHoldsTheHits(analyst), hq, airport, land);
        progress("HQ's list change screened at both posts, the hits at HQ");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, JsonNode> expected = reference.stays(today);
        Map<String, JsonNode> atHq = stays(analyst, today);
        assertThat(atHq.keySet()).as("the persons headquarters knows").isEqualTo(expected.keySet());
        for (Map.Entry<String, JsonNode> stay : expected.entrySet()) {
            assertThat(atHq.get(stay.getKey())).as("stay of %s at HQ", stay.getKey()).isEqualTo(stay.getValue());
        }
        week.assertStory(atHq);
        progress(atHq.size() + " stays at HQ as a node always online computes them");

        NodeProcess.stopAll(hq, airport, land);
        Held airportHeld = read(airport, PartitionProcessTest::postSide);
        Held landHeld = read(land, PartitionProcessTest::postSide);
        Held national = read(hq, PartitionProcessTest::headquarters);
        assertThat(airportHeld.crossings().size() + landHeld.crossings().size()).isEqualTo(week.recorded());
        assertEveryRecordOnce(hq, AIRPORT, airportHeld.journalHead());
        assertEveryRecordOnce(hq, LAND, landHeld.journalHead());
        Set<String> union = new HashSet<>(airportHeld.crossings());
        union.addAll(landHeld.crossings());
        assertThat(national.crossings()).as("crossing uids at HQ, once each").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(union);
        assertThat(national.corrections()).as("corrections at HQ supersede what they correct")
                .isEqualTo(airportHeld.corrections() + landHeld.corrections()).isEqualTo(week.corrections());
        progress("HQ holds " + airportHeld.journalHead() + " records of the airport and " + landHeld.journalHead()
                + " of the land post, each once");

        Database.SqlWork<Long> copy = c -> single(c, "SELECT version FROM reference_copy WHERE dataset = 'watchlist/"
                + ListsOnBothSides.NATIONAL + "'");
        long hqVersion = read(hq, c -> single(c, "SELECT MAX(version) FROM watchlist_version WHERE list_id = '"
                + ListsOnBothSides.NATIONAL + "'"));
        long airportCopy = read(airport, copy);
        long landCopy = read(land, copy);
        assertThat(hqVersion).as("national list versions at HQ: made, then changed offline").isEqualTo(2);
        assertThat(airportCopy).as("the airport's copy of the national list").isEqualTo(hqVersion);
        assertThat(landCopy).as("the land post's copy of the national list").isEqualTo(hqVersion);
        List<String> ownVersions = read(airport, c -> strings(c, "SELECT created_by FROM watchlist_version"
                + " WHERE list_id = '" + ListsOnBothSides.POST_LIST + "' ORDER BY version"));
        String supervisor = Week.Side.supervisor(AIR_POST).username();
        assertThat(ownVersions).as("versions of the airport's own list: its supervisor's two, none by HQ")
                .containsExactly(supervisor, supervisor);
        long ownCopies = read(airport, c -> single(c, "SELECT COUNT(*) FROM reference_copy WHERE dataset = 'watchlist/"
                + ListsOnBothSides.POST_LIST + "'"));
        long ownAtHq = read(hq, c -> single(c, "SELECT COUNT(*) FROM watchlist WHERE id = '"
                + ListsOnBothSides.POST_LIST + "'"));
        assertThat(ownCopies).as("copies from HQ of the airport's own list").isZero();
        assertThat(ownAtHq).as("the airport's own list at HQ").isZero();
        for (NodeProcess node : List.of(hq, airport, land)) {
            assertThat(node.command("audit", "verify", "--data", node.data.toString()))
                    .as("ibex audit verify of %s", node.node).isZero();
        }
        progress("the posts hold HQ's list version " + hqVersion + ", the airport's own list is its own;"
                + " the three audit chains verify");
    }

    /** Every crossing the post holds carries the {@code reference-stale} reason. */
    private static void assertEveryDecisionWarnsOfStaleReference(Week.Side side) throws Exception {
        List<JsonNode> crossings = side.supervisor().crossings();
        assertThat(crossings).as("crossings at %s", side.post().id()).isNotEmpty();
        for (JsonNode crossing : crossings) {
            assertThat(ListsOnBothSides.reasonCodes(crossing)).as("reasons of %s, no reference data received yet",
                    crossing.path("uid").asText()).contains(ListsOnBothSides.STALE);
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    /** What one node holds: its journal head (posts), its crossings as post/uid, how many supersede another. */
    private record Held(long journalHead, List<String> crossings, long corrections) {
    }

    private void assertEveryRecordOnce(NodeProcess hq, String origin, long head) {
        long[] stored = read(hq, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT origin_seq),"
                    + " MIN(origin_seq), MAX(origin_seq) FROM national_record WHERE origin_node = ?")) {
                select.setString(1, origin);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new long[]{row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)};
                }
            }
        });
        assertThat(head).as("%s journaled records", origin).isPositive();
        assertThat(stored).as("national_record of %s: count, distinct, first, last", origin)
                .containsExactly(head, head, 1, head);
    }

    private static Held postSide(Connection connection) throws SQLException {
        return new Held(single(connection, "SELECT last_seq FROM record_journal_head"), crossingUids(connection),
                single(connection, "SELECT COUNT(*) FROM crossing WHERE supersedes IS NOT NULL"));
    }

    private static Held headquarters(Connection connection) throws SQLException {
        return new Held(0, crossingUids(connection),
                single(connection, "SELECT COUNT(*) FROM crossing WHERE supersedes IS NOT NULL"));
    }

    private static List<String> crossingUids(Connection connection) throws SQLException {
        List<String> uids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT post_id, uid FROM crossing");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                uids.add(row.getString(1) + "/" + row.getString(2));
            }
        }
        return uids;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Every person's stay at headquarters, by the facts that name them, read through its API as an analyst. */
    private static Map<String, JsonNode> stays(NodeClient analyst, LocalDate day) throws Exception {
        Set<Long> persons = new java.util.TreeSet<>();
        for (JsonNode crossing : analyst.crossings()) {
            persons.add(crossing.path("personId").asLong());
        }
        Map<String, JsonNode> stays = new TreeMap<>();
        for (long person : persons) {
            JsonNode stay = analyst.stay(person, day);
            stays.put(OnlineReference.personKey(stay), OnlineReference.withoutPersonId(stay));
        }
        return stays;
    }

    /** HQ, the airport and the land post joined to one federation, each with its post, officer and supervisor. */
    private Map<String, NodeProcess> join() throws Exception {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        for (String node : List.of(HQ, AIRPORT, LAND)) {
            endpoints.put(node, URI.create("https://127.0.0.1:" + NodeProcess.freePort()));
        }
        TestFederation pki = new TestFederation(endpoints);
        Path anchor = NodeProcess.writeAnchor(dir.resolve("root"), pki.root);
        Path directory = Files.write(dir.resolve("directory.json"), pki.signedDirectory);
        Map<String, NodeProcess> joined = new LinkedHashMap<>();
        for (String id : endpoints.keySet()) {
            NodeProcess node = NodeProcess.join(dir.resolve(id.substring(id.lastIndexOf('/') + 1).toLowerCase()),
                    pki.node(id), anchor, directory);
            nodes.add(node);
            joined.put(id, node);
        }
        seed(joined.get(HQ), null);
        seed(joined.get(AIRPORT), AIR_POST);
        seed(joined.get(LAND), LAND_POST);
        return joined;
    }

    /** Before the node's first start, as its operator would: its border post and the accounts that work there. */
    private static void seed(NodeProcess node, Post post) {
        try (Database database = Database.open(node.store)) {
            if (post == null) {
                TestAccounts.seed(database, new User("hq.analyst", Role.ANALYST, null), PASSWORD);
                TestAccounts.seed(database, new User("hq.lists", Role.LIST_MANAGER, null), PASSWORD);
                return;
            }
            new org.ibex.border.PostRepository(database).add(post);
            TestAccounts.seed(database, Week.Side.officer(post), PASSWORD);
            TestAccounts.seed(database, Week.Side.supervisor(post), PASSWORD);
        }
    }

    private static <T> T read(NodeProcess node, Database.SqlWork<T> work) {
        try (Database database = Database.open(node.store)) {
            return database.read(work);
        }
    }

    private static long backlog(NodeProcess post) throws Exception {
        for (JsonNode peer : post.exchangeStatus().path("peers")) {
            if (peer.path("peer").asText().equals(HQ)) {
                return peer.path("backlog").asLong();
            }
        }
        return 0;
    }

    private static long total(NodeProcess node, String name) {
        try {
            return node.total(name);
        } catch (Exception e) {
            return -1;
        }
    }

    private static String totals(NodeProcess node) {
        try {
            return node.exchangeStatus().path("totals").toString();
        } catch (Exception e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }

    private static int safeCount(NodeClient analyst) {
        try {
            return analyst.crossings().size();
        } catch (Exception e) {
            return -1;
        }
    }

    /** A condition polled against live nodes: an error while one starts reads as not yet. */
    @FunctionalInterface
    private interface Probe {
        boolean holds() throws Exception;
    }

    /** Polls until {@code condition} holds; past the deadline, fails with what the nodes were doing. */
    private void awaitUntil(String what, Probe condition, NodeProcess... watched) throws Exception {
        while (!holds(condition)) {
            if (Instant.now().isAfter(deadline)) {
                StringBuilder state = new StringBuilder("timed out waiting until " + what);
                for (NodeProcess node : watched) {
                    state.append("\n").append(node.logTail());
                }
                throw new AssertionError(state);
            }
            Thread.sleep(200);
        }
    }

    private static boolean holds(Probe condition) {
        try {
            return condition.holds();
        } catch (Exception e) {
            return false;
        }
    }

    private void progress(String event) {
        System.out.println("partition test: +" + Duration.between(began, Instant.now()).toSeconds() + " s " + event);
    }
}
