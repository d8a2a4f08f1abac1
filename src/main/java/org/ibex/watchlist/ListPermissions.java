package org.ibex.watchlist;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.access.Role;

/**
 * Who may change which list: a post's list only its own supervisors, a national list only list managers (and
 * the node's operator, who acts as one from the CLI). Everyone else is refused, whatever the endpoint allows.
 */
final class ListPermissions {
    private ListPermissions() {
    }

    static void requireMayChange(Actor actor, ListRecord list) {
        Role role = actor.user().role();
        boolean allowed = list.national() ? role == Role.LIST_MANAGER
                : role == Role.SUPERVISOR && list.postId().equals(actor.user().postId());
        if (!allowed) {
            throw new AccessDeniedException(role.label() + " " + actor.username() + " may not change watchlist '"
                    + list.info().id() + "': it is " + list.keeper());
        }
    }

    /** The post a new list belongs to: the supervisor's own; null (national) for a list manager. */
    static String postOfNewList(Actor actor, String listId) {
        return switch (actor.user().role()) {
            case SUPERVISOR -> actor.user().postId();
            case LIST_MANAGER -> null;
            default -> throw new AccessDeniedException(actor.user().role().label() + " " + actor.username()
                    + " may not create watchlist '" + listId + "': supervisors create their post's lists,"
                    + " list managers the national ones");
        };
    }
}
