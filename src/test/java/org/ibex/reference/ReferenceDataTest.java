package org.ibex.reference;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.border.Reason;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleKey;
import org.ibex.delivery.InboxEntry;
import org.ibex.document.MrzWriter;
import org.ibex.node.Node;
import org.ibex.replication.FederatedNodes;
import org.ibex.store.Sql;
import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.DocumentStatus;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.WatchlistHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headquarters publishes its national lists and stay rules to its posts over the exchange: snapshots first, deltas
 * after, renewals before the copies age; a post screens against what arrived and says in every decision when its
 * copies are stale, until fresh ones come.
 */
class ReferenceDataTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String LAND = "UTO/IMM/POST-LAND";
    private static final Actor MANAGER = new Actor(new User("lists.hq", Role.LIST_MANAGER, null), "lists", "test");
    private static final Actor OFFICER = new Actor(new User("officer.land", Role.OFFICER, "UTO-LAND"), "inspection",
            "test");

    @TempDir
    Path dir;

    @Test
    void aWatchlistChangeAtHeadquartersReachesThePostAsADeltaAndThePostScreensAgainstIt() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = nodes.open(LAND);
            hq.services.watchlists().replace(new ListImport("WANTED", "Wanted persons", "National police", null, null,
                    null), List.of(person("W-1", "Ivan PETROVSKY")), List.of(), MANAGER);
            hq.reference.orElseThrow().publishNow();
            await("the post holds v1 of the list", () -> version(land, "watchlist/WANTED") == 1);
            assertThat(screen(land, "Ivan PETROVSKY")).extracting(WatchlistHit::entryId).containsExactly("W-1");

            hq.services.watchlists().edits().addPerson(person("W-2", "Olga MARINSKAYA"), MANAGER);
            hq.reference.orElseThrow().publishNow();
            await("the post holds v2", () -> version(land, "watchlist/WANTED") == 2);

            assertThat(screen(land, "Olga MARINSKAYA")).extracting(WatchlistHit::entryId).containsExactly("W-2");
            assertThat(outcomes(land, ReferencePayload.DELTA)).anyMatch(o -> o.startsWith(
                    "watchlist/WANTED delta from v1 v2: list version v2 before=1 after=2 added=1 removed=0"));
            assertThat(land.reference.orElseThrow().copies()).filteredOn(c -> c.dataset().equals("watchlist/WANTED"))
                    .singleElement().satisfies(copy -> {
                        assertThat(copy.version()).isEqualTo(2);
                        assertThat(copy.items()).isEqualTo(2);
                        assertThat(copy.publisher()).isEqualTo(HQ);
                        assertThat(Duration.between(copy.issuedAt(), copy.expiresAt())).as("reference.validity-hours")
                                .isEqualTo(Duration.ofHours(72));
                    });
            assertThat(count(hq, "SELECT COUNT(*) FROM access_log WHERE action = 'reference.publish'"
                    + " AND subject LIKE 'reference/watchlist/WANTED v2 delta from v1 post/" + LAND + "'"))
                    .isEqualTo(1);
            assertThat(count(land, "SELECT COUNT(*) FROM access_log WHERE action = 'reference.apply'"))
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void lostAndStolenDocumentsAndStayRulesReachThePost() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = nodes.open(LAND);
            hq.stayRules.put(new StayRuleKey("RUS", null), StayRule.rolling(30, 180));
            hq.services.watchlists().replace(new ListImport("SLTD", "Stolen documents", "Interpol NCB", null, null,
                    null), List.of(), List.of(new DocumentEntry("SLTD", "D-1", "X1234567", "FRA", "P",
                    DocumentStatus.STOLEN, LocalDate.of(2026, 1, 1), "NCB")), MANAGER);
            hq.reference.orElseThrow().publishNow();
            await("the post holds both", () -> version(land, "watchlist/SLTD") == 1
                    && version(land, ReferencePayload.STAY_RULES) >= 1);

            assertThat(land.stayRules.all()).containsEntry(new StayRuleKey("RUS", null), StayRule.rolling(30, 180));
            assertThat(land.services.watchlists().screen(new ScreeningQuery("ANY NAME", null, null, null, "X1234567",
                    "FRA"), 10, OFFICER)).extracting(WatchlistHit::entryId).containsExactly("D-1");
        }
    }

    @Test
    void aDeltaOnAnotherBaseIsNotAppliedAndThePostGetsASnapshotInstead() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = nodes.open(LAND);
            hq.services.watchlists().replace(new ListImport("WANTED", "Wanted persons", "National police", null, null,
                    null), List.of(person("W-1", "Ivan PETROVSKY")), List.of(), MANAGER);
            hq.reference.orElseThrow().publishNow();
            await("the post holds v1", () -> version(land, "watchlist/WANTED") == 1);
            // The post's copy is no longer the one headquarters builds on (restored from an old backup, say).
            execute(land, "UPDATE reference_copy SET version = 7 WHERE dataset = 'watchlist/WANTED'");

            hq.services.watchlists().edits().addPerson(person("W-2", "Olga MARINSKAYA"), MANAGER);
            hq.reference.orElseThrow().publishNow();
            await("headquarters hears the post's request", () -> outcomes(hq, ResyncRequests.TYPE).stream()
                    .anyMatch(o -> o.equals("snapshot of watchlist/WANTED follows")));
            hq.reference.orElseThrow().publishNow();
            await("the post holds v2 from a snapshot", () -> version(land, "watchlist/WANTED") == 2);

            assertThat(outcomes(land, ReferencePayload.DELTA)).anyMatch(o -> o.equals("refused: delta of"
                    + " watchlist/WANTED from v1 but this post holds v7; asked headquarters for a snapshot"));
            assertThat(outcomes(land, ReferencePayload.SNAPSHOT)).anyMatch(o -> o.startsWith(
                    "watchlist/WANTED snapshot v2:"));
            assertThat(screen(land, "Olga MARINSKAYA")).extracting(WatchlistHit::entryId).containsExactly("W-2");
        }
    }

    @Test
    void aPostWhoseCopiesAreTooOldSaysSoInEveryDecisionUntilFreshCopiesArrive() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            Node hq = nodes.open(HQ);
            Node land = nodes.open(LAND);
            land.services.posts().add(new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
            hq.services.watchlists().replace(new ListImport("WANTED", "Wanted persons", "National police", null, null,
                    null), List.of(person("W-1", "Ivan PETROVSKY")), List.of(), MANAGER);
            hq.reference.orElseThrow().publishNow();
            await("the post holds its copies", () -> version(land, "watchlist/WANTED") == 1
                    && version(land, ReferencePayload.STAY_RULES) >= 1);
            assertThat(staleReasons(land, "u-fresh")).as("fresh copies warn of nothing").isEmpty();

            // A day and a half without contact: what the post holds was issued 30 hours ago.
            execute(land, "UPDATE reference_copy SET issued_at = ?", Instant.now().minus(Duration.ofHours(30)));
            for (String uid : List.of("u-stale-1", "u-stale-2")) {
                assertThat(staleReasons(land, uid)).extracting(Reason::message).containsExactlyInAnyOrder(
                        "reference data not current: copy of stay-rules issued 30 h ago (limit 24 h): it may miss"
                                + " changes made since",
                        "reference data not current: copy of watchlist/WANTED issued 30 h ago (limit 24 h): it may"
                                + " miss changes made since");
            }
            assertThat(decision(land, "u-stale-3").decision()).as("a stale copy alone does not stop the traveller")
                    .isEqualTo(org.ibex.border.Decision.ADMIT);

            // Headquarters' copies were sent 20 hours ago: past half the allowance, it renews them.
            execute(hq, "UPDATE reference_publication SET published_at = ?", Instant.now().minus(Duration.ofHours(20)));
            hq.reference.orElseThrow().publishNow();
            await("the renewals arrive (the list, the stay rules and the post's accounts)", () -> outcomes(land,
                    ReferencePayload.DELTA).stream().filter(o -> o.contains(": renewed")).count() == 3);
            assertThat(staleReasons(land, "u-renewed")).isEmpty();
        }
    }

    @Test
    void anExpiredCopyOrNoneAtAllIsStaleToo() throws Exception {
        try (FederatedNodes nodes = new FederatedNodes(dir, HQ, LAND)) {
            nodes.open(HQ);
            Node land = nodes.open(LAND);
            await("the first stay rules arrive", () -> version(land, ReferencePayload.STAY_RULES) >= 1);
            CopyFreshness freshness = new CopyFreshness(land.database, roles(land), Duration.ofHours(24));
            execute(land, "DELETE FROM reference_copy");
            assertThat(freshness.staleAt(Instant.now())).extracting(c -> c.message()).containsExactly(
                    "no copy of stay-rules has come from headquarters yet; decisions rest on local data only");

            Instant now = Instant.now();
            execute(land, "INSERT INTO reference_copy (dataset, kind, version, publisher, issued_at, received_at,"
                    + " expires_at, items) VALUES ('stay-rules', 'stay-rules', 1, 'UTO/IMM/HQ', ?, ?, ?, 0)",
                    now.minus(Duration.ofHours(2)), now, now.minus(Duration.ofMinutes(1)));
            assertThat(freshness.staleAt(Instant.now())).singleElement().satisfies(c -> {
                assertThat(c.dataset()).isEqualTo("stay-rules");
                assertThat(c.expiredAt()).isNotNull();
                assertThat(c.message()).contains("expired at");
            });
        }
    }

    private static org.ibex.replication.FederationRoles roles(Node node) {
        var exchange = node.exchange.orElseThrow();
        return new org.ibex.replication.FederationRoles(exchange.node(),
                () -> exchange.membership().federation().directory().nodes(), null);
    }

    private static List<Reason> staleReasons(Node post, String uid) {
        return decision(post, uid).reasons().stream().filter(r -> r.code().equals("reference-stale")).toList();
    }

    private static org.ibex.border.Crossing decision(Node post, String uid) {
        String mrz = MrzWriter.td3("FRA", "TRAVELLER", "JEANNE", "RP" + Math.abs(uid.hashCode() % 1_000_000), "FRA",
                LocalDate.of(1980, 5, 17), "F", LocalDate.of(2031, 1, 1), null);
        return post.services.border().record(new CrossingRequest(uid, Direction.ENTRY, "UTO-LAND", Instant.now(), mrz,
                null, null, null, null), OFFICER).crossing();
    }

    static PersonEntry person(String id, String name) {
        return new PersonEntry("WANTED", id, List.of(name), (PartialDate) null, "RUS", "M", "wanted", "court", null,
                null, EntryAction.REFER_TO_SECOND_LINE);
    }

    private static List<WatchlistHit> screen(Node post, String name) {
        return post.services.watchlists().screen(ScreeningQuery.byName(name), 10, OFFICER);
    }

    static List<String> outcomes(Node node, String type) {
        List<String> outcomes = new ArrayList<>();
        for (InboxEntry entry : node.exchange.orElseThrow().recentInbox(1000)) {
            if (entry.type().equals(type) && entry.outcome() != null) {
                outcomes.add(entry.outcome());
            }
        }
        return outcomes;
    }

    static long version(Node node, String dataset) {
        return count(node, "SELECT COALESCE(MAX(version), 0) FROM reference_copy WHERE dataset = '" + dataset + "'");
    }

    static long count(Node node, String sql) {
        return node.database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        });
    }

    static void execute(Node node, String sql, Object... args) {
        node.database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Sql.bindAll(statement, args);
                return statement.executeUpdate();
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
