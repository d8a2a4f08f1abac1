package org.ibex.agreement;

import org.ibex.store.Sql;
import org.ibex.trust.NodeIdentity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of each rule's quota this node has used today and this year (UTC): the questions it asked under the
 * agreement that were not refused, or the questions it answered. A rule this node is neither side of counts nothing.
 */
public final class AgreementUsage {
    private final NodeIdentity self;

    public AgreementUsage(NodeIdentity self) {
        this.self = self;
    }

    /** Which side of a rule this node is on. */
    public enum Side { ASKER, ANSWERER, NEITHER }

    /** One rule's use: the side this node is on and the questions counted against its quota. */
    public record RuleUsage(AgreementRule rule, Side side, long today, long thisYear) {
    }

    /** Every rule of {@code agreement}, in order, with its use up to {@code at}. */
    public List<RuleUsage> of(Connection connection, Agreement agreement, Instant at) throws SQLException {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant yearStart = day.withDayOfYear(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = dayStart.plusSeconds(86_400);
        List<RuleUsage> uses = new ArrayList<>();
        for (AgreementRule rule : agreement.rules()) {
            Side side = rule.asker().covers(self) ? Side.ASKER : rule.answerer().covers(self) ? Side.ANSWERER
                    : Side.NEITHER;
            uses.add(new RuleUsage(rule, side, count(connection, agreement.id(), rule, side, dayStart, end),
                    count(connection, agreement.id(), rule, side, yearStart, end)));
        }
        return uses;
    }

    private static long count(Connection connection, String agreementId, AgreementRule rule, Side side, Instant from,
                              Instant to) throws SQLException {
        String sql = switch (side) {
            case ASKER -> "SELECT COUNT(*) FROM agency_question WHERE agreement_id = ? AND answerer LIKE ? "
                    + Sql.LIKE_ESCAPE + " AND asked_at >= ? AND asked_at < ? AND state <> 'REFUSED'";
            case ANSWERER -> "SELECT COUNT(*) FROM agency_request WHERE agreement_id = ? AND asker LIKE ? "
                    + Sql.LIKE_ESCAPE + " AND received_at >= ? AND received_at < ? AND state = 'ANSWERED'";
            case NEITHER -> null;
        };
        if (sql == null) {
            return 0;
        }
        Party other = side == Side.ASKER ? rule.answerer() : rule.asker();
        try (PreparedStatement select = connection.prepareStatement(sql + " AND " + RuleRows.where(rule))) {
            List<Object> values = new ArrayList<>(List.of(agreementId, Sql.startingWith(other + "/"), from, to));
            values.addAll(RuleRows.values(rule));
            Sql.bindAll(select, values.toArray());
            return Sql.list(select, row -> row.getLong(1)).get(0);
        }
    }
}
