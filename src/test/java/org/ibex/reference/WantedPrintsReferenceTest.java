package org.ibex.reference;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.Identification;
import org.ibex.biometrics.WantedPrint;
import org.ibex.border.Crossing;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.border.Reason;
import org.ibex.document.MrzWriter;
import org.ibex.node.Node;
import org.ibex.replication.FederatedNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.reference.ReferenceDataTest.await;
import static org.ibex.reference.ReferenceDataTest.count;
import static org.ibex.reference.ReferenceDataTest.version;

/**
 * A headquarters configured to (reference.wanted-prints) sends its posts the fingerprints of the persons it flags as
 * wanted: a post that holds the copy refers a traveller whose prints match, whatever their passport says, and finds
 * them in a 1:N search; a lifted flag leaves the posts with headquarters' next copy. A headquarters not configured to
 * sends no templates at all.
 */
class WantedPrintsReferenceTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String LAND = "UTO/IMM/POST-LAND";
    private static final Actor MANAGER = new Actor(new User("lists.hq", Role.LIST_MANAGER, null), "lists", "test");
    private static final Actor HQ_OFFICER = new Actor(new User("officer.hq", Role.OFFICER, "UTO-HQ"), "test", "t");
    private static final Actor OFFICER = new Actor(new User("officer.land", Role.OFFICER, "UTO-LAND"), "inspection",
            "test");

    @TempDir
    Path dir;

    @Test
    void aPostRefersATravellerWhosePrintsHeadquartersWantsUntilTheFlagIsLifted() throws Exception {
        configure(HQ, "reference.wanted-prints=true\n");
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = landPost(nodes);
            long subject = hq.services.biometrics().enrol(null, "suspect seen on camera",
                    List.of(finger(FingerPosition.RIGHT_INDEX, 101, 1), finger(FingerPosition.LEFT_INDEX, 102, 1)),
                    null, null, HQ_OFFICER).subjectId();
            WantedPrint flag = hq.services.biometrics().wanted().flag(subject, null, "arrest warrant 2026/114",
                    MANAGER);
            hq.reference.orElseThrow().publishNow();
            // Headquarters' loop may have sent an empty copy before the flag: the one that counts holds it. The
            // gallery is swapped inside the message's transaction, so the rows are what says it committed.
            await("the post holds headquarters' wanted prints", () -> count(land,
                    "SELECT COUNT(*) FROM wanted_print_copy_finger") == 2);
            long held = version(land, "wanted-prints");
            assertThat(land.services.biometrics().wanted().size()).isEqualTo(1);

            Crossing matched = enter(land, "u-wanted", "RP1000001", finger(FingerPosition.RIGHT_INDEX, 101, 3));
            assertThat(matched.decision().name()).isEqualTo("REFER");
            assertThat(matched.reasons()).filteredOn(r -> r.code().equals("wanted-prints")).singleElement()
                    .extracting(Reason::message).asString().contains(flag.reference())
                    .contains("suspect seen on camera").contains("arrest warrant 2026/114").contains("headquarters");
            assertThat(wantedReasons(enter(land, "u-other", "RP1000002", finger(FingerPosition.RIGHT_INDEX, 103, 1))))
                    .as("another person's prints").isEmpty();
            Identification search = land.services.biometrics().identify("no documents",
                    List.of(finger(FingerPosition.LEFT_INDEX, 102, 4)), null, OFFICER);
            assertThat(search.wanted()).singleElement().satisfies(match -> {
                assertThat(match.reference()).isEqualTo(flag.reference());
                assertThat(match.source()).isEqualTo(WantedPrint.Source.HEADQUARTERS);
            });
            assertThat(count(land, "SELECT COUNT(*) FROM access_log WHERE action = 'wanted-prints.match'"))
                    .isEqualTo(2);

            hq.services.biometrics().wanted().lift(subject, "warrant withdrawn", MANAGER);
            hq.reference.orElseThrow().publishNow();
            await("the post holds the copy without the lifted flag", () -> version(land, "wanted-prints") > held);
            assertThat(land.services.biometrics().wanted().size()).isZero();
            assertThat(count(land, "SELECT COUNT(*) FROM wanted_print_copy")).isZero();
            assertThat(wantedReasons(enter(land, "u-after", "RP1000003", finger(FingerPosition.RIGHT_INDEX, 101, 4))))
                    .isEmpty();
            assertThat(count(hq, "SELECT COUNT(*) FROM access_log WHERE action IN ('wanted-prints.flag',"
                    + " 'wanted-prints.lift')")).isEqualTo(2);
        }
    }

    @Test
    void withoutTheSettingHeadquartersSendsNoTemplates() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = landPost(nodes);
            flagAndPublish(hq);
            await("the post holds the stay rules", () -> version(land, "stay-rules") >= 1);

            assertThat(version(land, "wanted-prints")).isZero();
            assertThat(count(land, "SELECT COUNT(*) FROM wanted_print_copy")).isZero();
            assertThat(wantedReasons(enter(land, "u-1", "RP1000001", finger(FingerPosition.RIGHT_INDEX, 101, 3))))
                    .isEmpty();
        }
    }

    @Test
    void aPostKeepsItsCopyAcrossARestart() throws Exception {
        configure(HQ, "reference.wanted-prints=true\n");
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = landPost(nodes);
            flagAndPublish(hq);
            await("the post holds the wanted prints", () -> count(land, "SELECT COUNT(*) FROM wanted_print_copy") == 1);
            nodes.close(hq);
            nodes.close(land);

            Node reopened = nodes.open(LAND);
            assertThat(reopened.services.biometrics().wanted().size()).isEqualTo(1);
            assertThat(wantedReasons(enter(reopened, "u-offline", "RP1000009",
                    finger(FingerPosition.RIGHT_INDEX, 101, 2)))).as("screened offline, headquarters down").hasSize(1);
        }
    }

    /** Headquarters enrols a suspect's right index (DB1_B 101, impression 1), flags it and publishes at once. */
    private static void flagAndPublish(Node hq) {
        long subject = hq.services.biometrics().enrol(null, "suspect", List.of(finger(FingerPosition.RIGHT_INDEX,
                101, 1)), null, null, HQ_OFFICER).subjectId();
        hq.services.biometrics().wanted().flag(subject, null, "warrant", MANAGER);
        hq.reference.orElseThrow().publishNow();
    }

    private static Node landPost(FederatedNodes nodes) throws Exception {
        Node land = nodes.open(LAND);
        land.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
        return land;
    }

    private void configure(String node, String properties) throws IOException {
        Path data = dir.resolve(node.replace('/', '_'));
        Files.createDirectories(data);
        Files.writeString(data.resolve("ibex.properties"), properties);
    }

    private static List<Reason> wantedReasons(Crossing crossing) {
        return crossing.reasons().stream().filter(r -> r.code().equals("wanted-prints")).toList();
    }

    private static Crossing enter(Node post, String uid, String number, FingerCapture finger) {
        String mrz = MrzWriter.td3("FRA", "TRAVELLER", "JEANNE", number, "FRA", LocalDate.of(1980, 5, 17), "F",
                LocalDate.of(2031, 1, 1), null);
        return post.services.border().record(new CrossingRequest(uid, Direction.ENTRY, "UTO-LAND", Instant.now(), mrz,
                null, null, null, null, List.of(finger)), OFFICER).crossing();
    }

    private static FingerCapture finger(FingerPosition position, int finger, int impression) {
        try {
            return new FingerCapture(position, Files.readAllBytes(Path.of(System.getProperty("ibex.shared",
                    "../shared"), "data", "fingerprints", "fvc2002", "DB1_B", finger + "_" + impression + ".tif")), 500);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
