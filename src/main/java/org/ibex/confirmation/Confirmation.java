package org.ibex.confirmation;

import org.ibex.agreement.AgreementGate;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.biometrics.BiometricService;
import org.ibex.delivery.ExchangeNode;
import org.ibex.inquiry.Inquiry;
import org.ibex.store.Database;
import org.ibex.watchlist.ScreeningIndex;

import java.time.Clock;

/**
 * The third pillar on the exchange: international identity confirmation. Step one, an anonymous probe answered hit
 * or no hit with a signed deletion receipt; step two, the release by a hit's reference of what the agreement allows.
 * It registers its message types with the one exchange and uses the agreements and the disclosure ledger of the
 * inquiry pillar; it opens no connection of its own.
 */
public final class Confirmation {
    /** How often released data past its retention is looked for. */
    public static final java.time.Duration SWEEP_PERIOD = java.time.Duration.ofMinutes(1);
    private final Probes probes;
    private final SearchLog searches;
    private final Releases releases;
    private final ReleaseDesk desk;
    private final ReleaseRetention retention;
    private final Protections protections;

    private Confirmation(Probes probes, SearchLog searches, Releases releases, ReleaseDesk desk,
                         ReleaseRetention retention, Protections protections) {
        this.probes = probes;
        this.searches = searches;
        this.releases = releases;
        this.desk = desk;
        this.retention = retention;
        this.protections = protections;
    }

    /** Registers the pillar with {@code exchange} before it starts. */
    public static Confirmation attach(ExchangeNode exchange, Database database, Inquiry inquiry,
                                      BiometricService biometrics, ScreeningIndex screening, AccessLog accessLog,
                                      AuditLog audit, Clock clock) {
        AgreementGate gate = new AgreementGate(inquiry.agreements());
        Probes probes = new Probes(database, exchange, gate, biometrics, inquiry.ledger(), accessLog, clock);
        exchange.registerSealed(ProbeMessage.TYPE, new Searches(exchange, gate, biometrics, screening, inquiry.ledger(),
                audit, clock));
        exchange.register(ResultMessage.TYPE, new ResultIntake(() -> exchange.membership().federation(), audit,
                clock));
        ReleaseDesk desk = new ReleaseDesk(database, inquiry.agreements(), exchange, new Releasing(exchange,
                inquiry.ledger(), audit), audit, accessLog, clock);
        exchange.register(ReleaseAskMessage.TYPE, desk);
        exchange.register(ReleaseMessage.TYPE, new ReleaseIntake(inquiry.ledger(), audit, clock));
        ReleaseRetention retention = new ReleaseRetention(database, audit, clock);
        exchange.registerLoop("release-retention", SWEEP_PERIOD, retention::sweep);
        return new Confirmation(probes, new SearchLog(database, accessLog),
                new Releases(database, exchange, gate, accessLog, clock), desk, retention,
                new Protections(database, biometrics, accessLog, clock));
    }

    /** The releases this node asks partners for. */
    public Releases releases() {
        return releases;
    }

    /** The releases partners ask of this node, and their approval. */
    public ReleaseDesk desk() {
        return desk;
    }

    public ReleaseRetention retention() {
        return retention;
    }

    /** The persons this node never confirms to a partner. */
    public Protections protections() {
        return protections;
    }

    /** The probes this node sends to partners. */
    public Probes probes() {
        return probes;
    }

    /** The probes partners sent this node, with their receipts: the oversight view. */
    public SearchLog searches() {
        return searches;
    }
}
