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
        return !actor.user().role().boundToPost()
                || crossings.personCrossedAt(connection, personId, actor.user().postId());
    }
}
