package org.ibex.demo;

import org.ibex.border.PostLocations;
import org.ibex.node.Operator;

/**
 * Where the demo's posts stand, inside the shipped outline of Utopia (fictional, in the Tasman Sea), so the
 * dashboard's flow map places them and flow monitoring names their areas: the airport in the Capital District, the
 * land crossing in the Northern Hills, the port on the Eastern Coast.
 */
final class DemoPostPositions {
    private static final Object[][] POSITIONS = {
            {"UTO-AIR", -26.45, 153.35, "UT01", "Capital District"},
            {"UTO-LAND", -26.55, 151.10, "UT02", "Northern Hills"},
            {"UTO-SEA", -25.25, 155.35, "UT04", "Eastern Coast"}};

    private DemoPostPositions() {
    }

    static void place(PostLocations locations) {
        for (Object[] p : POSITIONS) {
            locations.locate(Operator.actor("demo data"), (String) p[0], new PostLocations.Location((Double) p[1],
                    (Double) p[2], (String) p[3], (String) p[4]));
        }
    }
}
