package org.ibex.delivery;

import java.sql.Connection;
import java.sql.SQLException;

/** Business work for received messages, done on the connection whose transaction also marks them processed. */
@FunctionalInterface
public interface InboxHandler {
    /** Handles one message; returns a short outcome to store, such as "recorded". Throw to retry it later. */
    String handle(Connection connection, ReceivedMessage message) throws SQLException;
}
