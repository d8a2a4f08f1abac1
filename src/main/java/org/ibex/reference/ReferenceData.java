package org.ibex.reference;

import org.ibex.audit.AccessLog;
import org.ibex.biometrics.WantedPrints;
import org.ibex.border.ReferenceFreshness;
import org.ibex.delivery.ExchangeNode;
import org.ibex.replication.FederationRoles;
import org.ibex.store.Database;
import org.ibex.trust.NodeIdentity;
import org.ibex.watchlist.ListReplicas;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The pillar that carries reference data from headquarters to its posts over the one exchange: on headquarters the
 * publishing loop and the resync handler, on a post the handler of snapshots and deltas, and the freshness that
 * inspections consult. Registers before the exchange starts; opens no connection of its own.
 */
public final class ReferenceData {
    private final Database database;
    private final ReferenceFreshness freshness;
    private final Optional<ReferencePublisher> publisher;

    private ReferenceData(Database database, ReferenceFreshness freshness, Optional<ReferencePublisher> publisher) {
        this.database = database;
        this.freshness = freshness;
        this.publisher = publisher;
    }

    /** Registers the pillar with {@code exchange}, before it starts; {@code headquartersOverride} may be null. */
    public static ReferenceData attach(ExchangeNode exchange, Database database, ListReplicas lists,
                                       WantedPrints wanted, AccessLog accessLog, ReferenceSettings settings,
                                       NodeIdentity headquartersOverride, Clock clock) {
        FederationRoles roles = new FederationRoles(exchange.node(),
                () -> exchange.membership().federation().directory().nodes(), headquartersOverride);
        if (roles.isHeadquarters()) {
            ReferencePublisher publisher = new ReferencePublisher(database, exchange, roles, new Datasets(lists, settings.wantedPrints() ? Optional.of(wanted) : Optional.empty()),
                    accessLog, settings, clock);
            exchange.register(ResyncRequests.TYPE, new ResyncRequests(roles, accessLog));
            exchange.registerLoop("reference-publisher", settings.publishPeriod(), publisher::publishDue);
            return new ReferenceData(database, ReferenceFreshness.NONE, Optional.of(publisher));
        }
        ReferenceReceiver receiver = new ReferenceReceiver(roles, lists, wanted, exchange, accessLog, clock);
        exchange.register(ReferencePayload.SNAPSHOT, receiver);
        exchange.register(ReferencePayload.DELTA, receiver);
        return new ReferenceData(database, new CopyFreshness(database, roles, settings.maxAge()), Optional.empty());
    }

    /** What inspections at this node ask before each decision. */
    public ReferenceFreshness freshness() {
        return freshness;
    }

    /** The copies this node holds from its headquarters, by dataset (none on headquarters): for sync state views. */
    public List<ReferenceCopy> copies() {
        return database.read(new ReferenceCopies()::all);
    }

    /** Publishes what is due now, on headquarters (the loop does it every period); how many envelopes it queued. */
    public int publishNow() {
        return publisher.map(ReferencePublisher::publishDue).orElse(0);
    }
}
