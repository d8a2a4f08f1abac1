package org.ibex.node;

import org.ibex.store.DataFolder;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The node's settings are read once, checked once, and a bad one is named with its range before anything starts. */
class NodeSettingsTest {
    @Test
    void withoutSettingsTheDefaultsHold() {
        NodeSettings settings = NodeSettings.read(DataFolder.open(TestDatabases.tempFolder(), Map.of()));

        assertThat(settings.clearance()).isEqualTo(Duration.ofDays(180));
        assertThat(settings.maxSkew()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.exchangeMaxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.directoryPull()).isEqualTo(Duration.ofSeconds(600));
        assertThat(settings.checkpointEvery()).isEqualTo(Duration.ofMinutes(60));
        assertThat(settings.alertSweep()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void thePropertiesFileSetsThemAndTheEnvironmentOverrides() throws Exception {
        Path folder = TestDatabases.tempFolder();
        Files.writeString(folder.resolve(DataFolder.PROPERTIES), "hits.clearance-days=30\ncrossings.max-skew-minutes=5\n");

        NodeSettings settings = NodeSettings.read(DataFolder.open(folder, Map.of("IBEX_CROSSINGS_MAX_SKEW_MINUTES", "0")));

        assertThat(settings.clearance()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.maxSkew()).as("the variable wins over the file").isZero();
    }

    @Test
    void aBadValueStopsTheNodeNamingTheSettingItsRangeAndWhereToSetIt() throws Exception {
        Path folder = TestDatabases.tempFolder();
        Files.writeString(folder.resolve(DataFolder.PROPERTIES), "hits.clearance-days=forever\n");

        assertThatThrownBy(() -> NodeSettings.read(DataFolder.open(folder, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hits.clearance-days must be a whole number of days 1..3650")
                .hasMessageContaining("'forever'").hasMessageContaining("IBEX_HITS_CLEARANCE_DAYS");
        assertThatThrownBy(() -> NodeSettings.read(DataFolder.open(TestDatabases.tempFolder(),
                Map.of("IBEX_EXCHANGE_MAX_AGE_DAYS", "0"))))
                .hasMessageContaining("exchange.max-age-days must be a whole number of days 1..365");
        assertThatThrownBy(() -> NodeSettings.read(DataFolder.open(TestDatabases.tempFolder(),
                Map.of("IBEX_STAYS_ALERT_SWEEP_MINUTES", "0"))))
                .hasMessageContaining("stays.alert-sweep-minutes must be a whole number of minutes 1..10080");
    }
}
