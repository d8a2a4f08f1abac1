package org.ibex.biometrics;

import org.ibex.access.Actor;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether an actor's post has dealt with a person. The rule belongs to crossings (a post sees the travellers who
 * crossed there), so the composition root hands it in; biometrics only asks, and adds its own cases on top.
 */
@FunctionalInterface
public interface PersonVisibility {
    boolean visible(Connection connection, long personId, Actor actor) throws SQLException;
}
