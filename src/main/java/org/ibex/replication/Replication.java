package org.ibex.replication;

import org.ibex.delivery.ExchangeNode;
import org.ibex.journal.RecordApplier;
import org.ibex.journal.RecordJournal;
import org.ibex.store.Database;
import org.ibex.trust.NodeIdentity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The first pillar on the exchange: a post ships its journal to its headquarters, a headquarters keeps every post's
 * records in its national store. Both register with the one exchange; neither opens a connection of its own.
 */
public final class Replication {
    /** How often a post looks for records to ship; records also leave at once when the sender is nudged. */
    public static final Duration SHIP_PERIOD = Duration.ofMillis(250);
    private final FederationRoles roles;
    private final Optional<RecordShipper> shipper;

    private Replication(FederationRoles roles, Optional<RecordShipper> shipper) {
        this.roles = roles;
        this.shipper = shipper;
    }

    /**
     * Registers replication with {@code exchange} before it starts: the national store's handler on a headquarters,
     * the shipping loop on a post whose headquarters is in the directory.
     */
    public static Replication attach(ExchangeNode exchange, Database database, Map<String, RecordApplier> appliers,
                                     NationalStore.StayReview stays, NodeIdentity headquartersOverride, Clock clock) {
        FederationRoles roles = new FederationRoles(exchange.node(),
                () -> exchange.membership().federation().directory().nodes(), headquartersOverride);
        if (roles.isHeadquarters()) {
            exchange.register(RecordBatch.TYPE, new NationalStore(roles, appliers, stays, clock));
        }
        Optional<RecordShipper> shipper = roles.headquarters().map(hq -> new RecordShipper(database, exchange, hq,
                new RecordJournal(), clock));
        shipper.ifPresent(s -> exchange.registerLoop("record-shipper", SHIP_PERIOD, s::shipAvailable));
        return new Replication(roles, shipper);
    }

    public FederationRoles roles() {
        return roles;
    }

    /** The shipper, on a post. */
    public Optional<RecordShipper> shipper() {
        return shipper;
    }
}
