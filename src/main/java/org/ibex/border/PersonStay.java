package org.ibex.border;

import org.ibex.identity.Person;

/** A person, the stay rule that applies to them and where they stand against it. */
public record PersonStay(Person person, String rule, StayStatus status, String problem) {
}
