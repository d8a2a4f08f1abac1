package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.Operator;
import org.ibex.store.DataFolder;
import org.ibex.store.TestDatabases;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.EntryAction;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A node keeps its lists keyed in its data folder, readable by its own account only, and starts from them (the CLI
 * too); an operator can turn that off, and a node with an encrypted store keeps no listed name in clear beside it.
 */
class KeyedListsTest {
    private static final Path UN = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "watchlists",
            "un_consolidated_2018-10-29.xml");

    @Test
    void anImportedListIsKeptKeyedAndTheNextStartAndTheCliReadIt() throws Exception {
        TestDataFolder folder = TestDataFolder.create();
        CliRun imported = CliRun.of("watchlist", "import", UN.toString(), "--list", "unsc", "--owner",
                "UN Security Council", "--data", folder.arg());
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        Path kept = folder.path().resolve(DataFolder.KEYED_LISTS);
        List<Path> files;
        try (Stream<Path> list = Files.list(kept)) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0)))).isEqualTo("rw-------");

        CliRun screened = CliRun.of("watchlist", "screen", "--name", "JOSEPH KONY", "--data", folder.arg());
        assertThat(screened.exit()).as(screened.err()).isZero();
        assertThat(screened.out()).contains("unsc/");
        try (Node node = Node.open(folder.path(), Map.of(), Clock.systemUTC())) {
            assertThat(node.screening.startReads()).isEqualTo(Map.of("unsc", "read"));
        }
        try (Node node = Node.open(folder.path(), Map.of("IBEX_WATCHLIST_KEYED_LISTS", "none"), Clock.systemUTC())) {
            assertThat(node.screening.startReads()).isEqualTo(Map.of("unsc", "nothing kept"));
            assertThat(node.screening.personCount()).isGreaterThan(600);
        }
    }

    @Test
    void aNodeWithAnEncryptedStoreKeepsNoNameInClear() {
        assumeThat(TestDatabases.postgres()).as("the embedded store is the one a passphrase encrypts").isFalse();
        Path data = TestDatabases.tempFolder();
        Map<String, String> env = Map.of("IBEX_STORE_PASSPHRASE", "correct horse battery staple");
        try (Node node = Node.open(data, env, Clock.systemUTC())) {
            node.services.watchlists().replace(new ListImport("alerts", "Alerts", "National police", "national", null,
                    null), List.of(new PersonEntry("alerts", "A1", List.of("Ivan Petrov"), (org.ibex.watchlist.PartialDate) null,
                    null, null, null, null, null, null, EntryAction.REFER_TO_SECOND_LINE)), List.of(),
                    Operator.listManager("test"));
        }
        try (Node node = Node.open(data, env, Clock.systemUTC())) {
            assertThat(node.screening.personCount()).isEqualTo(1);
        }
        assertThat(data.resolve(DataFolder.KEYED_LISTS)).doesNotExist();
    }
}
