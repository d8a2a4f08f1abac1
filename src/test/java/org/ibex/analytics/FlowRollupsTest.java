package org.ibex.analytics;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.Crossing;
import org.ibex.border.CrossingRepository;
import org.ibex.border.Decision;
import org.ibex.border.Direction;
import org.ibex.border.Permit;
import org.ibex.border.TravelDocument;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-ups count exactly what the crossings say, whatever order crossings arrive in: random crossings at posts in
 * time zones far from UTC (so local days differ from UTC days), late arrivals months after they happened, corrections
 * (also of corrections), travellers on their 5th, 18th and 60th birthdays and born on 29 February, folds at random
 * moments. Three counts must agree at every check: a model kept by the test, the roll-ups (with the deltas not
 * folded yet), and the SQL GROUP BY over the crossing rows that a rebuild writes.
 */
class FlowRollupsTest {
    private static final Actor ANALYST = new Actor(new User("ana", Role.ANALYST, null), "statistics", "test");
    private static final String[] POSTS = {"AKL-AIR", "LAX-SEA", "UTC-LAND"};
    private static final String[] ZONES = {"Pacific/Auckland", "America/Los_Angeles", "UTC"};
    private static final String[] NATIONS = {"UTO", "XXB", "FRA", "THA"};
    private static final String[] SEXES = {"M", "F", "X"};
    private static final String[] PERMITS = {null, "", "VISITOR", "WORK", "TRANSIT"};
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private final Database database = TestDatabases.fresh();
    private final CrossingRepository crossings = new CrossingRepository();
    private final FlowFolder folder = new FlowFolder(database, Clock.systemUTC());
    private final Flows flows = new Flows(database, folder);
    /** The model: every crossing by id, and the ids a correction has superseded. */
    private final Map<Long, Crossing> held = new HashMap<>();
    private final List<Long> inForce = new ArrayList<>();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void rollUpsEqualTheRawCountAfterRandomInsertsLateArrivalsAndCorrections() {
        long[] persons = setUp();
        Random random = new Random(19);
        for (int round = 0; round < 6; round++) {
            int batch = 60 + random.nextInt(60);
            database.inTransaction(connection -> {
                for (int i = 0; i < batch; i++) {
                    boolean correct = !inForce.isEmpty() && random.nextInt(6) == 0;
                    Crossing old = correct ? held.get(inForce.get(random.nextInt(inForce.size()))) : null;
                    Crossing c = randomCrossing(random, persons, old);
                    long id = crossings.insert(connection, c);
                    held.put(id, c);
                    inForce.add(id);
                    if (old != null) {
                        inForce.remove(Long.valueOf(idOf(old)));
                    }
                }
                return null;
            });
            if (random.nextBoolean()) {
                folder.foldAll();
            }
            assertAllAgree("round " + round);
        }
        FlowFolder.RebuildResult rebuilt = folder.rebuild();
        assertThat(rebuilt.crossings()).isEqualTo(inForce.size());
        assertAllAgree("after a rebuild");
        assertThat(held.values()).anyMatch(c -> c.supersedes() != null);
    }

    @Test
    void aTransactionThatRollsBackCountsNothing() {
        long[] persons = setUp();
        Random random = new Random(7);
        try {
            database.inTransaction(connection -> {
                crossings.insert(connection, randomCrossing(random, persons, null));
                throw new IllegalStateException("the officer's screen lost power");
            });
        } catch (IllegalStateException expected) {
            // the crossing and its count went together
        }
        FlowTable all = flows.crossings(new FlowQuery(List.of(FlowDimension.POST), LocalDate.of(2000, 1, 1),
                LocalDate.of(2040, 12, 31), Map.of()), ANALYST);
        assertThat(all.total()).isZero();
        assertThat(folder.foldAll()).isZero();
    }

    private void assertAllAgree(String when) {
        Map<List<String>, Long> model = new TreeMap<>(RollupFixtures::compare);
        Map<List<String>, Long> modelDays = new TreeMap<>(RollupFixtures::compare);
        for (long id : inForce) {
            Crossing c = held.get(id);
            LocalDate day = c.occurredAt().atZone(ZoneId.of(c.zoneId())).toLocalDate();
            LocalDate birth = c.document().dateOfBirth();
            String band = birth == null || birth.isAfter(day) ? "unknown" : band(Period.between(birth, day).getYears());
            String purpose = c.permit() == null || c.permit().type() == null || c.permit().type().isEmpty() ? "none"
                    : c.permit().type();
            model.merge(List.of(day.toString().substring(0, 7), c.postId(), c.direction().name(),
                    c.document().nationality(), c.document().sex(), band, purpose), 1L, Long::sum);
            modelDays.merge(List.of(day.toString(), c.postId(), c.direction().name()), 1L, Long::sum);
        }
        FlowTable months = flows.crossings(new FlowQuery(List.of(FlowDimension.MONTH, FlowDimension.POST,
                FlowDimension.DIRECTION, FlowDimension.NATIONALITY, FlowDimension.SEX, FlowDimension.AGE_BAND,
                FlowDimension.PURPOSE), LocalDate.of(2000, 1, 1), LocalDate.of(2040, 12, 31), Map.of()), ANALYST);
        FlowTable days = flows.crossings(new FlowQuery(List.of(FlowDimension.DAY, FlowDimension.POST,
                FlowDimension.DIRECTION), LocalDate.of(2000, 1, 1), LocalDate.of(2040, 12, 31), Map.of()), ANALYST);
        assertThat(asMap(months)).as("month roll-up " + when).isEqualTo(model);
        assertThat(asMap(days)).as("day roll-up " + when).isEqualTo(modelDays);
        assertThat(raw(new RawFlows(database.isPostgres()).months(), 7, true)).as("raw SQL by month " + when).isEqualTo(model);
        assertThat(raw(new RawFlows(database.isPostgres()).days(), 3, false)).as("raw SQL by day " + when).isEqualTo(modelDays);
    }

    private Map<List<String>, Long> raw(String sql, int keys, boolean month) {
        return database.read(connection -> {
            Map<List<String>, Long> out = new TreeMap<>(RollupFixtures::compare);
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    List<String> key = new ArrayList<>();
                    String period = row.getObject(1, LocalDate.class).toString();
                    key.add(month ? period.substring(0, 7) : period);
                    for (int i = 2; i <= keys; i++) {
                        key.add(row.getString(i));
                    }
                    out.merge(key, row.getLong(keys + 1), Long::sum);
                }
            }
            return out;
        });
    }

    private static Map<List<String>, Long> asMap(FlowTable table) {
        Map<List<String>, Long> out = new TreeMap<>(RollupFixtures::compare);
        for (FlowTable.Row row : table.rows()) {
            out.put(row.keys(), row.crossings());
        }
        return out;
    }

    private long idOf(Crossing c) {
        return held.entrySet().stream().filter(e -> e.getValue() == c).findFirst().orElseThrow().getKey();
    }

    private Crossing randomCrossing(Random random, long[] persons, Crossing old) {
        int post = old != null ? List.of(POSTS).indexOf(old.postId()) : random.nextInt(POSTS.length);
        // Mostly recent, a share arriving months late, some right at local midnight.
        long seconds = random.nextInt(730) * 86_400L + random.nextInt(86_400);
        Instant at = START.plusSeconds(seconds);
        if (random.nextInt(5) == 0) {
            at = at.atZone(ZoneId.of(ZONES[post])).toLocalDate().atStartOfDay(ZoneId.of(ZONES[post]))
                    .toInstant().plusSeconds(random.nextBoolean() ? 0 : -1);
        }
        LocalDate day = at.atZone(ZoneId.of(ZONES[post])).toLocalDate();
        LocalDate birth = switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> day.minusYears(5);
            case 2 -> day.minusYears(18).plusDays(1);
            case 3 -> day.minusYears(60);
            case 4 -> LocalDate.of(2020, 2, 29);
            case 5 -> day.plusDays(3);
            default -> LocalDate.of(1940 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28));
        };
        String permit = PERMITS[random.nextInt(PERMITS.length)];
        TravelDocument d = new TravelDocument("P", "UTO", "D" + random.nextInt(1_000_000), "DOE", "JANE",
                NATIONS[random.nextInt(NATIONS.length)], birth, SEXES[random.nextInt(SEXES.length)], null, null, null,
                null);
        Long supersedes = old == null ? null : idOf(old);
        return new Crossing(0, "u" + held.size() + "-" + random.nextInt(1_000_000), random.nextBoolean()
                ? Direction.ENTRY : Direction.EXIT, POSTS[post], "officer", at, ZONES[post],
                persons[random.nextInt(persons.length)], d, permit == null ? null : new Permit(permit, null, null, null,
                null), List.of(), Decision.ADMIT, List.of(), supersedes, supersedes == null ? null : "typo", null,
                Instant.now(), seconds < 100 * 86_400L, null, false);
    }

    private long[] setUp() {
        return RollupFixtures.postsAndPersons(database, POSTS, ZONES, 5);
    }

    private static String band(int years) {
        return years < 5 ? "0-4" : years < 18 ? "5-17" : years < 60 ? "18-59" : "60+";
    }
}
