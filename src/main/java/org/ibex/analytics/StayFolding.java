package org.ibex.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stay roll-up's part of a fold and of a rebuild, run by {@link FlowFolder} in its own transaction under the
 * {@code flow_fold} lock, so flows and stays fold and rebuild together.
 */
final class StayFolding {
    private static final List<String> KEYS = List.of("local_month", "post_id", "nationality", "purpose",
            "length_band");

    private StayFolding() {
    }

    /** Folds up to {@link FlowFolder#STEP} stay deltas; how many. */
    static int foldStep(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        Map<List<Object>, Long> months = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, local_month, post_id, nationality,"
                + " purpose, length_band, stays FROM stay_delta ORDER BY id FETCH FIRST " + FlowFolder.STEP
                + " ROWS ONLY");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ids.add(row.getLong(1));
                months.merge(List.of(row.getObject(2, LocalDate.class), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)), (long) row.getInt(7), Long::sum);
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        months.values().removeIf(n -> n == 0);
        FlowFolder.add(connection, "stay_month", KEYS, "stays", months);
        FlowFolder.delete(connection, "stay_delta", ids);
        return ids.size();
    }

    /** Recounts {@code stay_month} from the crossings; the stays and the rows written. */
    static long[] rebuild(Statement statement, boolean postgres) throws SQLException {
        statement.executeUpdate("DELETE FROM stay_delta");
        statement.executeUpdate("DELETE FROM stay_month");
        int rows = statement.executeUpdate("INSERT INTO stay_month(local_month, post_id, nationality, purpose,"
                + " length_band, stays) " + new RawStays(postgres).months());
        try (ResultSet sum = statement.executeQuery("SELECT COALESCE(SUM(stays), 0) FROM stay_month")) {
            sum.next();
            return new long[] {sum.getLong(1), rows};
        }
    }
}
