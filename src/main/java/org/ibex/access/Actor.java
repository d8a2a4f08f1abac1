package org.ibex.access;

/** Who is acting and why: the user, the declared purpose and where the request came from. */
public record Actor(User user, String purpose, String remote) {
    public String username() {
        return user.username();
    }

    public void requirePost(String postId) {
        if (!user.mayActAtPost(postId)) {
            throw new AccessDeniedException(user.role().label() + " " + user.username() + " belongs to post "
                    + user.postId() + " and cannot act at post " + postId);
        }
    }
}
