package org.ibex.replication;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.AlertFilter;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.OverstayAlert;
import org.ibex.border.Post;
import org.ibex.document.MrzWriter;
import org.ibex.node.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes opened as {@code ibex serve} opens them, over the real exchange: headquarters raises an alert when an
 * airport's entry of 100 days ago reaches it, and withdraws it with the reason when the land post's exit, recorded
 * while headquarters was down, arrives after it comes back.
 */
class FederatedAlertTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String AIR = "UTO/IMM/POST-AIR";
    private static final String LAND = "UTO/IMM/POST-LAND";
    private static final Actor ANALYST = new Actor(new User("analyst", Role.ANALYST, null), "stay review", "test");

    @TempDir
    Path dir;

    @Test
    void aLandPostsLateExitWithdrawsTheAlertTheAirportsEntryRaised() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, AIR, LAND)) {
            Node hq = nodes.open(HQ);
            Node air = nodes.open(AIR);
            air.services.posts().add(new Post("UTO-AIR", "Airport", Post.Kind.AIRPORT, ZoneId.of("UTC")));
            String mrz = MrzWriter.td3("FRA", "LATEEXIT", "MARIE", "LX1234567", "FRA", LocalDate.of(1979, 2, 3), "F",
                    LocalDate.of(2033, 1, 1), null);
            air.services.border().record(new CrossingRequest("air-entry", Direction.ENTRY, "UTO-AIR",
                    Instant.now().minus(Duration.ofDays(100)), mrz, null, null, null, null, List.of(),
                    "from the paper log"), supervisor("UTO-AIR"));
            ReplicationTest.await("headquarters raises the alert", () -> alerts(hq, OverstayAlert.State.OPEN).size() == 1);
            assertThat(alerts(hq, OverstayAlert.State.OPEN).get(0).raisedBy()).isEqualTo("records from " + AIR);

            nodes.close(hq);
            Node land = nodes.open(LAND);
            land.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
            land.services.border().record(new CrossingRequest("land-exit", Direction.EXIT, "UTO-LAND",
                    Instant.now().minus(Duration.ofDays(95)), mrz, null, null, null, null, List.of(),
                    "from the paper log"), supervisor("UTO-LAND"));
            Node back = nodes.open(HQ);

            ReplicationTest.await("the alert is withdrawn", () -> alerts(back, OverstayAlert.State.WITHDRAWN).size() == 1);
            OverstayAlert withdrawn = alerts(back, OverstayAlert.State.WITHDRAWN).get(0);
            assertThat(withdrawn.withdrawnReason()).startsWith("exit recorded at UTO-LAND on ")
                    .contains("recorded late").contains("from " + LAND).endsWith("within the limit");
            assertThat(withdrawn.withdrawnBy().originNode()).isEqualTo(LAND);
            assertThat(alerts(back, OverstayAlert.State.OPEN)).isEmpty();
        }
    }

    private static Actor supervisor(String post) {
        return new Actor(new User("supervisor." + post, Role.SUPERVISOR, post), "inspection", "test");
    }

    private static List<OverstayAlert> alerts(Node node, OverstayAlert.State state) {
        return node.services.stays().alerts().list(new AlertFilter(state, null, null, 100), ANALYST).items();
    }
}
