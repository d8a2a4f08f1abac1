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
    private final Probes probes;
    private final SearchLog searches;

    private Confirmation(Probes probes, SearchLog searches) {
        this.probes = probes;
        this.searches = searches;
    }

    /** Registers the pillar with {@code exchange} before it starts. */
    public static Confirmation attach(ExchangeNode exchange, Database database, Inquiry inquiry,
                                      BiometricService biometrics, ScreeningIndex screening, AccessLog accessLog,
                                      AuditLog audit, Clock clock) {
        AgreementGate gate = new AgreementGate(inquiry.agreements());
        Probes probes = new Probes(database, exchange, gate, biometrics, inquiry.ledger(), accessLog, clock);
        exchange.register(ProbeMessage.TYPE, new Searches(exchange, gate, biometrics, screening, inquiry.ledger(),
                audit, clock));
        exchange.register(ResultMessage.TYPE, new ResultIntake(() -> exchange.membership().federation(), audit,
                clock));
        return new Confirmation(probes, new SearchLog(database, accessLog));
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
