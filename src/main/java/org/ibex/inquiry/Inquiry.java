package org.ibex.inquiry;

import org.ibex.agreement.AgreementBook;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.biometrics.BiometricService;
import org.ibex.delivery.ExchangeNode;
import org.ibex.store.Database;
import org.ibex.watchlist.ScreeningIndex;

import java.time.Clock;
import java.time.Duration;

/**
 * The second pillar on the exchange: agencies and states ask each other questions under agreements, and every
 * disclosure is written in the person's ledger at both ends. It registers its two message types and its retention
 * sweep with the one exchange; it opens no connection of its own.
 */
public final class Inquiry {
    /** How often data past its retention is looked for. */
    public static final Duration SWEEP_PERIOD = Duration.ofMinutes(1);
    /** After this long without an answer a question is shown as overdue (still pending, never lost). */
    public static final Duration OVERDUE_AFTER = Duration.ofMinutes(15);
    private final AgreementBook book;
    private final Questions questions;
    private final Requests requests;
    private final Disclosures ledger;
    private final RetentionSweep retention;
    private final Counterparts counterparts;

    private Inquiry(AgreementBook book, Questions questions, Requests requests, Disclosures ledger,
                    RetentionSweep retention, Counterparts counterparts) {
        this.counterparts = counterparts;
        this.book = book;
        this.questions = questions;
        this.requests = requests;
        this.ledger = ledger;
        this.retention = retention;
    }

    /** Registers the pillar with {@code exchange} before it starts. */
    public static Inquiry attach(ExchangeNode exchange, Database database, AgreementBook book,
                                 ScreeningIndex screening, BiometricService biometrics, AccessLog accessLog,
                                 AuditLog audit, Clock clock) {
        Disclosures ledger = new Disclosures(database);
        Counterparts counterparts = new Counterparts(() -> exchange.membership().federation().directory().nodes());
        Questions questions = new Questions(database, book, exchange, counterparts, ledger, accessLog, clock);
        Requests requests = new Requests(database, book, exchange, new Answers(screening, biometrics), ledger, audit, accessLog,
                clock);
        RetentionSweep retention = new RetentionSweep(database, audit, clock);
        exchange.register(QuestionMessage.TYPE, requests);
        exchange.register(AnswerMessage.TYPE, new AnswerIntake(book, ledger, audit, clock));
        exchange.registerLoop("retention-sweep", SWEEP_PERIOD, retention::sweep);
        return new Inquiry(book, questions, requests, ledger, retention, counterparts);
    }

    /**
     * What inspections ask other agencies (a {@code wanted} question for {@code border-check} wherever an agreement
     * allows one), waiting at most {@code wait} for the answers to join the decision.
     */
    public org.ibex.border.AgencyChecks inspections(Duration wait) {
        return new InspectionQuestions(questions, book, counterparts, wait);
    }

    public AgreementBook agreements() {
        return book;
    }

    /** The questions this node asks. */
    public Questions questions() {
        return questions;
    }

    /** The questions this node is asked, and the approval queue. */
    public Requests requests() {
        return requests;
    }

    /** The disclosure ledger. */
    public Disclosures ledger() {
        return ledger;
    }

    public RetentionSweep retention() {
        return retention;
    }
}
