package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchlistInfoTest {
    @Test
    void carriesOwnerSharingLabelAndThreshold() {
        WatchlistInfo info = new WatchlistInfo("un-sc", "UN Security Council", "MFA", "TLP:AMBER", 85);
        assertThat(info.sharingLabel()).isEqualTo("TLP:AMBER");
        assertThat(info.matchThresholdPercent()).isEqualTo(85);
    }

    @Test
    void rejectsAThresholdOutsideOneToAHundred() {
        assertThatThrownBy(() -> new WatchlistInfo("l", "n", "o", "national", 0))
                .hasMessageContaining("matchThresholdPercent is 0; it must be between 1 and 100");
        assertThatThrownBy(() -> new WatchlistInfo("l", "n", "o", "national", 101)).isInstanceOf(InvalidEntryException.class);
    }

    @Test
    void needsASharingLabel() {
        assertThatThrownBy(() -> new WatchlistInfo("l", "n", "o", " ", 80)).hasMessage("sharingLabel is required and must not be blank");
    }
}
