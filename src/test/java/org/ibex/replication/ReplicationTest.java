package org.ibex.replication;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.document.MrzWriter;
import org.ibex.node.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A post's crossings reach its headquarters' national store once each, and become headquarters' own crossings. */
class ReplicationTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String LAND = "UTO/IMM/POST-LAND";

    @TempDir
    Path dir;

    @Test
    void crossingsAtAPostBecomeHeadquartersCrossingsLinkedToOnePerson() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = nodes.open(LAND);
            land.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
            Actor officer = new Actor(new User("officer.land", Role.OFFICER, "UTO-LAND"), "inspection", "test");
            String mrz = MrzWriter.td3("FRA", "REPLICA", "JEANNE", "RP1234567", "FRA", LocalDate.of(1980, 5, 17), "F",
                    LocalDate.of(2031, 1, 1), null);
            land.services.border().record(new CrossingRequest("u-entry", Direction.ENTRY, "UTO-LAND",
                    Instant.now().minusSeconds(60), mrz, null, null, null, null), officer);
            land.services.border().record(new CrossingRequest("u-exit", Direction.EXIT, "UTO-LAND", Instant.now(),
                    mrz, null, null, null, null), officer);

            await("HQ holds both crossings", () -> count(hq, "SELECT COUNT(*) FROM crossing") == 2);
            assertThat(count(hq, "SELECT COUNT(*) FROM national_record WHERE origin_node = '" + LAND + "'"))
                    .isEqualTo(2);
            assertThat(count(hq, "SELECT COUNT(DISTINCT person_id) FROM crossing")).isEqualTo(1);
            assertThat(count(hq, "SELECT COUNT(*) FROM post WHERE id = 'UTO-LAND'")).isEqualTo(1);
            assertThat(count(land, "SELECT COUNT(*) FROM national_record")).as("a post keeps no national store")
                    .isZero();
        }
    }

    @Test
    void headquartersContactsItsPostsWhenItStartsSoTheirSendersStopWaiting() throws Exception {
        String away = "UTO/IMM/POST-AWAY";
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND, away)) {
            Node land = nodes.open(LAND);
            Node hq = nodes.open(HQ);
            // The periodic directory pull waits a whole period (10 minutes here): only the start-up contact asks now.
            PostsWakeUp wakeUp = hq.replication.orElseThrow().wakeUp().orElseThrow();
            await("HQ contacted both posts", () -> wakeUp.outcomes().size() == 2);
            assertThat(wakeUp.outcomes()).containsEntry(LAND, org.ibex.delivery.DirectoryPull.Outcome.CURRENT)
                    .containsEntry(away, org.ibex.delivery.DirectoryPull.Outcome.UNREACHABLE);
            assertThat(land.replication.orElseThrow().wakeUp()).as("a post wakes nobody").isEmpty();
        }
    }

    static long count(Node node, String sql) {
        return node.database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
