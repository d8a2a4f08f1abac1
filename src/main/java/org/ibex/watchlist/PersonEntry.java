package org.ibex.watchlist;

import java.time.LocalDate;
import java.util.List;

/**
 * A listed person. {@code names.get(0)} is the primary name and the rest are aliases, each in any script;
 * nationality is ISO 3166-1 alpha-3 (or an ICAO code such as D or XXA) or null; sex is M, F or null.
 */
public record PersonEntry(String listId, String entryId, List<String> names, PartialDate dateOfBirth,
                          String nationality, String sex, String reason, String source, LocalDate validFrom,
                          LocalDate validUntil, EntryAction action) {
    static final int MAX_NAME = 300;

    public PersonEntry {
        Checks.text("listId", listId, 60);
        Checks.text("entryId", entryId, 200);
        names = checkedNames(names);
        if (nationality != null && !CountryNames.isNationalityCode(nationality)) {
            throw new InvalidEntryException("nationality", RowError.CODE, "nationality '" + nationality + "' must be an"
                    + " ISO 3166-1 alpha-3 code or an ICAO Doc 9303 code, in upper case (RUS, D or XXA; not ru)");
        }
        Checks.code("sex", sex, "[MF]", "M, F or empty");
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new InvalidEntryException("validUntil", RowError.RANGE, "validUntil " + validUntil
                    + " is before validFrom " + validFrom);
        }
        if (action == null) {
            throw new InvalidEntryException("action", RowError.REQUIRED, "action is required");
        }
    }

    private static List<String> checkedNames(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidEntryException("names", RowError.REQUIRED, "names must hold at least the primary name");
        }
        for (int i = 0; i < names.size(); i++) {
            String field = i == 0 ? "name" : "names[" + i + "]";
            Checks.text(field, names.get(i), MAX_NAME);
        }
        return List.copyOf(names);
    }

    public String primaryName() {
        return names.get(0);
    }

    public List<String> aliases() {
        return names.subList(1, names.size());
    }
}
