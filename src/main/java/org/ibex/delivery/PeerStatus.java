package org.ibex.delivery;

import java.time.Instant;

/**
 * How sending to one peer goes: messages waiting, messages refused, when it last answered, and the last failure.
 * {@code lastContact} and {@code lastError} are null until there is one.
 */
public record PeerStatus(String peer, long backlog, long rejected, Instant lastContact, String lastError,
                         Instant lastErrorAt) {
}
