package org.ibex.screens;

import org.ibex.delivery.DirectoryPull;
import org.ibex.delivery.ExchangeNode;
import org.ibex.delivery.ExchangeTotals;
import org.ibex.delivery.PeerStatus;
import org.ibex.trust.FederationDirectory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/** What the exchange page shows of a joined node, read once per request. */
public record ExchangeView(String node, long directorySequence, Instant directoryIssuedAt, Instant directoryNextUpdate,
                           boolean directoryStale, DirectoryPull.Pulled lastPull, String senderHolder,
                           boolean senderHeld, ExchangeTotals totals, List<PeerStatus> peers) {
    /** A moment as the page shows it: in UTC, which the page says, since peers and the node may be zones apart. */
    public static ZonedDateTime utc(Instant moment) {
        return moment == null ? null : moment.atZone(ZoneOffset.UTC);
    }

    public static ExchangeView of(ExchangeNode exchange) {
        FederationDirectory directory = exchange.membership().federation().directory();
        var lease = exchange.senderLease();
        return new ExchangeView(exchange.node().toString(), directory.sequence(), directory.issuedAt(),
                directory.nextUpdate(), exchange.membership().federation().stale(),
                exchange.directory().last().orElse(null), lease.holder(), lease.held(), exchange.totals(),
                exchange.peers());
    }
}
