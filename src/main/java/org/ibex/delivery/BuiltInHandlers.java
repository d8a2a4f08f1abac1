package org.ibex.delivery;

import org.ibex.trust.Envelope;
import org.ibex.trust.NodeIdentity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The message types every node understands: notes between operators, ping and pong (a request answered through
 * the same store-and-forward path, so a round trip proves both directions). Audit witnessing is a pillar of its own
 * ({@link CheckpointWitness}).
 */
final class BuiltInHandlers {
    static final String NOTE = "exchange.note";
    static final String PING = "exchange.ping";
    static final String PONG = "exchange.pong";
    static final Duration REPLY_LIFETIME = Duration.ofDays(30);

    private final NodeIdentity local;
    private final Outbox outbox;
    private final Clock clock;

    BuiltInHandlers(NodeIdentity local, Outbox outbox, Clock clock) {
        this.local = local;
        this.outbox = outbox;
        this.clock = clock;
    }

    Map<String, InboxHandler> byType() {
        Map<String, InboxHandler> handlers = new HashMap<>();
        handlers.put(NOTE, (connection, message) -> "noted (" + message.payload().length + " bytes)");
        handlers.put(PING, this::pong);
        handlers.put(PONG, (connection, message) -> "pong from " + message.sender());
        return handlers;
    }

    /** Answers in the transaction that marks the ping processed, so each ping gets exactly one pong. */
    private String pong(Connection connection, ReceivedMessage ping) throws SQLException {
        Envelope pong = Envelope.create(local, ping.sender(), PONG, "reply to ping", "application/octet-stream",
                ping.payload(), clock.instant(), REPLY_LIFETIME).withCorrelation(ping.id());
        outbox.enqueue(connection, pong);
        return "answered with " + pong.id();
    }
}
