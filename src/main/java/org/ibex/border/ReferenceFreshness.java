package org.ibex.border;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How fresh the reference data an inspection depends on is (watchlists, lost and stolen document lists, stay rules),
 * as copied from headquarters: each copy older than the allowed age, past its expiry, or never received. The
 * inspection says so in its reasons rather than pretend its lists are current.
 */
@FunctionalInterface
public interface ReferenceFreshness {
    /** A node that takes no reference data from a headquarters: nothing is ever stale. */
    ReferenceFreshness NONE = now -> List.of();

    /** The copies that are not fresh at {@code now}; empty when all are. */
    List<StaleCopy> staleAt(Instant now);

    /**
     * One copy that is not fresh: its dataset, its age by the time headquarters issued it (null: never received),
     * the age allowed, and when it expired (null: not expired).
     */
    record StaleCopy(String dataset, Duration age, Duration limit, Instant expiredAt) {
        /** The sentence the officer reads. */
        public String message() {
            if (age == null) {
                return "no copy of " + dataset + " has come from headquarters yet; decisions rest on local data only";
            }
            String aged = "copy of " + dataset + " issued " + hours(age) + " ago (limit " + hours(limit) + ")";
            return expiredAt != null ? aged + ", expired at " + expiredAt + ": it may miss changes made since"
                    : aged + ": it may miss changes made since";
        }

        private static String hours(Duration duration) {
            return duration.toHours() + " h";
        }
    }
}
