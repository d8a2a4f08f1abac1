package org.ibex.replication;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.border.AlertFilter;
import org.ibex.border.CrossingRecords;
import org.ibex.border.Direction;
import org.ibex.border.OverstayAlert;
import org.ibex.border.OverstayAlerts;
import org.ibex.border.Post;
import org.ibex.border.StayPolicy;
import org.ibex.border.StayRule;
import org.ibex.border.StayService;
import org.ibex.border.TravelDocument;
import org.ibex.journal.RecordKinds;
import org.ibex.store.Database;
import org.ibex.store.TestClock;
import org.ibex.store.TestDatabases;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.NodeIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overstay alerts at headquarters follow the records as they arrive: an airport's entry 100 days ago raises one; an
 * exit 95 days ago captured offline at a land post and received today withdraws it with the reason in words; a stay
 * that is still overstayed keeps its alert; a correction that takes the exit away raises a new one.
 */
class LateExitAlertTest {
    static final Instant NOW = Instant.parse("2026-12-06T09:15:00Z");
    static final NodeIdentity HQ = NodeIdentity.parse("UTO/IMM/HQ");
    static final NodeIdentity AIR = NodeIdentity.parse("UTO/IMM/POST-AIR");
    static final NodeIdentity LAND = NodeIdentity.parse("UTO/IMM/POST-LAND");
    static final NodeIdentity SEA = NodeIdentity.parse("UTO/IMM/POST-SEA");
    static final StayPolicy POLICY = new StayPolicy(Map.of(), StayRule.rolling(90, 180));
    private static final Actor ANALYST = new Actor(new User("analyst", Role.ANALYST, null), "stay review", "test");
    private final TestClock clock = new TestClock(NOW.minus(Duration.ofDays(100)));
    private Database database;
    private StayService stays;
    private NationalStore store;
    private PostFeed airport;
    private PostFeed land;

    @BeforeEach
    void headquartersWithTwoPosts() {
        database = TestDatabases.fresh();
        stays = new StayService(database, () -> POLICY, new AccessLog(database, new AuditLog(clock), clock), clock);
        store = headquarters(stays, clock);
        airport = new PostFeed(AIR, new Post("UTO-AIR", "Airport", Post.Kind.AIRPORT, ZoneOffset.UTC));
        land = new PostFeed(LAND, new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** A real national store of {@code HQ} whose posts are AIR, LAND and SEA, reviewing stays through the alerts. */
    static NationalStore headquarters(StayService stays, java.time.Clock clock) {
        FederationRoles roles = new FederationRoles(HQ, () -> List.of(listed(AIR), listed(LAND), listed(SEA)), null);
        return new NationalStore(roles, Map.of(RecordKinds.CROSSING, new CrossingRecords()), stays.alerts()::reconsider,
                clock);
    }

    private static DirectoryEntry listed(NodeIdentity node) {
        return new DirectoryEntry(node, URI.create("https://127.0.0.1:1"), "-", NOW.plus(Duration.ofDays(365)));
    }

    @Test
    void aLateExitWithdrawsTheAlertWithTheReasonAndACorrectionThatTakesItAwayRaisesAgain() {
        TravelDocument left = PostFeed.passport("LEFTEARLY", "FL1000001");
        TravelDocument stayed = PostFeed.passport("STAYEDON", "FS1000002");
        Instant entered = clock.instant();
        airport.capture(Direction.ENTRY, left, entered, entered);
        airport.capture(Direction.ENTRY, stayed, entered, entered);
        airport.sendAll(database, store);
        assertThat(open()).as("on the day of entry nobody overstays").isEmpty();

        clock.advance(Duration.ofDays(100));
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        OverstayAlerts.Sweep sweep = stays.alerts().sweep(today);

        assertThat(sweep.raised()).isEqualTo(2);
        assertThat(open()).extracting(a -> a.person().surname()).containsExactlyInAnyOrder("LEFTEARLY", "STAYEDON");
        OverstayAlert raised = alertOf("LEFTEARLY", open());
        assertThat(raised.overstayDays()).as("entered 2026-08-28, 90 days end on 2026-11-25").isEqualTo(11);
        assertThat(raised.stayEndsOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(raised.entryPost()).isEqualTo("UTO-AIR");
        assertThat(raised.rule()).isEqualTo(stays.stayOf(raised.person().id(), today, ANALYST).rule());
        assertThat(raised.raisedBy()).isEqualTo("the sweep of 2026-12-06");

        // Captured 95 days ago at the land post, which was offline; it reaches headquarters today.
        Instant exited = NOW.minus(Duration.ofDays(95)).plus(Duration.ofMinutes(107));
        land.capture(Direction.EXIT, left, exited, exited);
        land.sendAll(database, store);

        OverstayAlert withdrawn = alertOf("LEFTEARLY", all(OverstayAlert.State.WITHDRAWN));
        assertThat(withdrawn.id()).isEqualTo(raised.id());
        assertThat(withdrawn.withdrawnAt()).isEqualTo(NOW);
        assertThat(withdrawn.withdrawnReason()).isEqualTo("exit recorded at UTO-LAND on 2026-09-02 14:02 (captured"
                + " offline, received 2026-12-06 09:15 UTC from UTO/IMM/POST-LAND): the stay ended 84 days within the"
                + " limit");
        assertThat(withdrawn.withdrawnBy().originNode()).isEqualTo(LAND.toString());
        assertThat(withdrawn.withdrawnBy().originSeq()).isEqualTo(1L);
        assertThat(open()).as("the stay still overstayed keeps its alert").extracting(a -> a.person().surname())
                .containsExactly("STAYEDON");
        assertThat(stays.alerts().sweep(today).withdrawn()).as("a sweep agrees with what the batch did").isZero();

        // The land post corrects: that exit was another traveller's, so the first one never left.
        clock.advance(Duration.ofHours(2));
        TravelDocument other = PostFeed.passport("COUSIN", "FC9999999");
        land.capture(Direction.EXIT, org.ibex.border.Decision.ADMIT, other, exited, clock.instant(),
                landExitUid(), "the exit was the traveller's cousin's");
        land.sendAll(database, store);

        List<OverstayAlert> again = all(null).stream().filter(a -> a.person().id() == raised.person().id()).toList();
        assertThat(again).as("the withdrawn alert stays withdrawn, a new one is raised").hasSize(2);
        assertThat(again.get(0).state()).isEqualTo(OverstayAlert.State.OPEN);
        assertThat(again.get(0).raisedBy()).isEqualTo("records from UTO/IMM/POST-LAND");
        assertThat(again.get(0).overstayDays()).isEqualTo(11);
        assertThat(stays.alerts().sweep(today).raised()).as("one open alert per person").isZero();
        assertThat(audited("overstay-alert.raise")).isEqualTo(3);
        assertThat(audited("overstay-alert.withdraw")).isEqualTo(1);
    }

    @Test
    void anExitThatComesInTimeRaisesNothing() {
        TravelDocument traveller = PostFeed.passport("PUNCTUAL", "FP1000003");
        Instant entered = clock.instant();
        airport.capture(Direction.ENTRY, traveller, entered, entered);
        airport.sendAll(database, store);
        clock.advance(Duration.ofDays(30));
        land.capture(Direction.EXIT, traveller, clock.instant(), clock.instant());
        land.sendAll(database, store);
        clock.advance(Duration.ofDays(70));

        assertThat(stays.alerts().sweep(LocalDate.ofInstant(NOW, ZoneOffset.UTC)).raised()).isZero();
        assertThat(all(null)).isEmpty();
    }

    private String landExitUid() {
        return database.read(connection -> {
            try (var select = connection.prepareStatement("SELECT uid FROM crossing WHERE post_id = 'UTO-LAND'")) {
                try (var row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }

    private long audited(String action) {
        return ReplicationTestSupport.count(database, "SELECT COUNT(*) FROM access_log WHERE action = '" + action
                + "' AND actor = '" + OverstayAlerts.ACTOR + "'");
    }

    private List<OverstayAlert> open() {
        return all(OverstayAlert.State.OPEN);
    }

    private List<OverstayAlert> all(OverstayAlert.State state) {
        return stays.alerts().list(new AlertFilter(state, null, null, 1000), ANALYST).items();
    }

    private static OverstayAlert alertOf(String surname, List<OverstayAlert> alerts) {
        return alerts.stream().filter(a -> a.person().surname().equals(surname)).findFirst().orElseThrow(
                () -> new AssertionError("no alert of " + surname + " in " + alerts));
    }
}
