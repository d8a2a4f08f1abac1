package org.ibex.watchlist;

import java.time.LocalDate;

/** Who is being screened: a name in any script and whatever else is known; all but the name may be null. */
public record ScreeningQuery(String name, LocalDate dateOfBirth, String nationality, String sex, String documentNumber,
                             String issuingState) {
    public static ScreeningQuery byName(String name) {
        return new ScreeningQuery(name, null, null, null, null, null);
    }
}
