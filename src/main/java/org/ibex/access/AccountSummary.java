package org.ibex.access;

import java.time.Instant;

/** An account as administrators see it: who, and whether it is disabled, awaiting a password or delayed. */
public record AccountSummary(String username, Role role, String postId, Instant createdAt, boolean disabled,
                             boolean passwordChangeRequired, int failedLogins, long loginDelaySeconds) {
}
