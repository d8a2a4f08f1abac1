package org.ibex.analytics;

/**
 * Stays counted from the crossing rows themselves with a window function (each standing crossing beside the person's
 * previous one): what a rebuild writes into {@code stay_month}, and the baseline tests hold the roll-up against. It
 * shares no code with {@link Stays}, so an agreement between the two means something.
 */
public final class RawStays {
    private final String months;

    /** The SQL for PostgreSQL or for H2: the local day is read as {@link RawFlows} reads it, days differ by vendor. */
    public RawStays(boolean postgres) {
        String localDay = postgres ? "CAST(c.occurred_at AT TIME ZONE c.zone_id AS DATE)"
                : "CAST(FORMATDATETIME(c.occurred_at AT TIME ZONE c.zone_id, 'yyyy-MM-dd') AS DATE)";
        String days = postgres ? "(p.local_day - p.entry_day)" : "DATEDIFF(DAY, p.entry_day, p.local_day)";
        String window = " OVER (PARTITION BY r.person_id ORDER BY r.occurred_at, r.id)";
        months = "SELECT b.local_month, b.post_id, b.nationality, b.purpose, b.length_band, COUNT(*) AS stays FROM ("
                + "SELECT CAST(DATE_TRUNC('MONTH', p.local_day) AS DATE) AS local_month, p.post_id, p.nationality,"
                + " COALESCE(NULLIF(p.entry_permit, ''), 'none') AS purpose,"
                + " CASE WHEN " + days + " <= 7 THEN '0-7' WHEN " + days + " <= 30 THEN '8-30'"
                + " WHEN " + days + " <= 90 THEN '31-90' WHEN " + days + " <= 180 THEN '91-180'"
                + " WHEN " + days + " <= 365 THEN '181-365' ELSE '366+' END AS length_band"
                + " FROM (SELECT r.direction, r.post_id, r.nationality, r.local_day,"
                + " LAG(r.direction)" + window + " AS entry_direction,"
                + " LAG(r.local_day)" + window + " AS entry_day,"
                + " LAG(r.permit_type)" + window + " AS entry_permit"
                + " FROM (SELECT c.id, c.person_id, c.occurred_at, c.direction, c.post_id, c.nationality,"
                + " c.permit_type, " + localDay + " AS local_day FROM crossing c WHERE c.decision <> 'REFUSE'"
                + " AND NOT EXISTS (SELECT 1 FROM crossing s WHERE s.supersedes = c.id)) r) p"
                + " WHERE p.direction = 'EXIT' AND p.entry_direction = 'ENTRY') b"
                + " GROUP BY b.local_month, b.post_id, b.nationality, b.purpose, b.length_band";
    }

    /** The stay roll-up from the crossings: local_month, post_id, nationality, purpose, length_band, stays. */
    public String months() {
        return months;
    }
}
