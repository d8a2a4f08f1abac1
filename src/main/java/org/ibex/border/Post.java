package org.ibex.border;

import java.time.ZoneId;

/** A border crossing point: an airport, a land post or a seaport, with the time zone it lives in. */
public record Post(String id, String name, Kind kind, ZoneId zone) {
    /** The kind of crossing point. */
    public enum Kind { AIRPORT, LAND, SEAPORT }
}
