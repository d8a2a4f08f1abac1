package org.ibex.delivery;

import java.time.Instant;

/** A received message as operators see it: who sent what and what became of it, never the payload. */
public record InboxEntry(String id, String sender, String type, String stream, long sequence, Instant receivedAt,
                         Instant processedAt, String outcome) {
}
