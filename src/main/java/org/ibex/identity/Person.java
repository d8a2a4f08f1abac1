package org.ibex.identity;

import java.time.LocalDate;

/** A person known to the node, to whom crossings are linked. */
public record Person(long id, String surname, String givenNames, LocalDate dateOfBirth, String nationality, String sex) {
}
