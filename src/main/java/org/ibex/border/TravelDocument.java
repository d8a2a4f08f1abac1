package org.ibex.border;

import java.time.LocalDate;

/**
 * A travel document as read at the post. {@code mrz} keeps the machine readable zone as scanned (lines
 * joined by newlines) when there was one; {@code dateOfIssue} is optional (the MRZ does not hold it);
 * {@code nameOriginal} is the name in its original script, if printed.
 */
public record TravelDocument(String documentCode, String issuingState, String documentNumber, String surname,
                             String givenNames, String nationality, LocalDate dateOfBirth, String sex,
                             LocalDate dateOfExpiry, LocalDate dateOfIssue, String mrz,
                             String nameOriginal) {
}
