package org.ibex.confirmation;

import org.ibex.access.Actor;
import org.ibex.agreement.Verdict;
import org.ibex.audit.AccessLog;
import org.ibex.delivery.ExchangeNode;
import org.ibex.inquiry.QuestionRefusedException;
import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The requester's side of both steps, in one transaction: a retry under the same uid answers with the first; the
 * agreements' verdict comes before anything is queued; a refusal is in the access log before it is thrown.
 */
final class Asking {
    private final Database database;
    private final ExchangeNode exchange;
    private final AccessLog accessLog;

    Asking(Database database, ExchangeNode exchange, AccessLog accessLog) {
        this.database = database;
        this.exchange = exchange;
        this.accessLog = accessLog;
    }

    /** Reads what a uid already sent; empty when it sent nothing yet. */
    interface Retry<T> {
        Optional<T> first(Connection connection) throws SQLException;
    }

    /** The agreements' verdict on what is about to be sent. */
    interface Check {
        Verdict verdict(Connection connection) throws SQLException;
    }

    /** Records and queues what the agreements allowed. */
    interface Send<T> {
        T send(Connection connection, Verdict.Allowed allowed) throws SQLException;
    }

    /**
     * Sends, or throws {@link QuestionRefusedException}; a refusal is logged as {@code refusedAction} on
     * {@code subject} with the refusal's code.
     */
    <T> T ask(Actor actor, String purpose, String refusedAction, String subject, Retry<T> retry, Check check,
              Send<T> send) {
        Object result = database.inTransaction(connection -> {
            Optional<T> first = retry.first(connection);
            if (first.isPresent()) {
                return first.get();
            }
            Verdict verdict = check.verdict(connection);
            if (verdict instanceof Verdict.Refused refused) {
                accessLog.record(connection, new AccessLog.Access(actor.username(), actor.user().role().label(),
                        refusedAction, subject + " " + refused.reason().code(), purpose, actor.remote()));
                return refused;
            }
            return send.send(connection, (Verdict.Allowed) verdict);
        });
        if (result instanceof Verdict.Refused refused) {
            throw new QuestionRefusedException(refused.reason(), refused.message());
        }
        exchange.nudge();
        @SuppressWarnings("unchecked")
        T sent = (T) result;
        return sent;
    }
}
