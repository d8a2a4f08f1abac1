package org.ibex.border;

import org.ibex.identity.Person;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An overstay alert as the API shows it: who, by how many days on the day it was raised, under which rule, from which
 * entry; and once withdrawn, when, why in words, and the record that ended the stay.
 */
public record OverstayAlert(long id, Person person, State state, Instant raisedAt, LocalDate raisedAsOf,
                            String raisedBy, int overstayDays, LocalDate stayEndsOn, String rule, String entryPost,
                            Long entryCrossing, LocalDate entryDate, Instant withdrawnAt, String withdrawnReason,
                            WithdrawnBy withdrawnBy) {

    /** Whether the alert still stands. */
    public enum State {
        OPEN, WITHDRAWN;

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The record that ended the stay: the crossing, and where it was replicated from (null when recorded here). */
    public record WithdrawnBy(String originNode, Long originSeq, Long crossing) {
    }
}
