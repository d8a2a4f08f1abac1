package org.ibex.demo;

import org.ibex.store.Database;

import java.sql.PreparedStatement;

/**
 * Where the demo's posts stand, inside the shipped outline of Utopia (fictional, in the Tasman Sea), so the
 * dashboard's flow map places them: the airport in the Capital District, the land crossing in the Northern Hills,
 * the port on the Eastern Coast.
 */
final class DemoPostPositions {
    private static final Object[][] POSITIONS = {
            {"UTO-AIR", -26.45, 153.35},
            {"UTO-LAND", -26.55, 151.10},
            {"UTO-SEA", -25.25, 155.35}};

    private DemoPostPositions() {
    }

    static void place(Database database) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE post SET latitude = ?, longitude = ? WHERE id = ?")) {
                for (Object[] p : POSITIONS) {
                    update.setDouble(1, (Double) p[1]);
                    update.setDouble(2, (Double) p[2]);
                    update.setString(3, (String) p[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }
}
