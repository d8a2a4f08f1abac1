package org.ibex.cli;

import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's watchlists are national and kept by its list manager login, loaded like any audited import. */
class DemoListManagerTest {

    @Test
    void theDemoHasAListManagerAndNationalLists() {
        TestDataFolder folder = TestDataFolder.create();
        CliRun run = CliRun.of("demo", "--no-serve", "--crossings", "200", "--history", "300", "--data", folder.arg());
        assertThat(run.exit()).as(run.output()).isZero();

        try (Database database = folder.openDatabase()) {
            List<String> found = database.read(c -> {
                try (var select = c.prepareStatement("SELECT 'user ' || username || ' ' || role FROM user_account"
                        + " WHERE username = 'listmanager' UNION ALL SELECT 'list ' || id || ' post=' || COALESCE(post_id, '-')"
                        + " FROM watchlist UNION ALL SELECT 'version ' || list_id || ' v' || version FROM watchlist_version")) {
                    return Sql.list(select, row -> row.getString(1));
                }
            });
            assertThat(found).containsExactlyInAnyOrder("user listmanager LIST_MANAGER",
                    "list national-alerts post=-", "list lost-stolen post=-",
                    "version national-alerts v1", "version lost-stolen v1");
        }
    }
}
