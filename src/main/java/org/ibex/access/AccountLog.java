package org.ibex.access;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where account changes are written down, inside the change's transaction. The composition root points it at
 * the access log; an interface here because the audit package already depends on this one.
 */
@FunctionalInterface
public interface AccountLog {
    void record(Connection connection, Actor actor, String action, String subject) throws SQLException;
}
