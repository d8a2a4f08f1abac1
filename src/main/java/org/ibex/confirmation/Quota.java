package org.ibex.confirmation;

import org.ibex.agreement.AgreementGate;
import org.ibex.agreement.RuleRows;
import org.ibex.store.Sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * How many of a rule's probes or releases a table holds in a period, for the agreement gate: one of the four tables
 * of this pillar, each with {@code agreement} (ID@vN), {@code query_type}, {@code purpose} and a state column.
 */
final class Quota {
    private Quota() {
    }

    /** Counts rows of {@code table} at {@code time} in the period, except those whose {@code state} is refused. */
    static AgreementGate.Usage of(String table, String time, String refusedState) {
        return (connection, agreementId, rule, from, to) -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table
                    + " WHERE agreement LIKE ? " + Sql.LIKE_ESCAPE + " AND " + time + " >= ? AND " + time + " < ?"
                    + " AND " + (table.equals("partner_search") ? "outcome IS NOT NULL" : "state <> ?") + " AND "
                    + RuleRows.where(rule))) {
                List<Object> values = new ArrayList<>(List.of(Sql.startingWith(agreementId + "@v"), from, to));
                if (!table.equals("partner_search")) {
                    values.add(refusedState);
                }
                values.addAll(RuleRows.values(rule));
                Sql.bindAll(count, values.toArray());
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        };
    }
}
