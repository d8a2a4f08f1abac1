package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.document.MrzWriter;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The analyst's filters on overstayers, applied before paging, and crossings counted by post. */
class OverstayerFilterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate LATER = LocalDate.of(2027, 3, 4);
    private static final Actor ANALYST = new Actor(new User("analyst", Role.ANALYST, null), "test", "local");
    private static final Actor OFFICER_A = new Actor(new User("officer.a", Role.OFFICER, "POST-A"), "test", "local");
    private static final Actor OFFICER_B = new Actor(new User("officer.b", Role.OFFICER, "POST-B"), "test", "local");
    private static Database database;
    private static BorderService border;
    private static StayService stays;

    @BeforeAll
    static void threeTravellersWhoStayed() {
        database = TestDatabases.fresh();
        PostRepository posts = new PostRepository(database);
        posts.add(new Post("POST-A", "Airport", Post.Kind.AIRPORT, ZoneId.of("UTC")));
        posts.add(new Post("POST-B", "Land", Post.Kind.LAND, ZoneId.of("UTC")));
        border = TestBorder.service(database, posts, CLOCK);
        stays = new StayService(database, () -> TestBorder.POLICY, TestBorder.accessLog(database, CLOCK), CLOCK);
        enter("POST-A", "FRA", "FILTERA", "FA1234567", OFFICER_A);
        enter("POST-A", "DEU", "FILTERB", "FB1234567", OFFICER_A);
        enter("POST-B", "FRA", "FILTERC", "FC1234567", OFFICER_B);
    }

    private static void enter(String post, String nationality, String surname, String number, Actor officer) {
        String mrz = MrzWriter.td3(nationality, surname, "JEAN", number, nationality, LocalDate.of(1980, 5, 17), "M",
                LocalDate.of(2031, 1, 1), null);
        border.record(new CrossingRequest(null, Direction.ENTRY, post, null, mrz, null, null, null, null), officer);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void eachFilterNarrowsTheListBeforeItIsPaged() {
        assertThat(stays.overstayers(LATER, OverstayerFilter.ALL, ANALYST, 0, 10).items()).hasSize(3);
        assertThat(stays.overstayers(LATER, new OverstayerFilter("fra", null, 0), ANALYST, 0, 10).items())
                .extracting(o -> o.person().surname()).containsExactlyInAnyOrder("FILTERA", "FILTERC");
        assertThat(stays.overstayers(LATER, new OverstayerFilter(null, "POST-B", 0), ANALYST, 0, 10).items())
                .extracting(o -> o.person().surname()).containsExactly("FILTERC");
        Page<Overstayer> firstOfFrench = stays.overstayers(LATER, new OverstayerFilter("FRA", "", 0), ANALYST, 0, 1);
        assertThat(firstOfFrench.items()).hasSize(1);
        assertThat(firstOfFrench.more()).as("the second French overstayer is on the next page").isTrue();
        int days = firstOfFrench.items().get(0).status().overstayDays();
        assertThat(stays.overstayers(LATER, new OverstayerFilter(null, null, days + 1), ANALYST, 0, 10).items())
                .isEmpty();
        assertThat(stays.overstayers(LATER, new OverstayerFilter(null, null, days), ANALYST, 0, 10).items())
                .hasSize(3);
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new OverstayerFilter("FR1", null, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nationality");
        assertThatThrownBy(() -> new OverstayerFilter(null, "<script>", 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("post");
        assertThatThrownBy(() -> new OverstayerFilter(null, null, -1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("minDays");
    }

    @Test
    void crossingsAreCountedByPostAndAnOfficerCountsTheirOwnPostOnly() {
        Instant from = Instant.parse("2026-11-24T00:00:00Z");
        Instant to = Instant.parse("2026-11-25T00:00:00Z");

        assertThat(border.countsByPost(from, to, ANALYST)).containsExactly(Map.entry("POST-A", 2L), Map.entry("POST-B", 1L));
        assertThat(border.countsByPost(from, to, OFFICER_B)).containsExactly(Map.entry("POST-B", 1L));
        assertThat(border.countsByPost(to, to.plusSeconds(86_400), ANALYST)).isEmpty();
        assertThatThrownBy(() -> border.countsByPost(to, from, ANALYST)).isInstanceOf(InvalidInputException.class);
    }
}
