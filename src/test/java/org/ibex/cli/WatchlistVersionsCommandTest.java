package org.ibex.cli;

import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator keeps national lists from the shell: imports are versioned and audited, removals confirmed, rollbacks possible. */
class WatchlistVersionsCommandTest {

    private static Path csv(int persons) throws Exception {
        Path file = Files.createTempFile("list", ".csv");
        Files.writeString(file, "id,name\n" + IntStream.rangeClosed(1, persons).mapToObj(i -> "P" + i + ",Person Number"
                + (char) ('A' + i) + "\n").collect(Collectors.joining()), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void anImportRemovingMostOfAListNeedsTheNumberConfirmedAndCanBeRolledBack() throws Exception {
        TestDataFolder folder = TestDataFolder.create();
        assertThat(CliRun.of("watchlist", "import", csv(3).toString(), "--list", "alerts", "--data", folder.arg()).err())
                .as("a new national list names its owner").contains("owner is required");
        CliRun first = CliRun.of("watchlist", "import", csv(10).toString(), "--list", "alerts", "--owner", "National police",
                "--data", folder.arg());
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.out()).contains("version 1").contains("added=10");

        CliRun unconfirmed = CliRun.of("watchlist", "import", csv(2).toString(), "--list", "alerts", "--data", folder.arg());
        assertThat(unconfirmed.exit()).as(unconfirmed.output()).isEqualTo(2);
        assertThat(unconfirmed.out()).contains("not imported").contains("remove 8 of the 10").contains("--confirm-removal 8");
        CliRun confirmed = CliRun.of("watchlist", "import", csv(2).toString(), "--list", "alerts", "--confirm-removal", "8",
                "--data", folder.arg());
        assertThat(confirmed.exit()).as(confirmed.output()).isZero();

        CliRun versions = CliRun.of("watchlist", "versions", "--list", "alerts", "--data", folder.arg());
        assertThat(versions.out().lines().toList()).hasSize(2);
        assertThat(versions.out()).contains("v2").contains("-8").contains("cli:");
        CliRun rolledBack = CliRun.of("watchlist", "rollback", "--list", "alerts", "--to", "1", "--data", folder.arg());
        assertThat(rolledBack.exit()).as(rolledBack.output()).isZero();
        assertThat(rolledBack.out()).contains("version 3 restores version 1");
        assertThat(CliRun.of("watchlist", "list", "--data", folder.arg()).out()).contains("10 persons");

        try (Database database = folder.openDatabase()) {
            List<String> audited = database.read(c -> {
                try (var select = c.prepareStatement("SELECT action, subject FROM access_log WHERE action LIKE 'watchlist.%'"
                        + " ORDER BY id")) {
                    return Sql.list(select, row -> row.getString(1) + " " + row.getString(2));
                }
            });
            assertThat(audited).as("each change, and the refused one, with its counts").containsExactly(
                    "watchlist.import list/alerts v1 before=0 after=10 added=10 removed=0 changed=0",
                    "watchlist.import.refused list/alerts unconfirmed removed=8",
                    "watchlist.import list/alerts v2 before=10 after=2 added=0 removed=8 changed=0",
                    "watchlist.rollback list/alerts v3 from v1 before=2 after=10 added=8 removed=0 changed=0");
        }
    }
}
