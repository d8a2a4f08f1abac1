package org.ibex.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Versions of a list of national size (6,000 entries) stay small in the database and restore whole. */
class LargeListVersionsTest {
    private static final int ENTRIES = 6000;
    private static TestNode node;
    private static ApiCalls api;

    @BeforeAll
    static void startNode() {
        node = new TestNode(Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));
        api = new ApiCalls(node);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static String csv(int entries, String changedReason) {
        return "id,name,dateOfBirth,nationality,reason\n" + IntStream.range(0, entries).mapToObj(i -> "N" + i + ",Person"
                + Integer.toString(i, 26).replaceAll("\\d", "x") + " Surname" + (i % 97) + ",19" + (50 + i % 50)
                + "-0" + (1 + i % 9) + "-1" + (i % 9) + ",FRA," + (i == 0 ? changedReason : "listed for test " + i % 13) + "\n")
                .collect(Collectors.joining());
    }

    @Test
    void aNationalSizedListKeepsEveryVersionCompactAndRollsBackWhole() {
        api.expect(200, "PUT", "/api/watchlists/big?format=csv&owner=Interior", "list.manager", csv(ENTRIES, "first"));
        api.expect(200, "PUT", "/api/watchlists/big?format=csv", "list.manager", csv(ENTRIES, "second"));
        api.expect(200, "PUT", "/api/watchlists/big?format=csv&confirmRemoval=" + (ENTRIES - 10), "list.manager",
                csv(10, "third"));

        api.expect(200, "POST", "/api/watchlists/big/rollback?version=2", "list.manager", null);

        List<Integer> sizes = node.database.read(c -> {
            try (var select = c.prepareStatement("SELECT snapshot FROM watchlist_version WHERE list_id = 'big' ORDER BY version")) {
                return org.ibex.store.Sql.list(select, row -> row.getBytes(1).length);
            }
        });
        assertThat(sizes).hasSize(4);
        assertThat(sizes.get(0)).as("6,000 entries compressed, bytes").isLessThan(200_000);
        int changed = node.database.read(c -> {
            try (var select = c.prepareStatement("SELECT COUNT(*) FROM watchlist_person WHERE list_id = 'big'"
                    + " AND reason = 'second'")) {
                return org.ibex.store.Sql.list(select, row -> row.getInt(1)).get(0);
            }
        });
        assertThat(changed).as("version 2, with its changed entry, is back").isEqualTo(1);
        assertThat(api.expect(200, "GET", "/api/watchlists", "list.manager", null).get(0).path("persons").asInt())
                .isEqualTo(ENTRIES);
    }
}
