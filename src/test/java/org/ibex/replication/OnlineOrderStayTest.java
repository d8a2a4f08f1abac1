package org.ibex.replication;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.border.AlertFilter;
import org.ibex.border.Decision;
import org.ibex.border.Direction;
import org.ibex.border.OverstayAlert;
import org.ibex.border.PersonStay;
import org.ibex.border.Post;
import org.ibex.border.StayService;
import org.ibex.border.TravelDocument;
import org.ibex.store.Database;
import org.ibex.store.TestClock;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stay at headquarters is what it would have been had all posts been online: the same random crossings (entries
 * and exits at three posts, refusals, missing movements, corrections), received once as they happened and once with
 * the land post offline for the whole time and the seaport behind the airport, give every person the same stay on
 * every day asked, and the same persons an open overstay alert after a sweep.
 */
class OnlineOrderStayTest {
    private static final Instant NOW = LateExitAlertTest.NOW;
    private static final Actor ANALYST = new Actor(new User("analyst", Role.ANALYST, null), "stay review", "test");
    private static final Post AIR = new Post("UTO-AIR", "Airport", Post.Kind.AIRPORT, ZoneOffset.UTC);
    private static final Post LAND = new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius"));
    private static final Post SEA = new Post("UTO-SEA", "Seaport", Post.Kind.SEAPORT, ZoneId.of("Asia/Bangkok"));
    private static final List<Post> POSTS = List.of(AIR, LAND, SEA);

    /** One crossing as captured at its post; {@code corrects} is the id of the event it supersedes, or -1. */
    private record Event(int id, Post post, Direction direction, Decision decision, TravelDocument document,
                         Instant occurredAt, Instant recordedAt, int corrects) {
    }

    @ParameterizedTest
    @ValueSource(longs = {16, 2_016})
    void lateArrivalGivesTheStaysOfTheOnlineOrder(long seed) {
        List<Event> events = events(new Random(seed), 25);
        try (Headquarters online = new Headquarters(); Headquarters late = new Headquarters()) {
            online.receiveAsCaptured(events);
            late.receiveWithLandOffline(events);

            assertThat(late.count("SELECT COUNT(*) FROM crossing")).as("every crossing held once")
                    .isEqualTo(online.count("SELECT COUNT(*) FROM crossing")).isEqualTo(events.size());
            LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
            for (int back : new int[]{0, 45, 90, 91, 200}) {
                LocalDate asOf = today.minusDays(back);
                assertThat(late.staysOn(asOf)).as("every stay on %s", asOf).isEqualTo(online.staysOn(asOf));
            }
            online.stays.alerts().sweep(today);
            late.stays.alerts().sweep(today);
            assertThat(late.alerted()).as("the same persons alerted").isEqualTo(online.alerted())
                    .as("some stays are overstayed, or the comparison proves little").isNotEmpty();
        }
    }

    /** Travellers crossing at random posts over the last 400 days, with the irregularities real records have. */
    private static List<Event> events(Random random, int travellers) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < travellers; i++) {
            TravelDocument document = PostFeed.passport("TRAVELLER" + (char) ('A' + i / 26) + (char) ('A' + i % 26),
                    "FT" + (1_000_000 + i));
            Instant at = NOW.minus(Duration.ofDays(400 - random.nextInt(60))).plus(Duration.ofMinutes(random.nextInt(1440)));
            Direction direction = Direction.ENTRY;
            while (at.isBefore(NOW)) {
                Post post = POSTS.get(random.nextInt(POSTS.size()));
                Decision decision = random.nextInt(20) == 0 ? Decision.REFUSE : Decision.ADMIT;
                Instant recorded = at.plus(Duration.ofMinutes(random.nextInt(90)));
                events.add(new Event(events.size(), post, direction, decision, document, at, recorded, -1));
                if (random.nextInt(12) == 0) {
                    // A supervisor corrects the time a few days later, at the same post.
                    events.add(new Event(events.size(), post, direction, Decision.ADMIT, document,
                            at.plus(Duration.ofHours(random.nextInt(97) - 48)),
                            recorded.plus(Duration.ofDays(1 + random.nextInt(3))), events.size() - 1));
                }
                if (decision != Decision.REFUSE && random.nextInt(15) != 0) {
                    direction = direction == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
                }
                at = at.plus(Duration.ofDays(1 + random.nextInt(120))).plus(Duration.ofMinutes(random.nextInt(1440)));
            }
        }
        events.sort(Comparator.comparing(Event::recordedAt));
        return events;
    }

    /** A headquarters on a fresh database, with a feed per post. */
    private static final class Headquarters implements AutoCloseable {
        final TestClock clock = new TestClock(NOW.minus(Duration.ofDays(500)));
        final Database database = TestDatabases.fresh();
        final StayService stays = new StayService(database, () -> LateExitAlertTest.POLICY,
                new AccessLog(database, new AuditLog(clock), clock), clock);
        final NationalStore store = LateExitAlertTest.headquarters(stays, clock);
        final Map<Post, PostFeed> feeds = Map.of(AIR, new PostFeed(LateExitAlertTest.AIR, AIR),
                LAND, new PostFeed(LateExitAlertTest.LAND, LAND),
                SEA, new PostFeed(LateExitAlertTest.SEA, SEA));
        final Map<Integer, String> uids = new HashMap<>();

        private String capture(Event e) {
            String corrected = e.corrects() < 0 ? null : uids.get(e.corrects());
            String uid = feeds.get(e.post()).capture(e.direction(), e.decision(), e.document(), e.occurredAt(),
                    e.recordedAt(), corrected, corrected == null ? null : "time corrected from the paper log");
            uids.put(e.id(), uid);
            return uid;
        }

        /** Every record reaches headquarters the moment it is captured. */
        void receiveAsCaptured(List<Event> events) {
            for (Event e : events) {
                capture(e);
                moveTo(e.recordedAt());
                feeds.get(e.post()).sendAll(database, store);
            }
            moveTo(NOW);
        }

        /**
         * The land post is offline the whole time and sends everything today, in batches of seven; the seaport's
         * link lags the airport's, so its records arrive a week late.
         */
        void receiveWithLandOffline(List<Event> events) {
            for (Event e : events) {
                capture(e);
            }
            PostFeed air = feeds.get(AIR);
            PostFeed sea = feeds.get(SEA);
            while (air.waiting() || sea.waiting()) {
                boolean airFirst = !sea.waiting()
                        || air.waiting() && air.nextCapturedAt().isBefore(sea.nextCapturedAt().plus(Duration.ofDays(7)));
                PostFeed next = airFirst ? air : sea;
                moveTo(airFirst ? air.nextCapturedAt() : sea.nextCapturedAt().plus(Duration.ofDays(7)));
                next.send(database, store, 1);
            }
            moveTo(NOW);
            while (feeds.get(LAND).waiting()) {
                feeds.get(LAND).send(database, store, 7);
            }
        }

        private void moveTo(Instant at) {
            if (at.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), at));
            }
        }

        /** Every person's stay on {@code asOf}, by document number, with the person's row id left out. */
        Map<String, List<Object>> staysOn(LocalDate asOf) {
            Map<String, List<Object>> out = new TreeMap<>();
            for (Map.Entry<String, Long> person : persons().entrySet()) {
                PersonStay stay = stays.stayOf(person.getValue(), asOf, ANALYST);
                out.put(person.getKey(), List.of(stay.person().surname(), String.valueOf(stay.rule()),
                        String.valueOf(stay.status()), String.valueOf(stay.problem())));
            }
            return out;
        }

        TreeSet<String> alerted() {
            TreeSet<String> surnames = new TreeSet<>();
            stays.alerts().list(new AlertFilter(OverstayAlert.State.OPEN, null, null, 10_000), ANALYST).items()
                    .forEach(a -> surnames.add(a.person().surname()));
            return surnames;
        }

        private Map<String, Long> persons() {
            return database.read(connection -> {
                Map<String, Long> out = new HashMap<>();
                try (var select = connection.prepareStatement("SELECT DISTINCT document_number, person_id FROM crossing");
                     var rows = select.executeQuery()) {
                    while (rows.next()) {
                        out.put(rows.getString(1), rows.getLong(2));
                    }
                }
                return out;
            });
        }

        long count(String sql) {
            return ReplicationTestSupport.count(database, sql);
        }

        @Override
        public void close() {
            database.close();
        }
    }
}
