package org.ibex.delivery;

/** Message counts of one node: what it received and processed, and what it queued and got receipts for. */
public record ExchangeTotals(long received, long processed, long queued, long delivered, long rejected) {
}
