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
    /** The wake-up runs once, at start; the period only spaces the loop's idle passes after it. */
    static final Duration WAKE_UP_PERIOD = Duration.ofMinutes(1);
    private final FederationRoles roles;
    private final Optional<RecordShipper> shipper;
    private final Optional<PostsWakeUp> wakeUp;

    private Replication(FederationRoles roles, Optional<RecordShipper> shipper, Optional<PostsWakeUp> wakeUp) {
        this.wakeUp = wakeUp;
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
        Optional<PostsWakeUp> wakeUp = Optional.empty();
        if (roles.isHeadquarters()) {
            exchange.register(RecordBatch.TYPE, new NationalStore(roles, appliers, stays, clock));
            wakeUp = Optional.of(new PostsWakeUp(roles, exchange));
            exchange.registerLoop("posts-wake-up", WAKE_UP_PERIOD, wakeUp.get()::run);
        }
        Optional<RecordShipper> shipper = roles.headquarters().map(hq -> new RecordShipper(database, exchange, hq,
                new RecordJournal(), clock));
        shipper.ifPresent(s -> exchange.registerLoop("record-shipper", SHIP_PERIOD, s::shipAvailable));
        return new Replication(roles, shipper, wakeUp);
    }

    public FederationRoles roles() {
        return roles;
    }

    /** What headquarters' start-up contact with its posts found, on a headquarters. */
    public Optional<PostsWakeUp> wakeUp() {
        return wakeUp;
    }

    /** The shipper, on a post. */
    public Optional<RecordShipper> shipper() {
        return shipper;
    }
}
