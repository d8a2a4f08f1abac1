package org.ibex.border;

/**
 * What another agency said, in time for the decision, about a traveller an inspection asked it about: a hit, no hit,
 * no answer yet (the answer shows on the crossing when it lands), or a refusal under the agreement.
 */
public record AgencyCheck(String agency, String query, Status status, String detail) {
    /** The answer's standing when the decision was taken. */
    public enum Status { HIT, NO_HIT, PENDING, REFUSED }
}
