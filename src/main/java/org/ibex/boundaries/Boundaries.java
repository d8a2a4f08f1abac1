package org.ibex.boundaries;

import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.store.Database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin-area boundaries the maps draw: the shipped Utopia outline and the sets analysts import. An import is
 * checked whole before anything is stored (a set is replaced whole, in one transaction) and audited.
 */
public final class Boundaries {
    /** The shipped set: Utopia's six admin1 areas, fictional, in open ocean. */
    public static final String UTOPIA = "utopia-adm1";
    /** The largest upload read: Sudan's 18 states simplified are 80 kB; a detailed admin2 set a few MB. */
    public static final int MAX_BYTES = 8 << 20;
    public static final int MAX_FEATURES = 2_000;
    public static final int MAX_POINTS = 500_000;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String RESOURCE = "/org/ibex/boundaries/" + UTOPIA + ".geojson";
    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final GeoJsonCheck check = new GeoJsonCheck(new GeoJsonCheck.Limits(MAX_BYTES, MAX_FEATURES, MAX_POINTS));
    private final byte[] utopia;
    private final List<Area> utopiaAreas;
    private final int utopiaPoints;

    public Boundaries(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        GeoJsonCheck.Checked shipped = check.check(UTOPIA, read(RESOURCE));
        this.utopia = shipped.geoJson();
        this.utopiaAreas = shipped.areas();
        this.utopiaPoints = shipped.points();
    }

    /** Every set, the shipped one first, then the imported ones by name. */
    public List<BoundarySet> list() {
        List<BoundarySet> sets = new ArrayList<>();
        sets.add(new BoundarySet(UTOPIA, utopiaAreas.size(), utopiaPoints, BoundarySet.SHIPPED, null, null));
        database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT name, features, points, imported_by,"
                    + " imported_at FROM boundary_set ORDER BY name");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sets.add(new BoundarySet(rows.getString(1), rows.getInt(2), rows.getInt(3),
                            BoundarySet.IMPORTED, rows.getString(4), rows.getTimestamp(5).toInstant()));
                }
            }
            return null;
        });
        return sets;
    }

    /** A set's GeoJSON as the node serves it (checked and rewritten), if the set exists. */
    public Optional<byte[]> geoJson(String name) {
        if (UTOPIA.equals(name)) {
            return Optional.of(utopia.clone());
        }
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT geojson FROM boundary_set WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /** The areas of a set in file order, if the set exists. */
    public Optional<List<Area>> areas(String name) {
        if (UTOPIA.equals(name)) {
            return Optional.of(utopiaAreas);
        }
        return database.read(connection -> {
            List<Area> areas = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT a.pcode, a.name FROM boundary_set s"
                    + " LEFT JOIN boundary_area a ON a.set_name = s.name WHERE s.name = ? ORDER BY a.position")) {
                select.setString(1, name);
                boolean found = false;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found = true;
                        if (rows.getString(1) != null) {
                            areas.add(new Area(rows.getString(1), rows.getString(2)));
                        }
                    }
                }
                return found ? Optional.of(List.copyOf(areas)) : Optional.<List<Area>>empty();
            }
        });
    }

    /**
     * Checks and stores a set under {@code name}, replacing an imported set of that name. Refuses (naming the field)
     * a bad name, the shipped set's name, or an upload the maps cannot draw; nothing is stored then.
     */
    public BoundarySet importSet(String name, byte[] geoJson, String actor) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BoundaryException("name", "format", "name must be 1 to 64 lower-case letters, digits, '.', '-'"
                    + " or '_', starting with a letter or digit (e.g. sdn-adm1); got '" + name + "'");
        }
        if (UTOPIA.equals(name)) {
            throw new BoundaryException("name", "reserved", "'" + UTOPIA + "' is the shipped set and cannot be"
                    + " replaced; import under another name");
        }
        GeoJsonCheck.Checked checked = check.check(name, geoJson);
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            delete(connection, name);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO boundary_set (name, features,"
                    + " points, geojson, imported_by, imported_at) VALUES (?,?,?,?,?,?)")) {
                insert.setString(1, name);
                insert.setInt(2, checked.areas().size());
                insert.setInt(3, checked.points());
                insert.setBytes(4, checked.geoJson());
                insert.setString(5, actor);
                insert.setTimestamp(6, Timestamp.from(now));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO boundary_area (set_name, pcode, name, position) VALUES (?,?,?,?)")) {
                int position = 0;
                for (Area area : checked.areas()) {
                    insert.setString(1, name);
                    insert.setString(2, area.pcode());
                    insert.setString(3, area.name());
                    insert.setInt(4, position++);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            audit.append(connection, new AuditEntry.Draft("boundaries.imported", actor, name,
                    checked.areas().size() + " areas, " + checked.points() + " points"));
            return null;
        });
        return new BoundarySet(name, checked.areas().size(), checked.points(), BoundarySet.IMPORTED, actor, now);
    }

    private static void delete(Connection connection, String name) throws SQLException {
        for (String sql : new String[]{"DELETE FROM boundary_area WHERE set_name = ?",
                "DELETE FROM boundary_set WHERE name = ?"}) {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setString(1, name);
                delete.executeUpdate();
            }
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Boundaries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("boundaries missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
