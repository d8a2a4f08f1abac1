package org.ibex.sync;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.node.Node;
import org.ibex.replication.FederatedNodes;
import org.ibex.replication.FederationRoles;
import org.ibex.store.DataFolder;
import org.ibex.trust.NodeIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sync state computed from the tables the pillars fill: what a post still has to send and how old its reference
 * copies are; which posts headquarters has heard from, when, and how far behind they said they were; who may see it.
 */
class SyncStatusTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String LAND = "UTO/IMM/POST-LAND";
    private static final String AIR = "UTO/IMM/POST-AIR";
    private static final String SEA = "UTO/IMM/POST-SEA";
    private static final String RAIL = "UTO/IMM/POST-RAIL";
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aPostCountsWhatWaitsForHeadquartersAndAgesEachReferenceCopy() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node land = nodes.openStopped(LAND);
            SyncSeeds seeds = new SyncSeeds(land);
            for (int i = 5; i >= 1; i--) {
                seeds.journal("UTO-LAND", NOW.minus(Duration.ofDays(i)));
            }
            seeds.shipped(HQ, 2, NOW.minus(Duration.ofDays(3)));
            var exchange = land.exchange.orElseThrow();
            exchange.send(exchange.message(NodeIdentity.parse(HQ), "exchange.note", "sync test", "text/plain",
                    "queued".getBytes(StandardCharsets.UTF_8)));
            seeds.peerContact(HQ, NOW.minus(Duration.ofHours(7)));
            seeds.reference("watchlist:national", "watchlist", 12, NOW.minus(Duration.ofHours(2)),
                    NOW.plus(Duration.ofDays(10)), 5_000);
            seeds.reference("stay-rules", "stay-rules", 3, NOW.minus(Duration.ofHours(30)),
                    NOW.plus(Duration.ofDays(5)), 40);
            seeds.reference("users", "users", 7, NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofMinutes(1)),
                    120);

            PostSync post = status(land).post();

            assertThat(post.node()).isEqualTo(LAND);
            assertThat(post.headquarters()).isEqualTo(HQ);
            assertThat(post.lastContact()).isEqualTo(NOW.minus(Duration.ofHours(7)));
            assertThat(post.secondsSinceContact()).isEqualTo(7 * 3600);
            assertThat(post.quiet()).as("7 h without headquarters is past the default 6 h").isTrue();
            assertThat(post.journalHead()).isEqualTo(5);
            assertThat(post.shippedUpTo()).isEqualTo(2);
            assertThat(post.unqueuedRecords()).as("records 3..5 are not in a batch yet").isEqualTo(3);
            assertThat(post.pendingBatches()).isEqualTo(1);
            assertThat(post.oldestWaitingAt()).as("record 3, captured 3 days ago, is older than the queued batch")
                    .isEqualTo(NOW.minus(Duration.ofDays(3)));
            assertThat(post.caughtUp()).isFalse();
            assertThat(post.referenceMaxAgeHours()).isEqualTo(24);
            assertThat(post.references()).extracting(ReferenceAge::dataset, ReferenceAge::ageSeconds,
                            ReferenceAge::stale, ReferenceAge::staleReason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("stay-rules", 30L * 3600, true, ReferenceAge.TOO_OLD),
                            org.assertj.core.groups.Tuple.tuple("users", 3600L, true, ReferenceAge.EXPIRED),
                            org.assertj.core.groups.Tuple.tuple("watchlist:national", 7200L, false, null));
            assertThat(post.staleReferences()).isEqualTo(2);
        }
    }

    @Test
    void aPostWithNothingWaitingAndNoContactYetIsCaughtUpButQuiet() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            PostSync post = status(nodes.openStopped(LAND)).post();

            assertThat(post.caughtUp()).isTrue();
            assertThat(post.oldestWaitingAt()).isNull();
            assertThat(post.lastContact()).isNull();
            assertThat(post.secondsSinceContact()).isNull();
            assertThat(post.quiet()).as("never heard from headquarters").isTrue();
            assertThat(post.references()).isEmpty();
        }
    }

    @Test
    void headquartersListsEveryPostOfTheDirectoryWithContactBacklogAndStaleness() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND, AIR, SEA, RAIL, "UTO/CUS/HQ")) {
            Node hq = nodes.openStopped(HQ);
            SyncSeeds seeds = new SyncSeeds(hq);
            seeds.postContact(LAND, NOW.minus(Duration.ofHours(1)), 100, 150, NOW.minus(Duration.ofHours(3)));
            seeds.held(LAND, 100, NOW.minus(Duration.ofHours(1)));
            seeds.postContact(AIR, NOW.minus(Duration.ofHours(10)), 40, 40, null);
            seeds.held(AIR, 40, NOW.minus(Duration.ofHours(10)));
            seeds.peerContact(RAIL, NOW.minus(Duration.ofMinutes(5)));

            HeadquartersSync view = status(hq).headquarters();

            assertThat(view.node()).isEqualTo(HQ);
            assertThat(view.posts()).as("the posts of this state and agency, not headquarters nor another agency")
                    .extracting(PostContact::node).containsExactlyInAnyOrder(LAND, AIR, SEA, RAIL);
            PostContact land = row(view, LAND);
            assertThat(land.lastContact()).isEqualTo(NOW.minus(Duration.ofHours(1)));
            assertThat(land.backlogRecords()).as("journal head 150 − last held 100").isEqualTo(50);
            assertThat(land.oldestWaitingAt()).isEqualTo(NOW.minus(Duration.ofHours(3)));
            assertThat(land.recordsHeld()).isEqualTo(100);
            assertThat(land.stale()).isFalse();
            PostContact air = row(view, AIR);
            assertThat(air.backlogRecords()).isZero();
            assertThat(air.secondsSinceContact()).isEqualTo(10 * 3600);
            assertThat(air.staleReason()).isEqualTo(PostContact.QUIET);
            PostContact sea = row(view, SEA);
            assertThat(sea.lastContact()).isNull();
            assertThat(sea.backlogRecords()).as("never reported").isNull();
            assertThat(sea.staleReason()).isEqualTo(PostContact.NEVER_HEARD);
            PostContact rail = row(view, RAIL);
            assertThat(rail.lastBatchAt()).isNull();
            assertThat(rail.lastContact()).as("the exchange heard from it though it sent no records")
                    .isEqualTo(NOW.minus(Duration.ofMinutes(5)));
            assertThat(rail.stale()).isFalse();
            assertThat(view.stalePosts()).isEqualTo(2);
        }
    }

    @Test
    void quietTimeAndMaximumAgeAreSettingsRefusedWhenNotWholeHours() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node land = nodes.openStopped(LAND);
            new SyncSeeds(land).reference("stay-rules", "stay-rules", 3, NOW.minus(Duration.ofHours(30)),
                    NOW.plus(Duration.ofDays(5)), 40);
            SyncSettings lenient = SyncSettings.read(DataFolder.open(dir.resolve("settings"),
                    Map.of("IBEX_REFERENCE_MAX_AGE_HOURS", "48", "IBEX_SYNC_QUIET_HOURS", "12")));
            assertThat(lenient).isEqualTo(new SyncSettings(Duration.ofHours(48), Duration.ofHours(12)));

            PostSync post = new SyncStatus(land.database, roles(land), lenient, CLOCK).post();
            assertThat(post.references()).singleElement().satisfies(copy -> assertThat(copy.stale()).isFalse());
        }
        for (String bad : new String[]{"0", "-3", "1.5", "many", "9000"}) {
            assertThatThrownBy(() -> SyncSettings.read(DataFolder.open(dir.resolve("bad"),
                    Map.of("IBEX_SYNC_QUIET_HOURS", bad))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sync.quiet-hours must be a whole number of hours 1..8784")
                    .hasMessageContaining("IBEX_SYNC_QUIET_HOURS");
        }
    }

    @Test
    void analystsAndAdminsSeeTheViewSupervisorsOnlyTheirOwnPostsAndOfficersNothing() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node land = nodes.openStopped(LAND);
            Node hq = nodes.openStopped(HQ);
            new SyncSeeds(land).journal("UTO-LAND", NOW.minusSeconds(60));
            SyncStatus atPost = status(land);
            SyncStatus atHq = status(hq);

            assertThat(atPost.viewFor(new User("admin", Role.ADMIN, null))).isInstanceOf(PostSync.class);
            assertThat(atHq.viewFor(new User("analyst", Role.ANALYST, null))).isInstanceOf(HeadquartersSync.class);
            assertThat(atPost.viewFor(new User("sup.land", Role.SUPERVISOR, "UTO-LAND"))).isInstanceOf(PostSync.class);
            assertThatThrownBy(() -> atPost.viewFor(new User("sup.air", Role.SUPERVISOR, "UTO-AIR")))
                    .as("a supervisor of a post this node does not record for")
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("UTO-AIR");
            assertThatThrownBy(() -> atHq.viewFor(new User("sup.land", Role.SUPERVISOR, "UTO-LAND")))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("analysts and admins");
            assertThatThrownBy(() -> atPost.viewFor(new User("officer", Role.OFFICER, "UTO-LAND")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> atPost.viewFor(new User("lists", Role.LIST_MANAGER, null)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aPostWhoseHeadquartersIsNotInTheDirectoryHasNoSyncState() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, LAND, "UTO/CUS/HQ")) {
            SyncStatus lone = status(nodes.openStopped(LAND));

            assertThat(lone.place()).isEqualTo(SyncStatus.Place.NEITHER);
            assertThatThrownBy(() -> lone.viewFor(new User("admin", Role.ADMIN, null)))
                    .isInstanceOf(SyncUnavailableException.class).hasMessageContaining("neither a headquarters");
            assertThatThrownBy(lone::headquarters).isInstanceOf(SyncUnavailableException.class);
        }
    }

    private static SyncStatus status(Node node) {
        return new SyncStatus(node.database, roles(node), SyncSettings.DEFAULTS, CLOCK);
    }

    private static FederationRoles roles(Node node) {
        var exchange = node.exchange.orElseThrow();
        return new FederationRoles(exchange.node(), () -> exchange.membership().federation().directory().nodes(),
                null);
    }

    private static PostContact row(HeadquartersSync view, String post) {
        return view.posts().stream().filter(p -> p.node().equals(post)).findFirst().orElseThrow();
    }
}
