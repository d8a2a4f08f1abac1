package org.ibex.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataFolderTest {
    @Test
    void withoutSettingsTheNodeUsesAnH2FileInItsDataFolderThatSurvivesAKill() {
        Path folder = TestDatabases.tempFolder();
        StoreConfig config = DataFolder.open(folder, Map.of()).storeConfig();
        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:" + folder.toAbsolutePath().resolve("ibex"))
                .as("commits reach the operating system before returning").contains("WRITE_DELAY=0")
                .as("no query answered from a result cached across another connection's commit")
                .contains("OPTIMIZE_REUSE_RESULTS=FALSE")
                .as("the node, not H2's own shutdown hook, closes the database once its loops stopped")
                .contains("DB_CLOSE_ON_EXIT=FALSE");
        assertThat(config.isPostgres()).isFalse();
    }

    @Test
    void thePropertiesFileChoosesTheDatabaseAndTheEnvironmentOverridesIt() throws Exception {
        Path folder = TestDatabases.tempFolder();
        Files.writeString(folder.resolve(DataFolder.PROPERTIES),
                "jdbc.url=jdbc:postgresql://db.example:5432/ibex\njdbc.user=ibex\njdbc.password=from-file\n");
        StoreConfig fromFile = DataFolder.open(folder, Map.of()).storeConfig();
        assertThat(fromFile.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/ibex");
        assertThat(fromFile.password()).isEqualTo("from-file");
        StoreConfig fromEnv = DataFolder.open(folder, Map.of("IBEX_JDBC_URL", "jdbc:postgresql://other/ibex",
                "IBEX_JDBC_PASSWORD", "from-env")).storeConfig();
        assertThat(fromEnv.jdbcUrl()).isEqualTo("jdbc:postgresql://other/ibex");
        assertThat(fromEnv.password()).isEqualTo("from-env");
        assertThat(fromEnv.user()).as("unset variables fall back to the file").isEqualTo("ibex");
    }

    @Test
    void aHyphenatedSettingIsOverriddenByAVariableAShellCanSet() throws Exception {
        Path folder = TestDatabases.tempFolder();
        Files.writeString(folder.resolve(DataFolder.PROPERTIES), "exchange.max-age-days=30\n");

        DataFolder data = DataFolder.open(folder, Map.of("IBEX_EXCHANGE_MAX_AGE_DAYS", "7"));

        assertThat(data.setting("exchange.max-age-days", null)).isEqualTo("7");
        assertThat(DataFolder.open(folder, Map.of()).setting("exchange.max-age-days", null)).isEqualTo("30");
    }

    @Test
    void passwordsNeverAppearInTheConfigurationsText() {
        assertThat(new StoreConfig("jdbc:postgresql://h/db", "u", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void anUnsupportedDatabaseIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new StoreConfig("jdbc:mysql://h/db", "u", "p"))
                .hasMessageStartingWith("jdbcUrl must start with jdbc:h2: or jdbc:postgresql:");
    }

    @Test
    void anUnreachableDatabaseFailsWithItsAddressAndTheCause() {
        assertThatThrownBy(() -> Database.open(new StoreConfig("jdbc:postgresql://127.0.0.1:1/none", "u", "p")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open database jdbc:postgresql://127.0.0.1:1/none")
                .hasMessageContaining("refused");
    }
}
