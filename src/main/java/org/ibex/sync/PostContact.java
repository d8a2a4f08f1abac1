package org.ibex.sync;

import java.time.Instant;

/**
 * One post as its headquarters sees it. {@code lastContact} is the later of the last batch processed here and the
 * exchange's last contact with the post (a post with nothing to send still answers); {@code backlogRecords} and
 * {@code oldestWaitingAt} are what the post said with its last batch (null before its first), so they are as old as
 * that batch. {@code staleReason} is {@code never-heard} or {@code quiet} (no contact for longer than the quiet time).
 */
public record PostContact(String node, Instant lastBatchAt, Instant lastContact, Long secondsSinceContact,
                          Long backlogRecords, Instant oldestWaitingAt, long recordsHeld, long lastSeq, boolean stale,
                          String staleReason) {
    public static final String NEVER_HEARD = "never-heard";
    public static final String QUIET = "quiet";
}
