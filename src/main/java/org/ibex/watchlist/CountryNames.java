package org.ibex.watchlist;

import org.ibex.country.Countries;

import java.util.List;

/**
 * Country names and codes as watchlists write them, turned into the codes of the one country table
 * ({@link Countries}): English names as CLDR gives them, the names the UN writes differently ("Iran (Islamic
 * Republic of)", "Saint Lucia"), the adjectives lists write ("Afghan"), the countries a phrase names, ISO alpha-2
 * codes, and the alpha-3 and ICAO codes a list may use for a nationality.
 */
final class CountryNames {
    private CountryNames() {
    }

    /** The alpha-3 code of an English or UN-style country name, or null if no table knows it. */
    static String alpha3FromName(String name) {
        return Countries.fromName(name);
    }

    /** The codes of every country a phrase names ("Sudan/or South Sudan" gives SDN and SSD); empty if none. */
    static List<String> alpha3sIn(String phrase) {
        return Countries.findIn(phrase);
    }

    /** The alpha-3 code of an ISO alpha-2 code in any case ("ru" gives RUS), or null. */
    static String alpha3FromAlpha2(String code) {
        return code == null || !code.strip().matches("[A-Za-z]{2}") ? null : Countries.fromAlpha2(code);
    }

    /** True for an ISO alpha-3 code or an ICAO Doc 9303 code (D for Germany, XXA stateless, XXB refugee, ...). */
    static boolean isNationalityCode(String code) {
        return Countries.isKnown(code);
    }
}
