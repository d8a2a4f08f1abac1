package org.ibex.border;

import org.ibex.identity.Person;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for overstay alerts: raised once per stay, withdrawn in place, never deleted. */
final class OverstayAlertRows {
    private static final String COLUMNS = "a.id, a.person_id, a.raised_at, a.raised_as_of, a.raised_by,"
            + " a.overstay_days_at_raise, a.stay_ends_on, a.rule, a.entry_post_id, a.entry_crossing_id, a.entry_date,"
            + " a.withdrawn_at, a.withdrawn_reason, a.withdrawn_by_origin, a.withdrawn_by_seq, a.withdrawn_by_crossing,"
            + " p.surname, p.given_names, p.date_of_birth, p.nationality, p.sex";

    /** What is written when an alert is raised. */
    record Raise(long personId, Instant raisedAt, LocalDate asOf, String raisedBy, int overstayDays,
                 LocalDate stayEndsOn, String rule, String entryPost, Long entryCrossing, LocalDate entryDate) {
    }

    /** What is written when an alert is withdrawn. */
    record Withdrawal(Instant at, String reason, OverstayAlert.WithdrawnBy by) {
    }

    Optional<OverstayAlert> openFor(Connection connection, long personId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM overstay_alert a JOIN person p ON p.id = a.person_id WHERE a.open_person_id = ?")) {
            select.setLong(1, personId);
            return Sql.list(select, OverstayAlertRows::alert).stream().findFirst();
        }
    }

    /** {@link #openFor} for many persons at once: their open alerts by person. */
    java.util.Map<Long, OverstayAlert> openForAll(Connection connection, java.util.Collection<Long> personIds)
            throws SQLException {
        java.util.Map<Long, OverstayAlert> open = new java.util.HashMap<>();
        for (List<Long> chunk : Sql.chunks(personIds, 500)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM overstay_alert a"
                    + " JOIN person p ON p.id = a.person_id WHERE a.open_person_id IN (" + Sql.marks(chunk.size())
                    + ")")) {
                Sql.bindAll(select, chunk.toArray());
                for (OverstayAlert alert : Sql.list(select, OverstayAlertRows::alert)) {
                    open.put(alert.person().id(), alert);
                }
            }
        }
        return open;
    }

    /** Persons with an open alert, so a sweep reviews them even when no longer present. */
    List<Long> openPersons(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT open_person_id FROM overstay_alert WHERE open_person_id IS NOT NULL ORDER BY open_person_id")) {
            return Sql.list(select, row -> row.getLong(1));
        }
    }

    /** Other persons whose crossings a crossing of {@code persons} supersedes: a correction moved it from them. */
    List<Long> correctedAway(Connection connection, java.util.Collection<Long> persons) throws SQLException {
        if (persons.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT o.person_id FROM crossing c"
                + " JOIN crossing o ON o.id = c.supersedes WHERE c.person_id IN (" + Sql.marks(persons.size()) + ")"
                + " AND o.person_id <> c.person_id")) {
            Sql.bindAll(select, persons.toArray());
            return Sql.list(select, row -> row.getLong(1));
        }
    }

    long insert(Connection connection, Raise r) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO overstay_alert (person_id,"
                + " open_person_id, raised_at, raised_as_of, raised_by, overstay_days_at_raise, stay_ends_on, rule,"
                + " entry_post_id, entry_crossing_id, entry_date) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            Sql.bindAll(insert, r.personId(), r.personId(), r.raisedAt(), r.asOf(), truncate(r.raisedBy(), 200),
                    r.overstayDays(), r.stayEndsOn(), truncate(r.rule(), 200), r.entryPost(), r.entryCrossing(),
                    r.entryDate());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Withdraws the open alert {@code id}; false when it was withdrawn meanwhile. */
    boolean withdraw(Connection connection, long id, Withdrawal w) throws SQLException {
        OverstayAlert.WithdrawnBy by = w.by() == null ? new OverstayAlert.WithdrawnBy(null, null, null) : w.by();
        try (PreparedStatement update = connection.prepareStatement("UPDATE overstay_alert SET open_person_id = NULL,"
                + " withdrawn_at = ?, withdrawn_reason = ?, withdrawn_by_origin = ?, withdrawn_by_seq = ?,"
                + " withdrawn_by_crossing = ? WHERE id = ? AND withdrawn_at IS NULL")) {
            Sql.bindAll(update, w.at(), truncate(w.reason(), 1000), by.originNode(), by.originSeq(), by.crossing(), id);
            return update.executeUpdate() == 1;
        }
    }

    /** A page of alerts, newest first; {@code crossedAt} (a post) keeps persons who crossed there. */
    List<OverstayAlert> list(Connection connection, AlertFilter filter, String crossedAt) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM overstay_alert a JOIN person p ON p.id = a.person_id WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (filter.state() == OverstayAlert.State.OPEN) {
            sql.append(" AND a.withdrawn_at IS NULL");
        } else if (filter.state() == OverstayAlert.State.WITHDRAWN) {
            sql.append(" AND a.withdrawn_at IS NOT NULL");
        }
        for (String post : new String[]{filter.post(), crossedAt}) {
            if (post != null) {
                sql.append(" AND EXISTS (SELECT 1 FROM crossing c WHERE c.person_id = a.person_id AND c.post_id = ?)");
                args.add(post);
            }
        }
        if (filter.before() != null) {
            sql.append(" AND a.id < ?");
            args.add(filter.before());
        }
        sql.append(" ORDER BY a.id DESC FETCH FIRST ").append(filter.limit()).append(" ROWS ONLY");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            Sql.bindAll(select, args.toArray());
            return Sql.list(select, OverstayAlertRows::alert);
        }
    }

    private static OverstayAlert alert(ResultSet row) throws SQLException {
        Person person = new Person(row.getLong("person_id"), row.getString("surname"), row.getString("given_names"),
                Sql.date(row, "date_of_birth"), row.getString("nationality"), row.getString("sex"));
        Instant withdrawnAt = Sql.instant(row, "withdrawn_at");
        String origin = row.getString("withdrawn_by_origin");
        Long seq = Sql.nullableLong(row, "withdrawn_by_seq");
        Long crossing = Sql.nullableLong(row, "withdrawn_by_crossing");
        OverstayAlert.WithdrawnBy by = origin == null && seq == null && crossing == null ? null
                : new OverstayAlert.WithdrawnBy(origin, seq, crossing);
        return new OverstayAlert(row.getLong("id"), person,
                withdrawnAt == null ? OverstayAlert.State.OPEN : OverstayAlert.State.WITHDRAWN,
                Sql.instant(row, "raised_at"), Sql.date(row, "raised_as_of"), row.getString("raised_by"),
                row.getInt("overstay_days_at_raise"), Sql.date(row, "stay_ends_on"), row.getString("rule"),
                row.getString("entry_post_id"), Sql.nullableLong(row, "entry_crossing_id"),
                Sql.date(row, "entry_date"), withdrawnAt, row.getString("withdrawn_reason"), by);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
