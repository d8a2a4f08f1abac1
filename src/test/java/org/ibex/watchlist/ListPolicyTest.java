package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A list's screening settings: a namesake policy (SHOW unless said) and the alert rate its threshold was set for. */
class ListPolicyTest {

    @Test
    void aListShowsNamesakesWithoutAlertingUnlessItsPolicySaysOtherwise() {
        WatchlistInfo info = new WatchlistInfo("alerts", "Alerts", "police", "national", 80);
        assertThat(info.namesakes()).isEqualTo(NamesakePolicy.SHOW);
        assertThat(info.targetAlertRate()).isNull();
        WatchlistInfo calibrated = info.withNamesakes(NamesakePolicy.ALERT).calibrated(84, 0.005);
        assertThat(calibrated.matchThresholdPercent()).isEqualTo(84);
        assertThat(calibrated.targetAlertRate()).isEqualTo(0.005);
        assertThat(calibrated.namesakes()).isEqualTo(NamesakePolicy.ALERT);
    }

    @Test
    void aRateOutsideZeroToOneOrAnUnknownPolicyIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new WatchlistInfo("a", "A", "p", "n", 80, NamesakePolicy.SHOW, 0.0))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("targetAlertRate is 0.0");
        assertThatThrownBy(() -> new WatchlistInfo("a", "A", "p", "n", 80, NamesakePolicy.SHOW, 1.5))
                .hasMessageContaining("targetAlertRate is 1.5");
        assertThatThrownBy(() -> NamesakePolicy.parse("stop-them-all")).isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("namesakePolicy 'stop-them-all' is not one of [SHOW, ALERT, HIDE]");
        assertThat(NamesakePolicy.parse(" alert ")).isEqualTo(NamesakePolicy.ALERT);
    }
}
