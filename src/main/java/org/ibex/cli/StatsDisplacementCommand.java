package org.ibex.cli;

import org.ibex.displacement.AreaFigure;
import org.ibex.displacement.DisplacementCsv;
import org.ibex.displacement.TrendPoint;
import org.ibex.node.Node;
import org.ibex.node.Operator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** Displacement figures: each area's latest (for a map), or one area's series with {@code --pcode}. */
@Command(name = "displacement", mixinStandardHelpOptions = true,
        description = "Latest DTM figure per area, or an area's trend with --pcode (CSV or JSON).")
final class StatsDisplacementCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--operation", description = "one DTM operation (default: all)")
    String operation;

    @Option(names = "--pcode", description = "an area's p-code: its figures round by round")
    String pcode;

    @Option(names = "--level", description = "admin level of the areas, 0..2 (default: all)")
    Integer level;

    @Option(names = "--date", description = "latest at or before this day yyyy-MM-dd (default: the latest)")
    LocalDate date;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        boolean csv = StatsFormat.csv(format);
        if (level != null && (level < 0 || level > 2)) {
            throw new IllegalArgumentException("--level must be 0, 1 or 2 (got " + level + ")");
        }
        try (Node node = data.open()) {
            var displacement = node.services.displacement();
            var actor = Operator.actor("displacement figures at shell");
            if (pcode != null) {
                List<TrendPoint> trend = displacement.trend(pcode, operation, actor);
                StatsFormat.write(csv, DisplacementCsv.trend(trend), trend);
            } else {
                List<AreaFigure> areas = displacement.areas(operation, level, date, actor);
                StatsFormat.write(csv, DisplacementCsv.areas(areas), areas);
            }
            return 0;
        }
    }
}
