package org.ibex.reference;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.Post;
import org.ibex.delivery.ExchangeNode;
import org.ibex.node.Node;
import org.ibex.replication.FederatedNodes;
import org.ibex.trust.NodeIdentity;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.WatchlistHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.reference.ReferenceDataTest.await;
import static org.ibex.reference.ReferenceDataTest.count;
import static org.ibex.reference.ReferenceDataTest.outcomes;
import static org.ibex.reference.ReferenceDataTest.person;
import static org.ibex.reference.ReferenceDataTest.version;

/**
 * A post takes reference data from its own headquarters only, refuses what does not read as reference data, and
 * never lets headquarters replace a list of its own; headquarters hears resync requests from its posts only.
 */
class ReferenceRefusalTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String LAND = "UTO/IMM/POST-LAND";
    /** A node of another agency of the same state: not this headquarters, not one of its posts. */
    private static final String POLICE = "UTO/POL/POST-SEA";
    private static final Actor MANAGER = new Actor(new User("lists.hq", Role.LIST_MANAGER, null), "lists", "test");
    private static final Actor SUPERVISOR = new Actor(new User("chief.land", Role.SUPERVISOR, "UTO-LAND"), "lists",
            "test");
    private static final Actor OFFICER = new Actor(new User("officer.land", Role.OFFICER, "UTO-LAND"), "inspection",
            "test");

    @TempDir
    Path dir;

    @Test
    void onlyHeadquartersIsHeardAndOnlyWhatReadsAsReferenceData() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND, POLICE)) {
            Node hq = nodes.open(HQ);
            Node land = nodes.open(LAND);
            Node police = nodes.open(POLICE);
            await("the post holds headquarters' stay rules", () -> version(land, ReferencePayload.STAY_RULES) >= 1);
            long copies = count(land, "SELECT COUNT(*) FROM reference_copy");
            ReferencePayload forged = new ReferencePayload(ReferencePayload.STAY_RULES, ReferencePayload.STAY_RULES,
                    99, null, Instant.now(), Instant.now().plusSeconds(3600), 0, null,
                    JsonNodeFactory.instance.arrayNode(), List.of());

            send(police.exchange.orElseThrow(), LAND, ReferencePayload.SNAPSHOT, forged.encode());
            send(hq.exchange.orElseThrow(), LAND, ReferencePayload.SNAPSHOT, "not gzip".getBytes(
                    StandardCharsets.UTF_8));
            send(hq.exchange.orElseThrow(), LAND, ReferencePayload.DELTA, forged.encode());
            send(police.exchange.orElseThrow(), HQ, ResyncRequests.TYPE, ResyncRequests.payload("stay-rules", 1L));
            send(land.exchange.orElseThrow(), HQ, ResyncRequests.TYPE, "{\"dataset\":42}".getBytes(
                    StandardCharsets.UTF_8));

            await("the post answered all three", () -> outcomes(land, ReferencePayload.SNAPSHOT).size()
                    + outcomes(land, ReferencePayload.DELTA).size() >= 3);
            await("headquarters answered both", () -> outcomes(hq, ResyncRequests.TYPE).size() >= 2);
            assertThat(outcomes(land, ReferencePayload.SNAPSHOT)).contains(
                    "refused: " + POLICE + " is not the headquarters of " + LAND);
            assertThat(outcomes(land, ReferencePayload.SNAPSHOT)).anyMatch(o -> o.startsWith(
                    "refused: reference payload unreadable"));
            assertThat(outcomes(land, ReferencePayload.DELTA)).contains(
                    "refused: reference payload: baseVersion is required in a delta");
            assertThat(outcomes(hq, ResyncRequests.TYPE)).containsExactlyInAnyOrder(
                    "refused: " + POLICE + " is not a post of " + HQ,
                    "refused: resync request: dataset is required, text of at most 200 characters");
            assertThat(version(land, ReferencePayload.STAY_RULES)).isLessThan(99);
            assertThat(count(land, "SELECT COUNT(*) FROM reference_copy")).isEqualTo(copies);
        }
    }

    @Test
    void aListOfThePostsOwnIsNeverReplacedByHeadquarters() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = nodes.open(LAND);
            land.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
            land.services.watchlists().replace(new ListImport("WANTED", "Wanted at the land post", null, null, null,
                    null), List.of(person("L-1", "Pavel LOCALOV")), List.of(), SUPERVISOR);
            hq.services.watchlists().replace(new ListImport("WANTED", "Wanted persons", "National police", null, null,
                    null), List.of(person("W-1", "Ivan PETROVSKY")), List.of(), MANAGER);
            hq.reference.orElseThrow().publishNow();

            await("the post answered", () -> !outcomes(land, ReferencePayload.SNAPSHOT).stream()
                    .filter(o -> o.contains("WANTED")).toList().isEmpty());
            assertThat(outcomes(land, ReferencePayload.SNAPSHOT)).contains(
                    "refused: list WANTED is this post's own list; headquarters' copy is not applied");
            assertThat(version(land, "watchlist/WANTED")).isZero();
            assertThat(land.services.watchlists().screen(ScreeningQuery.byName("Pavel LOCALOV"), 10, OFFICER))
                    .extracting(WatchlistHit::entryId).containsExactly("L-1");
            assertThat(land.services.watchlists().screen(ScreeningQuery.byName("Ivan PETROVSKY"), 10, OFFICER))
                    .isEmpty();
        }
    }

    private static void send(ExchangeNode from, String to, String type, byte[] payload) {
        from.send(from.message(NodeIdentity.parse(to), type, "test", ReferencePayload.CONTENT_TYPE, payload));
    }
}
