package org.ibex.access;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * An account as headquarters manages it for a post: who, in which role at which post, the stored password hash
 * (never a password) with the time it was set, and whether it is disabled. Only roles bound to a post travel.
 */
public record ManagedAccount(String username, Role role, String postId, String passwordHash, Instant passwordSetAt,
                             boolean passwordChangeRequired, boolean disabled, Instant createdAt) {
    /** The longest post id the post table holds. */
    public static final int MAX_POST_ID = 40;
    /**
     * An Argon2id hash in the PHC form this node writes, with a cost a login can afford: a hash naming gigabytes of
     * memory would turn every login at the post into a denial of service.
     */
    private static final Pattern HASH = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([0-9]{1,7}),t=([0-9]{1,2}),p=1\\$[A-Za-z0-9+/]{16,64}\\$[A-Za-z0-9+/]{16,128}");
    private static final int MAX_MEMORY_KIB = 256 * 1024;

    /**
     * Checks what came from headquarters, throwing an IllegalArgumentException that names the field and its rule;
     * returns this account.
     */
    public ManagedAccount checked() {
        require(username != null && username.matches("[A-Za-z0-9._-]{2," + Usernames.MAX + "}"), "username",
                "must be 2 to " + Usernames.MAX + " characters of A-Z a-z 0-9 . _ -");
        require(role != null, "role", "is required");
        require(role.boundToPost(), "role", "must be officer or supervisor: national roles stay at headquarters"
                + " (got " + role.label() + ")");
        require(postId != null && !postId.isBlank() && postId.length() <= MAX_POST_ID, "postId",
                "is required, at most " + MAX_POST_ID + " characters");
        require(passwordHash != null && !passwordHash.isBlank(), "passwordHash", "is required");
        var cost = HASH.matcher(passwordHash);
        require(cost.matches() && Integer.parseInt(cost.group(1)) <= MAX_MEMORY_KIB
                && Integer.parseInt(cost.group(2)) >= 1, "passwordHash",
                "must be an argon2id hash of at most " + MAX_MEMORY_KIB + " KiB and 99 passes");
        require(passwordSetAt != null, "passwordSetAt", "is required");
        require(createdAt != null, "createdAt", "is required");
        return this;
    }

    /** The account as this node's users know it. */
    public User user() {
        return new User(username, role, postId);
    }

    @Override
    public String toString() {
        return "ManagedAccount[" + username + " role=" + role.label() + " post=" + postId + " disabled=" + disabled
                + ", passwordHash=***]";
    }

    private static void require(boolean holds, String field, String rule) {
        if (!holds) {
            throw new IllegalArgumentException(field + " " + rule);
        }
    }
}
