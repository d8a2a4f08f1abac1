package org.ibex.country;

import java.util.List;

/**
 * One row of the country table: a code as documents and lists write it, its ISO 3166-1 alpha-2 code (null for
 * the codes ICAO Doc 9303 adds), the ISO code of the country it stands for (DEU for ICAO's D; null when it is
 * its own), its English name and the other names lists use for it.
 */
public record Country(String code, String alpha2, String standsFor, String name, List<String> otherNames) {
    public Country {
        otherNames = List.copyOf(otherNames);
    }

    /** Whether the code is ISO 3166-1 alpha-3 rather than one ICAO added. */
    public boolean iso() {
        return alpha2 != null;
    }

    /** The code of the country this code names: DEU for D, the code itself otherwise. */
    public String country() {
        return standsFor != null ? standsFor : code;
    }
}
