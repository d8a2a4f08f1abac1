package org.ibex.displacement;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The DTM figures table: what a file's rows replace, and the figures the queries read. */
final class DisplacementStore {
    private static final String COLUMNS = "dtm_id, operation, admin0_name, admin0_pcode, admin1_name, admin1_pcode,"
            + " admin2_name, admin2_pcode, displaced, reporting_date, round_number, assessment_type";

    /** The figures held for these operations, by key. */
    Map<DtmRow.Key, DtmRow> existing(Connection connection, Collection<String> operations) throws SQLException {
        Map<DtmRow.Key, DtmRow> rows = new HashMap<>();
        for (List<String> chunk : Sql.chunks(operations, 100)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM dtm_figure WHERE operation IN (" + Sql.marks(chunk.size()) + ")")) {
                Sql.bindAll(select, chunk.toArray());
                for (DtmRow row : Sql.list(select, DisplacementStore::row)) {
                    rows.put(row.key(), row);
                }
            }
        }
        return rows;
    }

    void insert(Connection connection, List<DtmRow> rows, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dtm_figure (" + COLUMNS
                + ", pcode, admin_level, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (DtmRow row : rows) {
                bind(insert, row);
                insert.setString(13, row.pcode());
                insert.setInt(14, row.level());
                insert.setTimestamp(15, Timestamp.from(at));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    void update(Connection connection, List<DtmRow> rows, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE dtm_figure SET dtm_id = ?, operation = ?,"
                + " admin0_name = ?, admin0_pcode = ?, admin1_name = ?, admin1_pcode = ?, admin2_name = ?,"
                + " admin2_pcode = ?, displaced = ?, reporting_date = ?, round_number = ?, assessment_type = ?,"
                + " imported_at = ? WHERE operation = ? AND pcode = ? AND reporting_date = ? AND round_number = ?")) {
            for (DtmRow row : rows) {
                bind(update, row);
                update.setTimestamp(13, Timestamp.from(at));
                update.setString(14, row.operation());
                update.setString(15, row.pcode());
                Sql.bind(update, 16, row.reportingDate());
                update.setInt(17, row.round());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * Figures matching the filters (null: any), in series order: operation, area, reporting date, round. Every
     * query of the service reads through here: the table holds thousands of rows per country, not millions.
     */
    List<DtmRow> figures(Connection connection, String operation, String pcode, Integer level, LocalDate until)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM dtm_figure WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (operation != null) {
            sql.append(" AND operation = ?");
            args.add(operation);
        }
        if (pcode != null) {
            sql.append(" AND pcode = ?");
            args.add(pcode);
        }
        if (level != null) {
            sql.append(" AND admin_level = ?");
            args.add(level);
        }
        if (until != null) {
            sql.append(" AND reporting_date <= ?");
            args.add(until);
        }
        sql.append(" ORDER BY operation, pcode, reporting_date, round_number");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            Sql.bindAll(select, args.toArray());
            return Sql.list(select, DisplacementStore::row);
        }
    }

    private static void bind(PreparedStatement statement, DtmRow row) throws SQLException {
        if (row.dtmId() == null) {
            statement.setNull(1, Types.BIGINT);
        } else {
            statement.setLong(1, row.dtmId());
        }
        statement.setString(2, row.operation());
        statement.setString(3, row.admin0Name());
        statement.setString(4, row.admin0Pcode());
        statement.setString(5, row.admin1Name());
        statement.setString(6, row.admin1Pcode());
        statement.setString(7, row.admin2Name());
        statement.setString(8, row.admin2Pcode());
        statement.setLong(9, row.displaced());
        Sql.bind(statement, 10, row.reportingDate());
        statement.setInt(11, row.round());
        statement.setString(12, row.assessmentType());
    }

    private static DtmRow row(ResultSet r) throws SQLException {
        return new DtmRow(Sql.nullableLong(r, "dtm_id"), r.getString("operation"), r.getString("admin0_name"),
                r.getString("admin0_pcode"), r.getString("admin1_name"), r.getString("admin1_pcode"),
                r.getString("admin2_name"), r.getString("admin2_pcode"), r.getLong("displaced"),
                Sql.date(r, "reporting_date"), r.getInt("round_number"), r.getString("assessment_type"));
    }
}
