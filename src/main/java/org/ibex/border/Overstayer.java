package org.ibex.border;

import org.ibex.identity.Person;

import java.time.LocalDate;

/**
 * A person present beyond their authorised stay, with what a supervisor needs to act: the document they last
 * crossed on and the post of the entry that began the stay. The crossing record holds no contact details, so
 * none are shown.
 */
public record Overstayer(Person person, String rule, StayStatus status, LastDocument document, String entryPost) {

    /** The travel document of the person's last standing crossing. */
    public record LastDocument(String documentCode, String number, String issuingState, LocalDate dateOfExpiry) {
        static LastDocument of(TravelDocument d) {
            return new LastDocument(d.documentCode(), d.documentNumber(), d.issuingState(), d.dateOfExpiry());
        }
    }
}
