package org.ibex.replication;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.NotFoundException;
import org.ibex.border.Post;
import org.ibex.document.MrzWriter;
import org.ibex.input.FieldRuleException;
import org.ibex.node.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ibex.replication.ReplicationTest.await;
import static org.ibex.replication.ReplicationTest.count;

/**
 * Headquarters' admin says which node serves a border post: that node gets the post's accounts before it ever
 * reported, and another node's records of the post are refused; a node id that is not one is refused on its field.
 */
class PostNodesTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String LAND = "UTO/IMM/POST-LAND";
    private static final String AIR = "UTO/IMM/POST-AIR";
    private static final String PASSWORD = "correct-horse-battery-staple-42";
    private static final Actor OPERATOR = new Actor(new User("cli:test", Role.ADMIN, null), "set-up", "local");
    private static final Actor ADMIN = new Actor(new User("admin.hq", Role.ADMIN, null), "posts", "test");

    @TempDir
    Path dir;

    @Test
    void anAssignedPostGetsItsAccountsBeforeItsNodeEverReported() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = nodes.open(LAND);
            hq.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
            hq.services.accounts().createWithPassword(OPERATOR, "officer.ana", "officer", "UTO-LAND", PASSWORD);
            assertThat(postNodes(hq).assign(ADMIN, "UTO-LAND", " " + LAND + " ")).contains(LAND);

            hq.reference.orElseThrow().publishNow();
            await("the land node holds the account of its post", () -> land.services.users().find("officer.ana")
                    .isPresent());
            assertThat(count(land, "SELECT COUNT(*) FROM national_record")).as("no record ever left the post")
                    .isZero();
            assertThat(count(hq, "SELECT COUNT(*) FROM access_log WHERE action = 'post.node'"
                    + " AND subject = 'post/UTO-LAND node=" + LAND + "'")).isEqualTo(1);
        }
    }

    @Test
    void recordsOfAPostAssignedToAnotherNodeAreRefusedAndAClearedAssignmentFallsBackToRecords() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND, AIR)) {
            Node hq = nodes.open(HQ);
            Node land = nodes.open(LAND);
            land.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
            hq.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
            postNodes(hq).assign(ADMIN, "UTO-LAND", AIR);

            crossing(land, "u-1");
            await("headquarters answered the land node's record", () -> count(hq,
                    "SELECT COUNT(*) FROM national_record WHERE origin_node = '" + LAND + "'") == 1);
            assertThat(count(hq, "SELECT COUNT(*) FROM national_record WHERE outcome = 'refused: post UTO-LAND"
                    + " reports through " + AIR + "'")).isEqualTo(1);
            assertThat(count(hq, "SELECT COUNT(*) FROM crossing")).isZero();

            assertThat(postNodes(hq).assign(ADMIN, "UTO-LAND", "")).isEmpty();
            crossing(land, "u-2");
            await("headquarters applied the next record", () -> count(hq, "SELECT COUNT(*) FROM crossing") == 1);
        }
    }

    @Test
    void aNodeIdThatIsNoneOrAnUnknownPostIsRefused() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.openStopped(HQ);
            hq.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
            assertThatThrownBy(() -> postNodes(hq).assign(ADMIN, "UTO-LAND", "not a node"))
                    .isInstanceOf(FieldRuleException.class).hasMessageContaining("node must be a node id")
                    .satisfies(e -> assertThat(((FieldRuleException) e).field()).isEqualTo("node"));
            assertThatThrownBy(() -> postNodes(hq).assign(ADMIN, "NO-SUCH", LAND))
                    .isInstanceOf(NotFoundException.class);
            assertThat(postNodes(hq).all()).isEmpty();
            assertThat(postNodes(hq).assign(ADMIN, "UTO-LAND", null)).isEqualTo(Optional.empty());
        }
    }

    private static PostNodes postNodes(Node node) {
        return new PostNodes(node.database, node.services.accessLog(), Clock.systemUTC());
    }

    private static void crossing(Node land, String uid) {
        Actor officer = new Actor(new User("officer.land", Role.OFFICER, "UTO-LAND"), "inspection", "test");
        land.services.border().record(new CrossingRequest(uid, Direction.ENTRY, "UTO-LAND",
                Instant.now().minusSeconds(60), MrzWriter.td3("FRA", "TRAVELLER", "JEANNE", "US000000" + uid.length(),
                "FRA", LocalDate.of(1980, 5, 17), "F", LocalDate.of(2031, 1, 1), null), null, null, null, null),
                officer);
    }
}
