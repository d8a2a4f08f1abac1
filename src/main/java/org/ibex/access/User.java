package org.ibex.access;

/** An authenticated user: name, role and, for officers and supervisors, their post. */
public record User(String username, Role role, String postId) {
    public User {
        if (role.boundToPost() && (postId == null || postId.isBlank())) {
            throw new IllegalArgumentException("post is required for role " + role.label());
        }
    }

    public boolean mayActAtPost(String post) {
        return !role.boundToPost() || postId.equals(post);
    }
}
