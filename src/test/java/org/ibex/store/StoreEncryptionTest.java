package org.ibex.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database encrypted under the operator's passphrase: nothing readable on a stolen disk. */
class StoreEncryptionTest {
    private static final String PASSPHRASE = "long enough store passphrase";
    private static final String MARKER = "MARKERPOSTNAMEQZX";

    @Test
    void aPlainDatabaseFileShowsItsRowsToAnyoneWhoReadsTheDisk() throws Exception {
        Path folder = TestDatabases.tempFolder();
        storeMarker(DataFolder.open(folder, Map.of()));

        assertThat(fileText(folder)).as("the baseline this protection is about").contains(MARKER);
    }

    @Test
    void withAPassphraseTheFileIsEncryptedAndOpensOnlyWithIt() throws Exception {
        Path folder = TestDatabases.tempFolder();
        DataFolder encrypted = DataFolder.open(folder, Map.of("IBEX_STORE_PASSPHRASE", PASSPHRASE));
        assertThat(encrypted.storeConfig().isEncrypted()).isTrue();
        storeMarker(encrypted);

        assertThat(fileText(folder)).as("no row is readable from the file").doesNotContain(MARKER);
        assertThat(readMarker(DataFolder.open(folder, Map.of("IBEX_STORE_PASSPHRASE", PASSPHRASE))))
                .as("the same passphrase opens it again").isEqualTo(1);
        assertThatThrownBy(() -> Database.open(DataFolder.open(folder, Map.of()).storeConfig()))
                .as("without the passphrase").isInstanceOf(StoreException.class)
                .hasMessageContaining("IBEX_STORE_PASSPHRASE");
        assertThatThrownBy(() -> Database.open(DataFolder.open(folder,
                Map.of("IBEX_STORE_PASSPHRASE", "another long passphrase")).storeConfig()))
                .as("with a wrong passphrase").isInstanceOf(StoreException.class)
                .hasMessageContaining("passphrase");
    }

    @Test
    void anExistingPlainDatabaseIsEncryptedInPlaceAndKeepsItsRows() throws Exception {
        Path folder = TestDatabases.tempFolder();
        storeMarker(DataFolder.open(folder, Map.of()));

        StoreEncryption.encrypt(DataFolder.open(folder, Map.of()), PASSPHRASE);

        assertThat(fileText(folder)).doesNotContain(MARKER);
        assertThat(readMarker(DataFolder.open(folder, Map.of("IBEX_STORE_PASSPHRASE", PASSPHRASE)))).isEqualTo(1);
        assertThatThrownBy(() -> StoreEncryption.encrypt(DataFolder.open(folder, Map.of()), PASSPHRASE))
                .as("encrypting twice is refused, not a second layer").isInstanceOf(StoreException.class)
                .hasMessageContaining("encrypted already");
    }

    @Test
    void aShortPassphraseIsRefusedNamingTheSetting() {
        Path folder = TestDatabases.tempFolder();
        assertThatThrownBy(() -> DataFolder.open(folder, Map.of("IBEX_STORE_PASSPHRASE", "short")).storeConfig())
                .hasMessageContaining("store.passphrase").hasMessageContaining("12");
    }

    private static void storeMarker(DataFolder folder) {
        try (Database database = Database.open(folder.storeConfig())) {
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO post(id, name, kind, zone_id) VALUES ('P1', ?, 'LAND', 'UTC')")) {
                    insert.setString(1, MARKER);
                    return insert.executeUpdate();
                }
            });
        }
    }

    private static int readMarker(DataFolder folder) {
        try (Database database = Database.open(folder.storeConfig())) {
            return database.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM post WHERE name = ?")) {
                    select.setString(1, MARKER);
                    return Sql.list(select, row -> row.getInt(1)).get(0);
                }
            });
        }
    }

    private static String fileText(Path folder) throws Exception {
        return new String(Files.readAllBytes(folder.resolve("ibex.mv.db")), StandardCharsets.ISO_8859_1);
    }
}
