package org.ibex.border;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.access.Actor;
import org.ibex.analytics.FlowCell;
import org.ibex.analytics.FlowDeltas;
import org.ibex.analytics.StayDeltas;
import org.ibex.store.Json;
import org.ibex.store.Sql;
import org.ibex.watchlist.HitRepository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** SQL for crossings. Only inserts: rows are never updated or deleted. */
public final class CrossingRepository {
    private static final String COLUMNS = "c.id, c.uid, c.direction, c.post_id, c.officer, c.occurred_at, c.zone_id,"
            + " c.person_id, c.document_code, c.issuing_state, c.document_number, c.nationality, c.surname,"
            + " c.given_names, c.name_original, c.date_of_birth, c.sex, c.date_of_expiry, c.date_of_issue, c.mrz, c.permit_type,"
            + " c.permit_valid_from, c.permit_valid_until, c.permit_entries, c.permit_days, c.checks, c.decision,"
            + " c.reasons, c.supersedes, c.correction_reason, c.recorded_at, c.late, c.late_reason, c.imported,"
            + " (SELECT s.id FROM crossing s WHERE s.supersedes = c.id) AS superseded_by";
    private static final String EFFECTIVE = " NOT EXISTS (SELECT 1 FROM crossing s WHERE s.supersedes = c.id)";
    private final ObjectMapper json = Json.mapper();

    /**
     * Filters for listing crossings; null means any. {@code openHits}: only crossings with (true) or without (false)
     * a hit awaiting a disposition. {@code before}: the paging cursor, crossings with a smaller id only.
     * {@code nationality}: the holder's three-letter code. {@code search}: a document number exactly, or a part of
     * the holder's name (as printed or in its original script), ignoring case: what a supervisor types to find one.
     */
    public record Filter(String postId, Long personId, Instant from, Instant to, Decision decision, Direction direction,
                         Boolean openHits, Long before, int limit, String nationality, String search) {
        /** Every filter but the holder's nationality and name, as the API reads them. */
        public Filter(String postId, Long personId, Instant from, Instant to, Decision decision, Direction direction,
                      Boolean openHits, Long before, int limit) {
            this(postId, personId, from, to, decision, direction, openHits, before, limit, null, null);
        }

        /** Post, person and time only, as the command line asks. */
        public Filter(String postId, Long personId, Instant from, Instant to, int limit) {
            this(postId, personId, from, to, null, null, null, null, limit);
        }

        Filter atPost(String post) {
            return new Filter(post, personId, from, to, decision, direction, openHits, before, limit, nationality,
                    search);
        }

        Filter oneMore() {
            return new Filter(postId, personId, from, to, decision, direction, openHits, before, limit + 1,
                    nationality, search);
        }

        /** The filter in words, for the access log. */
        String describe() {
            StringBuilder out = new StringBuilder("post=" + postId + " person=" + personId);
            append(out, "from", from);
            append(out, "to", to);
            append(out, "decision", decision);
            append(out, "direction", direction);
            append(out, "openHits", openHits);
            append(out, "before", before);
            append(out, "nationality", nationality);
            append(out, "search", search == null ? null : "'" + search + "'");
            return out.toString();
        }

        private static void append(StringBuilder out, String name, Object value) {
            if (value != null) {
                out.append(' ').append(name).append('=').append(value);
            }
        }
    }

    /** The statement {@link #bindInsert} fills, prepared with generated keys by its callers. */
    static final String INSERT = "INSERT INTO crossing(uid, direction, post_id,"
            + " officer, occurred_at, zone_id, person_id, document_code, issuing_state, document_number,"
            + " nationality, surname, given_names, name_original, date_of_birth, sex, date_of_expiry, date_of_issue, mrz,"
            + " permit_type, permit_valid_from, permit_valid_until, permit_entries, permit_days, checks,"
            + " decision, reasons, supersedes, correction_reason, recorded_at, late, late_reason, imported)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    public long insert(Connection connection, Crossing c) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            bindInsert(insert, c);
            insert.executeUpdate();
            long id;
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            countFlows(connection, List.of(c));
            return id;
        }
    }

    /**
     * Counts inserted crossings in the flow and stay roll-ups, in the caller's transaction; a correction takes the
     * count of the crossing it supersedes away, so a corrected crossing counts as its correction only.
     */
    void countFlows(Connection connection, List<Crossing> inserted) throws SQLException {
        FlowDeltas deltas = new FlowDeltas();
        List<Long> persons = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Crossing c : inserted) {
            deltas.add(flowCell(c));
            persons.add(c.personId());
            keys.add(StayDeltas.key(c.postId(), c.uid()));
            if (c.supersedes() != null) {
                Crossing old = find(connection, c.supersedes()).orElseThrow(
                        () -> new SQLException("crossing " + c.supersedes() + " to correct is missing"));
                deltas.remove(flowCell(old));
                persons.add(old.personId());
            }
        }
        deltas.write(connection);
        // Stays too: a crossing can end, begin or split a stay of its person (and a correction one of the old person).
        StayDeltas stays = new StayDeltas();
        stays.count(connection, persons, keys);
        stays.write(connection);
    }

    private static FlowCell flowCell(Crossing c) {
        TravelDocument d = c.document();
        return FlowCell.of(c.occurredAt(), c.zoneId(), c.postId(), c.direction().name(), d.nationality(), d.sex(),
                d.dateOfBirth(), c.permit() == null ? null : c.permit().type());
    }

    /** Binds {@code c} to a statement prepared from {@link #INSERT}. */
    void bindInsert(PreparedStatement insert, Crossing c) throws SQLException {
        TravelDocument d = c.document();
        Permit p = c.permit() == null ? new Permit(null, null, null, null, null) : c.permit();
        Sql.bindAll(insert, c.uid(), c.direction().name(), c.postId(), c.officer(), c.occurredAt(), c.zoneId(),
                c.personId(), d.documentCode(), d.issuingState(), d.documentNumber(), d.nationality(),
                d.surname(), d.givenNames(), d.nameOriginal(), d.dateOfBirth(), d.sex(), d.dateOfExpiry(),
                d.dateOfIssue(), d.mrz(), p.type(), p.validFrom(), p.validUntil(), p.entries(), p.days(),
                Json.write(json, c.checks()), c.decision().name(), Json.write(json, c.reasons()),
                c.supersedes(), c.correctionReason(), c.recordedAt(), c.late(), c.lateReason(), c.imported());
    }

    /** The crossing if the actor may act at its post; another post's crossing reads as missing, so nothing leaks. */
    Crossing findVisible(Connection connection, long id, Actor actor) throws SQLException {
        Crossing crossing = find(connection, id).orElseThrow(() -> new NotFoundException("no crossing " + id));
        if (!actor.user().mayActAtPost(crossing.postId())) {
            throw new NotFoundException("no crossing " + id);
        }
        return crossing;
    }

    public Optional<Crossing> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM crossing c WHERE c.id = ?")) {
            select.setLong(1, id);
            return Sql.list(select, this::crossing).stream().findFirst();
        }
    }

    /** The crossing a post recorded under a client's idempotency key: keys are the post's own. */
    public Optional<Crossing> findByUid(Connection connection, String postId, String uid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM crossing c WHERE c.post_id = ? AND c.uid = ?")) {
            select.setString(1, postId);
            select.setString(2, uid);
            return Sql.list(select, this::crossing).stream().findFirst();
        }
    }

    /** Lists crossings newest first by id (a stable order to page by), corrected and superseded rows alike. */
    public List<Crossing> list(Connection connection, Filter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM crossing c WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (filter.postId() != null) {
            sql.append(" AND c.post_id = ?");
            args.add(filter.postId());
        }
        if (filter.personId() != null) {
            sql.append(" AND c.person_id = ?");
            args.add(filter.personId());
        }
        if (filter.from() != null) {
            sql.append(" AND c.occurred_at >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND c.occurred_at < ?");
            args.add(filter.to());
        }
        if (filter.decision() != null) {
            sql.append(" AND c.decision = ?");
            args.add(filter.decision().name());
        }
        if (filter.direction() != null) {
            sql.append(" AND c.direction = ?");
            args.add(filter.direction().name());
        }
        if (filter.openHits() != null) {
            sql.append(filter.openHits() ? " AND " : " AND NOT ").append(HitRepository.awaitingDispositionOn("c.id"));
        }
        if (filter.nationality() != null) {
            sql.append(" AND c.nationality = ?");
            args.add(filter.nationality());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            String term = filter.search().strip().toUpperCase(java.util.Locale.ROOT);
            String part = Sql.containing(term);
            String like = " LIKE ? " + Sql.LIKE_ESCAPE;
            sql.append(" AND (c.document_number = ? OR UPPER(c.surname || ' ' || COALESCE(c.given_names, ''))" + like
                    + " OR UPPER(COALESCE(c.given_names, '') || ' ' || c.surname)" + like
                    + " OR UPPER(COALESCE(c.name_original, ''))" + like + ")");
            args.add(term);
            args.add(part);
            args.add(part);
            args.add(part);
        }
        if (filter.before() != null) {
            sql.append(" AND c.id < ?");
            args.add(filter.before());
        }
        sql.append(" ORDER BY c.id DESC FETCH FIRST ").append(filter.limit()).append(" ROWS ONLY");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            Sql.bindAll(select, args.toArray());
            return Sql.list(select, this::crossing);
        }
    }

    /**
     * The movements of a person, oldest first: the crossings that stand (not superseded) and were not
     * refused, since a traveller turned away at the gate never entered or left. The input of stay counting.
     */
    public List<Crossing> movementsOf(Connection connection, long personId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM crossing c WHERE c.person_id = ? AND c.decision <> 'REFUSE' AND" + EFFECTIVE
                + " ORDER BY c.occurred_at, c.id")) {
            select.setLong(1, personId);
            return Sql.list(select, this::crossing);
        }
    }

    /** {@link #movementsOf} for many persons at once, by person; a person without standing crossings is left out. */
    public Map<Long, List<Crossing>> movementsOfAll(Connection connection, Collection<Long> personIds)
            throws SQLException {
        Map<Long, List<Crossing>> movements = new HashMap<>();
        for (List<Long> chunk : Sql.chunks(personIds, 500)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM crossing c WHERE c.person_id IN (" + Sql.marks(chunk.size()) + ") AND c.decision <> 'REFUSE'"
                    + " AND" + EFFECTIVE + " ORDER BY c.occurred_at, c.id")) {
                Sql.bindAll(select, chunk.toArray());
                for (Crossing c : Sql.list(select, this::crossing)) {
                    movements.computeIfAbsent(c.personId(), p -> new ArrayList<>()).add(c);
                }
            }
        }
        return movements;
    }

    /** Persons whose last standing crossing before {@code before} is an entry: those who may still be here. */
    public List<Long> presentPersons(Connection connection, Instant before) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT c.person_id FROM crossing c"
                + " WHERE c.direction = 'ENTRY' AND c.decision <> 'REFUSE' AND c.occurred_at < ? AND" + EFFECTIVE
                + " AND NOT EXISTS (SELECT 1 FROM crossing l WHERE l.person_id = c.person_id AND l.occurred_at < ?"
                + " AND l.decision <> 'REFUSE'"
                + " AND (l.occurred_at > c.occurred_at OR (l.occurred_at = c.occurred_at AND l.id > c.id))"
                + " AND NOT EXISTS (SELECT 1 FROM crossing s2 WHERE s2.supersedes = l.id))"
                + " ORDER BY c.person_id")) {
            Sql.bindAll(select, before, before);
            return Sql.list(select, row -> row.getLong(1));
        }
    }

    /** The standing crossings (not superseded) that occurred in [from, to), counted by post; one post if named. */
    public Map<String, Long> countByPost(Connection connection, Instant from, Instant to, String postId)
            throws SQLException {
        String sql = "SELECT c.post_id, COUNT(*) AS n FROM crossing c WHERE c.occurred_at >= ? AND c.occurred_at < ?"
                + (postId == null ? "" : " AND c.post_id = ?") + " AND" + EFFECTIVE + " GROUP BY c.post_id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            Sql.bindAll(select, postId == null ? new Object[]{from, to} : new Object[]{from, to, postId});
            Map<String, Long> counts = new TreeMap<>();
            for (Map.Entry<String, Long> row : Sql.list(select, r -> Map.entry(r.getString(1), r.getLong(2)))) {
                counts.put(row.getKey(), row.getValue());
            }
            return counts;
        }
    }

    public boolean personCrossedAt(Connection connection, long personId, String postId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM crossing WHERE person_id = ? AND post_id = ? FETCH FIRST 1 ROWS ONLY")) {
            Sql.bindAll(select, personId, postId);
            return !Sql.list(select, row -> 1).isEmpty();
        }
    }

    private Crossing crossing(ResultSet row) throws SQLException {
        TravelDocument document = new TravelDocument(row.getString("document_code"), row.getString("issuing_state"),
                row.getString("document_number"), row.getString("surname"), row.getString("given_names"),
                row.getString("nationality"), Sql.date(row, "date_of_birth"), row.getString("sex"),
                Sql.date(row, "date_of_expiry"), Sql.date(row, "date_of_issue"), row.getString("mrz"), row.getString("name_original"));
        String permitType = row.getString("permit_type");
        Permit permit = permitType == null ? null : new Permit(permitType, Sql.date(row, "permit_valid_from"),
                Sql.date(row, "permit_valid_until"), Sql.nullableInt(row, "permit_entries"),
                Sql.nullableInt(row, "permit_days"));
        try {
            return new Crossing(row.getLong("id"), row.getString("uid"), Direction.valueOf(row.getString("direction")),
                    row.getString("post_id"), row.getString("officer"), Sql.instant(row, "occurred_at"),
                    row.getString("zone_id"), row.getLong("person_id"), document, permit,
                    json.readValue(row.getString("checks"), new TypeReference<List<Check>>() { }),
                    Decision.valueOf(row.getString("decision")),
                    json.readValue(row.getString("reasons"), new TypeReference<List<Reason>>() { }),
                    Sql.nullableLong(row, "supersedes"), row.getString("correction_reason"),
                    Sql.nullableLong(row, "superseded_by"), Sql.instant(row, "recorded_at"), row.getBoolean("late"),
                    row.getString("late_reason"), row.getBoolean("imported"));
        } catch (JsonProcessingException e) {
            throw new SQLException("crossing " + row.getLong("id") + " has unreadable checks or reasons", e);
        }
    }
}
