package org.ibex.document;

import org.ibex.country.Countries;

/**
 * The three-letter codes ICAO Doc 9303 allows for issuing states and nationalities, as the MRZ writes them: the
 * table of {@link Countries} (ISO 3166-1 alpha-3 and ICAO's own codes such as D, XXA and the specimen state UTO),
 * with trailing fillers ignored.
 */
public final class CountryCodes {
    private CountryCodes() {
    }

    /** Whether {@code code} is a known code; trailing fillers are ignored, so {@code D<<} is known. */
    public static boolean isKnown(String code) {
        return code != null && Countries.isKnown(Fillers.trimTrailing(code));
    }

    static int size() {
        return Countries.size();
    }
}
