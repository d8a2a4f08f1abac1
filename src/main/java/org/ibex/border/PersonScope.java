package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.biometrics.PersonVisibility;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one rule of which persons an actor may see: officers and supervisors the travellers who crossed at
 * their post, analysts and admins everyone. Stay status and biometrics both ask it, so they cannot drift apart.
 */
public final class PersonScope implements PersonVisibility {
    private final CrossingRepository crossings = new CrossingRepository();

    @Override
    public boolean visible(Connection connection, long personId, Actor actor) throws SQLException {
        String post = boundPost(actor);
        return post == null || crossings.personCrossedAt(connection, personId, post);
    }

    /** The post whose travellers alone the actor sees; null when they see everyone. */
    public String boundPost(Actor actor) {
        return actor.user().role().boundToPost() ? actor.user().postId() : null;
    }
}
