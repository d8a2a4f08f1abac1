package org.ibex.audit;

import java.time.Instant;
import java.util.Objects;

/** One link of the audit chain: what happened, and the hashes that tie it to the entry before. */
public record AuditEntry(long seq, Instant at, String kind, String actor, String subject, String detail,
                         String prevHash, String hash) {

    /** What a caller wants logged; the log assigns seq, time and hashes when it appends. */
    public record Draft(String kind, String actor, String subject, String detail) {
        /** Column widths; longer values are cut here, before hashing, so the hash covers what is stored. */
        static final int KIND = 40;
        static final int NAME = 200;
        static final int DETAIL = 4000;

        public Draft {
            Objects.requireNonNull(kind, "kind");
            if (kind.isBlank() || kind.length() > KIND) {
                throw new IllegalArgumentException("kind must be 1 to " + KIND + " characters (got '" + kind + "')");
            }
            actor = cut(actor, NAME);
            subject = cut(subject, NAME);
            detail = cut(detail, DETAIL);
        }

        private static String cut(String value, int max) {
            if (value == null || value.length() <= max) {
                return value;
            }
            // Never split a surrogate pair: half a character would not survive the round trip through UTF-8.
            int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
            return value.substring(0, end);
        }
    }
}
