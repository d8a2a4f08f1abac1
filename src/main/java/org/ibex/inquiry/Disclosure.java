package org.ibex.inquiry;

import java.time.Instant;
import java.util.List;

/**
 * One line of a person's disclosure ledger: their data left this node for another agency or state ({@code SENT}) or
 * arrived from one ({@code RECEIVED}), as a question about them or as an answer, under which agreement and purpose,
 * and which categories. {@code personId} is this node's person when it has one.
 */
public record Disclosure(long id, Long personId, String subjectLabel, Direction direction, String counterpart,
                         String agreement, String purpose, List<String> categories, String questionId, Kind kind,
                         Instant disclosedAt) {
    public Disclosure {
        categories = List.copyOf(categories);
    }

    /** Which way the data went, seen from this node. */
    public enum Direction { SENT, RECEIVED }

    /** Whether the data travelled in a question (who was asked about) or in an answer (what was released). */
    public enum Kind { QUESTION, ANSWER }
}
