package org.ibex.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC conveniences shared by the domain repositories: nullable binds and row mapping. */
public final class Sql {
    private Sql() {
    }

    /** Maps one row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * The escape clause that goes after {@code LIKE ?} whenever the pattern comes from {@link #containing} or
     * {@link #startingWith}: a user's '%' or '_' is then a character to find, not a wildcard.
     */
    public static final String LIKE_ESCAPE = "ESCAPE '!'";

    /** A LIKE pattern matching any text that contains {@code text} literally. */
    public static String containing(String text) {
        return "%" + likeLiteral(text) + "%";
    }

    /** A LIKE pattern matching any text that starts with {@code text} literally. */
    public static String startingWith(String text) {
        return likeLiteral(text) + "%";
    }

    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    public static <T> List<T> list(PreparedStatement statement, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                out.add(mapper.map(rows));
            }
        }
        return out;
    }

    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof LocalDate date) {
            statement.setDate(index, Date.valueOf(date));
        } else if (value instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.from(instant));
        } else {
            statement.setObject(index, value);
        }
    }

    /** {@code values} in lists of at most {@code size}, for IN-queries that stay under the drivers' limits. */
    public static <T> List<List<T>> chunks(java.util.Collection<T> values, int size) {
        List<T> all = new java.util.ArrayList<>(values);
        List<List<T>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    /** {@code n} parameter marks separated by commas, for an IN list. */
    public static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    public static void bindAll(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(statement, i + 1, values[i]);
        }
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
