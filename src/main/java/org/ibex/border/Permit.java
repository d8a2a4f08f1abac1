package org.ibex.border;

import java.time.LocalDate;

/** The visa or residence permit a traveller presents, with the terms a visa-defined stay is counted by. */
public record Permit(String type, LocalDate validFrom, LocalDate validUntil, Integer entries, Integer days) {
}
