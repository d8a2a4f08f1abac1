package org.ibex.border;

import org.ibex.audit.AccessLog;
import org.ibex.biometrics.BiometricRepository;
import org.ibex.identity.Person;
import org.ibex.watchlist.StoredHit;

import java.util.List;

/**
 * Everything the node holds about one person that an officer may open: identity, documents, crossings, stay,
 * screening hits, the fingerprint enrolment in force (null when none; no templates) and who looked at this person
 * and why.
 */
public record PersonFile(Person person, List<Document> documents, List<Crossing> crossings, PersonStay stay,
                         List<StoredHit> hits, BiometricRepository.EnrolmentInForce fingerprints,
                         List<AccessLog.Entry> accesses) {
    /** A travel document linked to the person. */
    public record Document(String issuingState, String documentNumber) {
    }

    public PersonFile {
        documents = List.copyOf(documents);
        crossings = List.copyOf(crossings);
        hits = List.copyOf(hits);
        accesses = List.copyOf(accesses);
    }
}
