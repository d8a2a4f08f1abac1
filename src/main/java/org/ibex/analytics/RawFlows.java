package org.ibex.analytics;

/**
 * The roll-ups' question asked of the crossing rows themselves: what a rebuild writes, and the baseline the benchmark
 * and the tests hold the roll-ups against. It computes the local day, the age band and the purpose in the database,
 * independently of {@link FlowCell}, so an agreement between the two means something.
 */
public final class RawFlows {
    private final String cells;

    /** The SQL for PostgreSQL or for H2, which differ in one place: how a crossing's local day is read. */
    public RawFlows(boolean postgres) {
        // PostgreSQL gives the wall-clock time at the post; H2 keeps the offset but casts through the session's zone,
        // so its local day is read as text.
        String localDay = postgres ? "CAST(c.occurred_at AT TIME ZONE c.zone_id AS DATE)"
                : "CAST(FORMATDATETIME(c.occurred_at AT TIME ZONE c.zone_id, 'yyyy-MM-dd') AS DATE)";
        cells = "SELECT r.local_day, CAST(DATE_TRUNC('MONTH', r.local_day) AS DATE) AS local_month, r.post_id,"
                + " r.direction, r.nationality, r.sex,"
                + " CASE WHEN r.birth IS NULL OR r.birth > r.local_day THEN 'unknown'"
                + " WHEN r.birth > r.local_day - INTERVAL '5' YEAR THEN '0-4'"
                + " WHEN r.birth > r.local_day - INTERVAL '18' YEAR THEN '5-17'"
                + " WHEN r.birth > r.local_day - INTERVAL '60' YEAR THEN '18-59' ELSE '60+' END AS age_band,"
                + " COALESCE(NULLIF(r.permit_type, ''), 'none') AS purpose"
                + " FROM (SELECT " + localDay + " AS local_day, c.post_id, c.direction,"
                + " c.nationality, c.sex, c.date_of_birth AS birth, c.permit_type FROM crossing c"
                + " WHERE NOT EXISTS (SELECT 1 FROM crossing s WHERE s.supersedes = c.id)) r";
    }

    /** Every crossing still in force (not superseded by a correction), with its cell's facts, one row each. */
    public String cells() {
        return cells;
    }

    /** The day roll-up, from the crossings: local_day, post_id, direction, crossings. */
    public String days() {
        return "SELECT f.local_day, f.post_id, f.direction, COUNT(*) AS crossings FROM (" + cells
                + ") f GROUP BY f.local_day, f.post_id, f.direction";
    }

    /** The month roll-up, from the crossings: local_month, post_id, direction, nationality, sex, age_band, purpose, crossings. */
    public String months() {
        return "SELECT f.local_month, f.post_id, f.direction, f.nationality, f.sex, f.age_band, f.purpose,"
                + " COUNT(*) AS crossings FROM (" + cells + ") f"
                + " GROUP BY f.local_month, f.post_id, f.direction, f.nationality, f.sex, f.age_band, f.purpose";
    }
}
