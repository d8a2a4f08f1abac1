package org.ibex.cli;

import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ibex generate crossings}: a synthetic history into the node's store, counted in the flow roll-ups. */
class GenerateCrossingsCommandTest {

    @Test
    void generatesTheCountAskedAtTheNamedPostsAndARerunStoresNothingTwice() {
        TestDataFolder folder = TestDataFolder.create();
        CliRun run = CliRun.of("generate", "crossings", "--count", "800", "--seed", "4", "--from", "2025-01-01",
                "--to", "2025-06-30", "--data", folder.arg());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).contains("generated 800 crossings 2025-01-01..2025-06-30 at 3 posts (seed 4)")
                .contains("stored 800, already held 0");
        try (Database database = folder.openDatabase()) {
            List<String> counts = database.read(c -> {
                try (var select = c.prepareStatement("SELECT 'crossings ' || COUNT(*) FROM crossing UNION ALL"
                        + " SELECT 'posts ' || COUNT(DISTINCT post_id) FROM crossing UNION ALL"
                        + " SELECT 'orphans ' || COUNT(*) FROM crossing c WHERE NOT EXISTS"
                        + " (SELECT 1 FROM person p WHERE p.id = c.person_id) UNION ALL"
                        + " SELECT 'counted ' || COALESCE(SUM(crossings), 0) FROM flow_delta")) {
                    return Sql.list(select, row -> row.getString(1));
                }
            });
            assertThat(counts).contains("crossings 800", "posts 3", "orphans 0");
        }
        CliRun again = CliRun.of("generate", "crossings", "--count", "800", "--seed", "4", "--from", "2025-01-01",
                "--to", "2025-06-30", "--posts", "UTO-AIR,UTO-LAND,UTO-SEA", "--data", folder.arg());
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.out()).contains("stored 0, already held 800");
    }

    @Test
    void badOptionsAreRefusedWithExitTwoAndNoStackTrace() {
        TestDataFolder folder = TestDataFolder.create();
        for (String[] args : List.of(
                new String[]{"--count", "0"},
                new String[]{"--count", "10", "--from", "2025-02-01", "--to", "2025-01-01"},
                new String[]{"--count", "10", "--posts", "NOWHERE"},
                new String[]{"--count", "10", "--from", "yesterday"})) {
            String[] full = new String[args.length + 4];
            full[0] = "generate";
            full[1] = "crossings";
            System.arraycopy(args, 0, full, 2, args.length);
            full[args.length + 2] = "--data";
            full[args.length + 3] = folder.arg();
            CliRun run = CliRun.of(full);
            assertThat(run.exit()).as(run.output()).isEqualTo(2);
            assertThat(run.printedStackTrace()).as(run.output()).isFalse();
        }
        assertThat(CliRun.of("generate", "crossings", "--count", "10", "--posts", "NOWHERE", "--data", folder.arg())
                .err()).contains("--posts: unknown post 'NOWHERE'");
    }
}
