package org.ibex.cli;

import org.ibex.demo.FederationLayout;
import org.ibex.demo.FederationSetup;

import org.ibex.store.Database;
import org.ibex.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The federation demo end to end: six nodes as separate processes; a traveller's entry at the airport post and
 * exit at the land post, both recorded while headquarters is not yet started, reach headquarters when it starts,
 * which then shows the stay ended; a person added to a national list at headquarters reaches both posts' copies and
 * hits at the airport; an entry 100 days ago raises an overstay alert that the land post's late exit withdraws with
 * the reason; the police ask immigration whether the first traveller crossed and are answered, the labour
 * inspectorate is refused at its own node for a purpose its agreement does not name, then answered once
 * immigration's supervisor approves; a note, a ping answered by a pong, and another note. Afterwards every node has
 * stopped and each database holds what it received.
 */
class FederationDemoTest {
    private static final int NODES = 6;
    @TempDir
    Path dir;

    @Test
    // The demo's own limits (90 s to start, 30 s a message, the stop) come first; this only catches a hang.
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void sixNodesInTwoStatesCatchUpOfflinePostsAndExchangeNotesAndAPingAsSeparateProcesses() throws Exception {
        int base = freeBlock(-1);
        int web = freeBlock(base);
        Path demo = dir.resolve("federation");

        CliRun run = CliRun.of("demo", "--federation", "--data", demo.toString(), "--base-port", Integer.toString(base),
                "--web-base-port", Integer.toString(web), "--exit-after-demo");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).as(run.output())
                .contains("Utopia labour inspectorate")
                .contains("UTO/IMM/POST-LAND holds 1 batch for UTO/IMM/HQ, which is down")
                .contains("processed at UTO/IMM/HQ: records 1..1 from UTO/IMM/POST-AIRPORT: applied 1")
                .contains("processed at UTO/IMM/HQ: records 1..1 from UTO/IMM/POST-LAND: applied 1")
                .contains("UTO/IMM/HQ shows the stay of OKONKWO AMARA ended: entered at UTO-AIR, left at UTO-LAND"
                        + " (present=false")
                .contains("list manager at UTO/IMM/HQ adds MORAES VALENTINA to uto-wanted: version 2")
                .contains("copy of watchlist/uto-wanted at UTO/IMM/POST-AIRPORT moves to version 2")
                .contains("copy of watchlist/uto-wanted at UTO/IMM/POST-LAND moves to version 2")
                .contains("entry of MORAES VALENTINA at UTO/IMM/POST-AIRPORT: REFER, hit on uto-wanted entry W2")
                .contains("overstay alert raised at UTO/IMM/HQ: ")
                .contains("overstay alert withdrawn at UTO/IMM/HQ: exit recorded at UTO-LAND on")
                .contains("pol.investigator at UTO/POL/HQ asks UTO/IMM/HQ whether OKONKWO AMARA (born 1988-03-14)"
                        + " crossed, for criminal-investigation under UTO-IMM-POL@v1")
                .contains("answer landed at UTO/POL/HQ: hit, 2 crossings: exit at UTO-LAND ")
                .contains("for tax-audit: refused at UTO/LAB/HQ before anything left, wrong-purpose (")
                .contains("held for approval at UTO/IMM/HQ")
                .contains("approved at UTO/IMM/HQ by hq.supervisor: UTO/LAB/HQ asked about SANTOS for"
                        + " work-permit-check")
                .contains("answer landed at UTO/LAB/HQ: hit, in the country since ")
                .contains("ledger at UTO/IMM/HQ for OKONKWO AMARA under UTO-IMM-POL: question received from UTO/POL/HQ"
                        + " (biographic); answer sent to UTO/POL/HQ (hit, biographic, travel-history)")
                .contains("ledger at UTO/POL/HQ for OKONKWO AMARA under UTO-IMM-POL: question sent to UTO/IMM/HQ"
                        + " (biographic); answer received from UTO/IMM/HQ (hit, biographic, travel-history)")
                .contains("processed at UTO/IMM/HQ: noted")
                .contains("pong processed at UTO/IMM/HQ: pong from XXB/IMM/HQ")
                .contains("processed at UTO/IMM/POST-AIRPORT: noted")
                .contains("stopped 6 nodes")
                .contains("installed at XXB/IMM/HQ the agreement UTO-XXB-IDC@v1")
                .contains("enrolled 2 people in the gallery of UTO/IMM/HQ")
                .contains("enrolled 3 people in the gallery of XXB/IMM/HQ")
                .contains("xxb.liaison at XXB/IMM/HQ probes UTO/IMM/HQ's gallery with 2 fingerprint templates of an"
                        + " arrival without documents, for identity-confirmation under UTO-XXB-IDC@v1")
                .contains("answer landed at XXB/IMM/HQ: hit, reference ref-")
                .contains("answer landed at XXB/IMM/HQ: no-hit, no reference; deletion receipt signed by UTO/IMM/HQ"
                        + " (verified against the federation anchor)")
                .contains("oversight at UTO/IMM/HQ: probe ")
                .contains("asks a release for the no-hit: refused at XXB/IMM/HQ before anything left, no-hit")
                .contains("held for approval at UTO/IMM/HQ (the agreement wants a person to approve each release)")
                .contains("approved in part at UTO/IMM/HQ by hq.supervisor")
                .contains("released data landed at XXB/IMM/HQ: partial (biographic, travel-history), IVANOVA MARTA")
                .contains("Identity confirmation between the states (UTO-XXB-IDC): xxb.liaison (XXB/IMM/HQ)");
        assertThat(childrenOf(demo)).as("no node outlives the demo").isEmpty();
        assertThat(processed(demo.resolve("uto-hq"))).contains("exchange.note from UTO/IMM/POST-LAND: noted (81 bytes)",
                "exchange.pong from XXB/IMM/HQ: pong from XXB/IMM/HQ");
        assertThat(nationalRecords(demo.resolve("uto-hq"))).as("HQ's national store, by origin")
                .containsExactly("UTO/IMM/POST-AIRPORT 1 crossing", "UTO/IMM/POST-AIRPORT 2 crossing",
                        "UTO/IMM/POST-AIRPORT 3 crossing", "UTO/IMM/POST-AIRPORT 4 crossing",
                        "UTO/IMM/POST-LAND 1 crossing", "UTO/IMM/POST-LAND 2 crossing");
        assertThat(rows(demo.resolve("uto-hq"), "SELECT asker || ' ' || purpose || ' ' || state || ' '"
                + " || COALESCE(outcome, '-') || ' ' || COALESCE(decided_by, '-') FROM agency_request ORDER BY received_at"))
                .as("HQ answered the police at once and labour once its supervisor approved; the refused question"
                        + " never left the labour node").containsExactly(
                        "UTO/POL/HQ criminal-investigation ANSWERED hit agreement",
                        "UTO/LAB/HQ work-permit-check ANSWERED hit hq.supervisor");
        assertThat(rows(demo.resolve("uto-labour"), "SELECT purpose || ' ' || state || ' ' || outcome FROM"
                + " agency_question")).containsExactly("work-permit-check ANSWERED hit");
        assertThat(rows(demo.resolve("uto-labour"), "SELECT action || ' ' || subject || ' ' || purpose FROM"
                + " access_log WHERE action = 'agency.question.refused'")).as("the refusal is audited at the asker")
                .containsExactly("agency.question.refused UTO/IMM/HQ wrong-purpose tax-audit");
        List<String> atXxb = processed(demo.resolve("xxb-hq"));
        assertThat(atXxb.stream().filter(r -> r.startsWith("exchange.")).toList()).singleElement().asString()
                .startsWith("exchange.ping from UTO/IMM/HQ: answered with ");
        assertThat(atXxb.stream().filter(r -> r.startsWith("confirm.")).toList()).containsExactlyInAnyOrder(
                "confirm.result from UTO/IMM/HQ: answered: hit", "confirm.result from UTO/IMM/HQ: answered: no-hit",
                "confirm.release from UTO/IMM/HQ: waiting for the partner's approval",
                "confirm.release from UTO/IMM/HQ: released: [biographic, travel-history]");
        // Headquarters' reference data reaches its posts too (see ReferenceDataTest); here only the note counts.
        List<String> atAirport = processed(demo.resolve("uto-airport"));
        assertThat(atAirport.stream().filter(r -> r.startsWith("exchange.")).toList())
                .containsExactly("exchange.note from UTO/POL/HQ: noted (49 bytes)");
        // Every inspection at the airport asked the police, under UTO-IMM-POL, whether the traveller is wanted.
        assertThat(atAirport.stream().filter(r -> r.startsWith("agency.")).toList()).isNotEmpty()
                .allMatch(r -> r.equals("agency.answer from UTO/POL/HQ: answered: no-hit"));
        assertThat(rows(demo.resolve("uto-airport"), "SELECT DISTINCT query_type || ' ' || purpose || ' ' || state"
                + " FROM agency_question")).containsExactly("wanted border-check ANSWERED");
        assertThat(rows(demo.resolve("uto-hq"), "SELECT p.surname FROM person p WHERE EXISTS (SELECT 1 FROM"
                + " biometric_subject s WHERE s.person_id = p.id) ORDER BY p.surname"))
                .as("Utopia's gallery: one person known to both states, one known to Utopia only")
                .containsExactly("IVANOVA", "NWOSU");
        assertThat(rows(demo.resolve("xxb-hq"), "SELECT p.surname FROM person p WHERE EXISTS (SELECT 1 FROM"
                + " biometric_subject s WHERE s.person_id = p.id) ORDER BY p.surname"))
                .as("XXB's gallery: the person known to both and its own nationals' other fingers")
                .containsExactly("MENSAH", "NWOSU", "OSEI");
        assertThat(demo.resolve("agreements").resolve("UTO-XXB-IDC.json")).isRegularFile();
        assertThat(rows(demo.resolve("xxb-hq"), "SELECT outcome || ' ' || receipt_valid FROM partner_probe"
                + " ORDER BY outcome")).containsExactly("hit TRUE", "no-hit TRUE");
        assertThat(rows(demo.resolve("uto-hq"), "SELECT outcome FROM partner_search WHERE deleted_at IS NOT NULL"
                + " ORDER BY outcome")).as("both probes searched and erased at Utopia").containsExactly("hit", "no-hit");
        assertThat(rows(demo.resolve("xxb-hq"), "SELECT state || ' ' || released_categories FROM partner_release"))
                .containsExactly("PARTIAL biographic,travel-history");
        try (var receipts = java.nio.file.Files.list(demo.resolve("receipts"))) {
            assertThat(receipts.toList()).as("the hit's receipt kept as a file").hasSize(1);
        }
        assertThat(run.printedStackTrace()).as(run.output()).isFalse();
    }

    @Test
    void aTakenPortOrAChangedBasePortIsRefusedNamingItBeforeAnyNodeStarts() throws Exception {
        int base = freeBlock(-1);
        int web = freeBlock(base);
        Path demo = dir.resolve("federation");
        try (ServerSocket taken = new ServerSocket(web + 2, 1, InetAddress.getLoopbackAddress())) {
            CliRun busy = CliRun.of("demo", "--federation", "--data", demo.toString(), "--base-port",
                    Integer.toString(base), "--web-base-port", Integer.toString(web), "--exit-after-demo");

            assertThat(busy.exit()).as(busy.output()).isEqualTo(2);
            assertThat(busy.err()).contains("port " + (web + 2) + " on 127.0.0.1, the web port of UTO/IMM/POST-LAND,"
                    + " is in use").contains("--web-base-port");
            assertThat(busy.printedStackTrace()).as(busy.output()).isFalse();
        }
        // A node certificate names its port: a demo made on one base port is not silently moved to another.
        new FederationSetup(FederationLayout.resolve(demo, base, web), new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream())).prepare();
        CliRun moved = CliRun.of("demo", "--federation", "--data", demo.toString(), "--base-port",
                Integer.toString(base + 10), "--exit-after-demo");

        assertThat(moved.exit()).as(moved.output()).isEqualTo(2);
        assertThat(moved.err()).contains("was created with exchange ports " + base + ".." + (base + 5));
        assertThat(childrenOf(demo)).isEmpty();
    }

    @AfterEach
    void killLeftoverNodes() {
        // Whatever failed above, no node of this test may keep running.
        childrenOf(dir).forEach(ProcessHandle::destroyForcibly);
    }

    /** Live processes this JVM started whose command line names a folder under {@code folder}. */
    private static List<ProcessHandle> childrenOf(Path folder) {
        String marker = folder.toAbsolutePath().toString();
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(marker)).orElse(false))
                .toList();
    }

    /** "type from sender: outcome" of every processed message in the node's database, oldest first. */
    private static List<String> processed(Path node) {
        try (Database database = Database.open(StoreConfig.embedded(node))) {
            return database.read(connection -> {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT type, sender, outcome FROM"
                        + " exchange_inbox WHERE processed_at IS NOT NULL ORDER BY received_at");
                     ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(row.getString(1) + " from " + row.getString(2) + ": " + row.getString(3));
                    }
                }
                return rows;
            });
        }
    }

    /** The first column of every row {@code sql} selects in the node's database. */
    private static List<String> rows(Path node, String sql) {
        try (Database database = Database.open(StoreConfig.embedded(node))) {
            return database.read(connection -> {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(row.getString(1));
                    }
                }
                return rows;
            });
        }
    }

    /** "origin seq kind" of every record in the node's national store, by origin and sequence. */
    private static List<String> nationalRecords(Path node) {
        try (Database database = Database.open(StoreConfig.embedded(node))) {
            return database.read(connection -> {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT origin_node, origin_seq, kind FROM"
                        + " national_record ORDER BY origin_node, origin_seq"); ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(row.getString(1) + " " + row.getLong(2) + " " + row.getString(3));
                    }
                }
                return rows;
            });
        }
    }

    /** The first of {@link #NODES} consecutive loopback ports that are free now and do not overlap {@code other}'s. */
    private static int freeBlock(int other) throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = 20_000 + random.nextInt(30_000);
            if (other >= 0 && Math.abs(first - other) < NODES) {
                continue;
            }
            if (allFree(first)) {
                return first;
            }
        }
        throw new IOException("no " + NODES + " consecutive free ports found on 127.0.0.1");
    }

    private static boolean allFree(int first) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int port = first; port < first + NODES; port++) {
                held.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // only probing
                }
            }
        }
    }
}
