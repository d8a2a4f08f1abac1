package org.ibex.analytics;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.Crossing;
import org.ibex.border.CrossingRepository;
import org.ibex.border.CrossingsInOneCount;
import org.ibex.border.Decision;
import org.ibex.border.Direction;
import org.ibex.border.Permit;
import org.ibex.border.TravelDocument;
import org.ibex.input.FieldRuleException;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stay roll-up counts exactly the stays the crossings say, whatever order they arrive in: persons entering and
 * leaving at posts far from UTC, crossings arriving months late (between two others, so splitting or joining a
 * stay), corrections that move a crossing in time, turn an entry into an exit or the other way, or give it to
 * another person, refused crossings (which end or begin nothing), counted one by one or many at once, and folds at
 * random moments. A model kept by the test, the roll-up with its deltas, and the window-function SQL must agree.
 */
class StayRollupsTest {
    private static final Actor ANALYST = new Actor(new User("ana", Role.ANALYST, null), "statistics", "test");
    private static final List<String> ALL = List.of("month", "post", "nationality", "purpose", "length");
    private static final String[] POSTS = {"AKL-AIR", "LAX-SEA", "UTC-LAND"};
    private static final String[] ZONES = {"Pacific/Auckland", "America/Los_Angeles", "UTC"};
    private static final String[] NATIONS = {"UTO", "XXB", "FRA"};
    private static final String[] PERMITS = {null, "", "VISITOR", "WORK"};
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2000, 1, 1);
    private static final LocalDate TO = LocalDate.of(2040, 12, 31);
    private final Database database = TestDatabases.fresh();
    private final CrossingRepository crossings = new CrossingRepository();
    private final FlowFolder folder = new FlowFolder(database, Clock.systemUTC());
    private final Flows flows = new Flows(database, folder);
    /** The model: every crossing by id, and those in force (not superseded). */
    private final Map<Long, Crossing> held = new HashMap<>();
    private final Set<Long> inForce = new HashSet<>();
    private int made;

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theStayRollUpEqualsTheModelAndTheRawSqlAfterLateArrivalsAndCorrections() {
        long[] persons = setUp();
        Random random = new Random(38);
        for (int round = 0; round < 10; round++) {
            int batch = 30 + random.nextInt(50);
            boolean together = random.nextBoolean();
            database.inTransaction(connection -> {
                CrossingsInOneCount counted = new CrossingsInOneCount(crossings, connection);
                for (int i = 0; i < batch; i++) {
                    List<Long> standing = new ArrayList<>(inForce);
                    standing.sort(Comparator.naturalOrder());
                    Crossing old = !standing.isEmpty() && random.nextInt(4) == 0
                            ? held.get(standing.get(random.nextInt(standing.size()))) : null;
                    Crossing c = randomCrossing(random, persons, old);
                    long id = together ? counted.insert(c) : crossings.insert(connection, c);
                    held.put(id, c);
                    inForce.add(id);
                    if (c.supersedes() != null) {
                        inForce.remove(c.supersedes());
                    }
                }
                counted.count();
                return null;
            });
            if (random.nextBoolean()) {
                folder.foldAll();
            }
            assertAllAgree("round " + round);
        }
        FlowFolder.RebuildResult rebuilt = folder.rebuild();
        assertThat(rebuilt.stays()).isEqualTo(model().values().stream().mapToLong(Long::longValue).sum());
        assertAllAgree("after a rebuild");
        assertThat(model().keySet().stream().map(k -> k.get(4))).contains("0-7", "8-30", "31-90", "91-180");
        assertThat(held.values()).anyMatch(c -> c.supersedes() != null
                && held.get(c.supersedes()).direction() != c.direction());
    }

    @Test
    void aSupervisorCountsTheStaysThatEndedAtTheirPostAndQuestionsAreChecked() {
        long[] persons = setUp();
        Random random = new Random(5);
        database.inTransaction(connection -> {
            for (int i = 0; i < 120; i++) {
                Crossing c = randomCrossing(random, persons, null);
                held.put(crossings.insert(connection, c), c);
            }
            return null;
        });
        inForce.addAll(held.keySet());
        Actor supervisor = new Actor(new User("sam", Role.SUPERVISOR, "LAX-SEA"), "statistics", "test");
        StayTable own = flows.stays(FROM, TO, List.of("post", "length"), supervisor);
        long expected = model().entrySet().stream().filter(e -> e.getKey().get(1).equals("LAX-SEA"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(own.total()).isEqualTo(expected).isPositive();
        assertThat(own.rows()).allMatch(r -> r.keys().get(0).equals("LAX-SEA"));
        Actor officer = new Actor(new User("olu", Role.OFFICER, "LAX-SEA"), "statistics", "test");
        assertThatThrownBy(() -> flows.stays(FROM, TO, List.of("length"), officer))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> flows.stays(FROM.plusDays(1), TO, List.of("length"), ANALYST))
                .isInstanceOf(FieldRuleException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> flows.stays(FROM, TO, List.of("sex"), ANALYST))
                .isInstanceOf(FieldRuleException.class).hasMessageContaining("length");
    }

    private void assertAllAgree(String when) {
        Map<List<String>, Long> model = model();
        assertThat(asMap(flows.stays(FROM, TO, ALL, ANALYST))).as("stay roll-up " + when).isEqualTo(model);
        assertThat(raw()).as("raw SQL " + when).isEqualTo(model);
        Map<List<String>, Long> byLength = new TreeMap<>(RollupFixtures::compare);
        model.forEach((k, n) -> byLength.merge(List.of(k.get(4)), n, Long::sum));
        Map<List<String>, Long> asked = asMap(flows.stays(FROM, TO, List.of("length"), ANALYST));
        assertThat(asked).as("by length " + when).isEqualTo(byLength);
    }

    /** The stays the test's own crossings say, by month, post, nationality, purpose and length band. */
    private Map<List<String>, Long> model() {
        Map<Long, List<Long>> byPerson = new HashMap<>();
        for (long id : inForce) {
            if (held.get(id).decision() != Decision.REFUSE) {
                byPerson.computeIfAbsent(held.get(id).personId(), p -> new ArrayList<>()).add(id);
            }
        }
        Map<List<String>, Long> model = new TreeMap<>(RollupFixtures::compare);
        for (List<Long> ids : byPerson.values()) {
            ids.sort(Comparator.comparing((Long id) -> held.get(id).occurredAt()).thenComparing(id -> id));
            for (int i = 1; i < ids.size(); i++) {
                Crossing in = held.get(ids.get(i - 1));
                Crossing out = held.get(ids.get(i));
                if (in.direction() != Direction.ENTRY || out.direction() != Direction.EXIT) {
                    continue;
                }
                LocalDate exitDay = out.occurredAt().atZone(ZoneId.of(out.zoneId())).toLocalDate();
                long days = ChronoUnit.DAYS.between(in.occurredAt().atZone(ZoneId.of(in.zoneId())).toLocalDate(),
                        exitDay);
                String band = days <= 7 ? "0-7" : days <= 30 ? "8-30" : days <= 90 ? "31-90" : days <= 180
                        ? "91-180" : days <= 365 ? "181-365" : "366+";
                String purpose = in.permit() == null || in.permit().type() == null || in.permit().type().isEmpty()
                        ? "none" : in.permit().type();
                model.merge(List.of(exitDay.toString().substring(0, 7), out.postId(), out.document().nationality(),
                        purpose, band), 1L, Long::sum);
            }
        }
        return model;
    }

    private Map<List<String>, Long> raw() {
        return database.read(connection -> {
            Map<List<String>, Long> out = new TreeMap<>(RollupFixtures::compare);
            try (PreparedStatement select = connection.prepareStatement(new RawStays(database.isPostgres()).months());
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    out.merge(List.of(row.getObject(1, LocalDate.class).toString().substring(0, 7), row.getString(2),
                            row.getString(3), row.getString(4), row.getString(5)), row.getLong(6), Long::sum);
                }
            }
            return out;
        });
    }

    private static Map<List<String>, Long> asMap(StayTable table) {
        Map<List<String>, Long> out = new TreeMap<>(RollupFixtures::compare);
        for (StayTable.Row row : table.rows()) {
            out.put(row.keys(), row.stays());
        }
        return out;
    }

    private Crossing randomCrossing(Random random, long[] persons, Crossing old) {
        int post = old != null && random.nextBoolean() ? List.of(POSTS).indexOf(old.postId())
                : random.nextInt(POSTS.length);
        // Spread over two years, so gaps between a person's crossings range from hours to a year and more; a share
        // sits right at local midnight, where the local day and the UTC day differ.
        Instant at = START.plusSeconds(random.nextInt(730) * 86_400L + random.nextInt(86_400));
        if (old != null && random.nextBoolean()) {
            at = old.occurredAt().plusSeconds(random.nextInt(4 * 86_400) - 2 * 86_400);
        }
        if (random.nextInt(5) == 0) {
            at = at.atZone(ZoneId.of(ZONES[post])).toLocalDate().atStartOfDay(ZoneId.of(ZONES[post]))
                    .toInstant().plusSeconds(random.nextBoolean() ? 0 : -1);
        }
        String permit = PERMITS[random.nextInt(PERMITS.length)];
        TravelDocument d = new TravelDocument("P", "UTO", "D" + random.nextInt(1_000_000), "DOE", "JANE",
                NATIONS[random.nextInt(NATIONS.length)], LocalDate.of(1980, 5, 5), "F", null, null, null, null);
        long person = old != null && random.nextInt(3) > 0 ? old.personId() : persons[random.nextInt(persons.length)];
        Long supersedes = old == null ? null : idOf(old);
        return new Crossing(0, "s" + (made++) + "-" + random.nextInt(1_000_000), random.nextBoolean()
                ? Direction.ENTRY : Direction.EXIT, POSTS[post], "officer", at, ZONES[post], person, d,
                permit == null ? null : new Permit(permit, null, null, null, null), List.of(),
                random.nextInt(12) == 0 ? Decision.REFUSE : Decision.ADMIT, List.of(), supersedes,
                supersedes == null ? null : "typo", null, Instant.now(), false, null, false);
    }

    private long idOf(Crossing c) {
        return held.entrySet().stream().filter(e -> e.getValue() == c).findFirst().orElseThrow().getKey();
    }

    private long[] setUp() {
        return RollupFixtures.postsAndPersons(database, POSTS, ZONES, 25);
    }
}
