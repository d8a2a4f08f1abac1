package org.ibex.node;

import org.ibex.displacement.DtmLimits;
import org.ibex.displacement.SurgeRule;
import org.ibex.store.DataFolder;

/**
 * The node's defaults for DTM figures, from {@code ibex.properties} or the environment: the surge rule applied when
 * a caller names none ({@code displacement.surge-factor-percent}, 200 = x2; {@code displacement.surge-jump}, people)
 * and the bounds of an import ({@code displacement.import-max-mb}, {@code displacement.import-max-rows}).
 */
record DisplacementSettings(SurgeRule surges, DtmLimits limits) {
    static DisplacementSettings read(DataFolder folder) {
        long percent = folder.wholeNumber("displacement.surge-factor-percent", 200, 101, 100_000_000, "percent");
        long jump = folder.wholeNumber("displacement.surge-jump", SurgeRule.STANDARD.jump(), 1, 2_000_000_000L,
                "people");
        long megabytes = folder.wholeNumber("displacement.import-max-mb", DtmLimits.STANDARD.maxBytes() >> 20, 1,
                1024, "MiB");
        long rows = folder.wholeNumber("displacement.import-max-rows", DtmLimits.STANDARD.maxRows(), 1, 10_000_000,
                "rows");
        return new DisplacementSettings(new SurgeRule(percent / 100.0, jump), new DtmLimits(megabytes << 20,
                (int) rows));
    }
}
