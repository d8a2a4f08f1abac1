package org.ibex.inquiry;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A question this node asked, as the asker follows it: {@code PENDING} until an answer lands, {@code WAITING} while
 * the answerer's agreement wants a person to approve the release, then {@code ANSWERED} or {@code REFUSED}, and
 * {@code DELETED} once the agreement's retention ran out (subject and answer gone, the row kept for quotas).
 */
public record Question(String id, String answerer, String agreement, String query, String purpose,
                       List<String> categories, String subjectLabel, Long personId, String crossingUid,
                       String postId, String askedBy, Instant askedAt, State state, String outcome,
                       JsonNode answer, String refusal, Instant answeredAt, Instant retainUntil, Instant deletedAt) {
    public Question {
        categories = List.copyOf(categories);
    }

    /** Where a question stands at the asker. */
    public enum State { PENDING, WAITING, ANSWERED, REFUSED, DELETED }

    /** Whether the answer is still due after {@code overdueAfter}: shown as pending, never as lost. */
    public boolean overdue(Instant now, java.time.Duration overdueAfter) {
        return (state == State.PENDING || state == State.WAITING) && askedAt.plus(overdueAfter).isBefore(now);
    }
}
