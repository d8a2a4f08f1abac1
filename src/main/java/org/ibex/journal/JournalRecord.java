package org.ibex.journal;

import java.time.Instant;

/**
 * One record of a post's journal: what kind it is, the border post it belongs to, when the post captured it, and
 * its content as JSON. {@code seq} orders a node's records without gaps.
 */
public record JournalRecord(long seq, String kind, String postId, Instant capturedAt, String payload) {
    /** Payloads carry personal data: only their size is printed. */
    @Override
    public String toString() {
        return "JournalRecord[seq=" + seq + ", kind=" + kind + ", post=" + postId + ", capturedAt=" + capturedAt
                + ", payload=" + payload.length() + " chars]";
    }
}
