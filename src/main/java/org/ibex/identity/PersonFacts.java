package org.ibex.identity;

import java.time.LocalDate;

/** What a travel document says about its holder: enough to link crossings to one person. */
public record PersonFacts(String surname, String givenNames, LocalDate dateOfBirth, String nationality, String sex,
                          String issuingState, String documentNumber) {
}
