package org.ibex.document;

import java.time.LocalDate;

/** The values read from an MRZ, before they are joined with the findings into a reading. */
record MrzFields(String documentCode, String issuingState, String surname, String givenNames, String documentNumber,
                 String nationality, LocalDate dateOfBirth, LocalDate dateOfExpiry, String sex, String optionalData,
                 String optionalData2) {
}
