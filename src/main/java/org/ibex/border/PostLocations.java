package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a post stands and the admin area it serves: the flow map's marker and the destination area of flow
 * monitoring. Set by an administrator, in the access log.
 */
public final class PostLocations {
    private static final Pattern PCODE = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    private final Database database;
    private final AccessLog accessLog;

    public PostLocations(Database database, AccessLog accessLog) {
        this.database = database;
        this.accessLog = accessLog;
    }

    /** A post's place: latitude and longitude in WGS 84 degrees, and its admin area (each null when unknown). */
    public record Location(Double latitude, Double longitude, String areaPcode, String areaName) {
    }

    /** Sets where post {@code id} stands; every broken rule is reported at once. */
    public Location locate(Actor actor, String id, Location location) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if ((location.latitude() == null) != (location.longitude() == null)) {
            problems.add(new InvalidInputException.Problem("latitude", "pair",
                    "latitude and longitude go together: give both or neither"));
        }
        if (location.latitude() != null && !(location.latitude() >= -90 && location.latitude() <= 90)) {
            problems.add(new InvalidInputException.Problem("latitude", "range", "latitude must be -90..90 degrees"));
        }
        if (location.longitude() != null && !(location.longitude() >= -180 && location.longitude() <= 180)) {
            problems.add(new InvalidInputException.Problem("longitude", "range",
                    "longitude must be -180..180 degrees"));
        }
        if (location.areaPcode() != null && !PCODE.matcher(location.areaPcode()).matches()) {
            problems.add(new InvalidInputException.Problem("areaPcode", "format",
                    "areaPcode must be 1 to 20 letters, digits, '_' or '-', as SD01 or UT03"));
        }
        String name = location.areaName() == null ? null : location.areaName().strip();
        if (name != null && (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl))) {
            problems.add(new InvalidInputException.Problem("areaName", "format",
                    "areaName must be 1 to 200 characters without control characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Location checked = new Location(location.latitude(), location.longitude(), location.areaPcode(), name);
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE post SET latitude = ?, longitude = ?,"
                    + " area_pcode = ?, area_name = ? WHERE id = ?")) {
                org.ibex.store.Sql.bindAll(update, checked.latitude(), checked.longitude(), checked.areaPcode(),
                        checked.areaName(), id);
                if (update.executeUpdate() == 0) {
                    throw new NotFoundException("no post " + id);
                }
            }
            accessLog.record(connection, AccessLog.Access.by(actor, "post.locate", "post/" + id + " at "
                    + checked.latitude() + "," + checked.longitude() + " area=" + checked.areaPcode()));
            return checked;
        });
    }
}
