package org.ibex.analytics;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Border flows for analysts: crossings by any dimensions, net flow, corridors, the posts on a map and stay
 * durations, all from the roll-ups. Analysts and administrators see the whole state; a supervisor sees their own post's figures only.
 */
public final class Flows {
    private final Database database;
    private final FlowFolder folder;
    private final FlowRollups rollups = new FlowRollups();
    private final StayRollups stayRollups = new StayRollups();

    public Flows(Database database, FlowFolder folder) {
        this.database = database;
        this.folder = folder;
    }

    /** Folds, rebuilds: for the node's housekeeping and the command line. */
    public FlowFolder folder() {
        return folder;
    }

    /** Crossings counted as {@code query} asks, within what {@code actor} may see. */
    public FlowTable crossings(FlowQuery query, Actor actor) {
        FlowQuery scoped = scope(query, actor);
        return database.read(connection -> rollups.answer(connection, scoped));
    }

    /** Entries, exits and their difference per period ({@code day}, {@code week} or {@code month}). */
    public List<NetFlow> netFlow(FlowDimension period, LocalDate from, LocalDate to, String postId, Actor actor) {
        if (!period.period()) {
            throw new org.ibex.input.FieldRuleException("period", "enum", "period must be day, week or month");
        }
        Map<FlowDimension, String> where = new EnumMap<>(FlowDimension.class);
        if (postId != null) {
            where.put(FlowDimension.POST, postId);
        }
        FlowTable table = crossings(new FlowQuery(List.of(period, FlowDimension.DIRECTION), from, to, where), actor);
        Map<String, long[]> byPeriod = new TreeMap<>();
        for (FlowTable.Row row : table.rows()) {
            long[] counts = byPeriod.computeIfAbsent(row.keys().get(0), k -> new long[2]);
            counts["ENTRY".equals(row.keys().get(1)) ? 0 : 1] += row.crossings();
        }
        List<NetFlow> flows = new ArrayList<>(byPeriod.size());
        byPeriod.forEach((key, c) -> flows.add(new NetFlow(key, c[0], c[1], c[0] - c[1])));
        return flows;
    }

    /** The busiest corridors (nationality to post), by crossings both ways, at most {@code limit}; whole months. */
    public List<Corridor> corridors(LocalDate from, LocalDate to, int limit, Actor actor) {
        FlowTable table = crossings(new FlowQuery(List.of(FlowDimension.NATIONALITY, FlowDimension.POST,
                FlowDimension.DIRECTION), from, to, Map.of()), actor);
        Map<List<String>, long[]> pairs = new LinkedHashMap<>();
        for (FlowTable.Row row : table.rows()) {
            long[] counts = pairs.computeIfAbsent(row.keys().subList(0, 2), k -> new long[2]);
            counts["ENTRY".equals(row.keys().get(2)) ? 0 : 1] += row.crossings();
        }
        List<Corridor> corridors = new ArrayList<>(pairs.size());
        pairs.forEach((pair, c) -> corridors.add(new Corridor(pair.get(0), pair.get(1), c[0], c[1])));
        corridors.sort(Comparator.comparingLong((Corridor c) -> -(c.entries() + c.exits()))
                .thenComparing(Corridor::nationality).thenComparing(Corridor::postId));
        return corridors.subList(0, Math.min(Math.max(0, limit), corridors.size()));
    }

    /** Every post the actor may see with where it stands and its entries and exits: the flow map's markers. */
    public List<PostFlow> posts(LocalDate from, LocalDate to, Actor actor) {
        FlowTable table = crossings(new FlowQuery(List.of(FlowDimension.POST, FlowDimension.DIRECTION), from, to,
                Map.of()), actor);
        Map<String, long[]> counts = new TreeMap<>();
        for (FlowTable.Row row : table.rows()) {
            counts.computeIfAbsent(row.keys().get(0), k -> new long[2])["ENTRY".equals(row.keys().get(1)) ? 0 : 1]
                    += row.crossings();
        }
        return database.read(connection -> {
            List<PostFlow> posts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, name, latitude, longitude FROM post ORDER BY id");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String id = row.getString(1);
                    if (!actor.user().mayActAtPost(id)) {
                        continue;
                    }
                    long[] c = counts.getOrDefault(id, new long[2]);
                    posts.add(new PostFlow(id, row.getString(2), (Double) row.getObject(3, Double.class),
                            (Double) row.getObject(4, Double.class), c[0], c[1]));
                }
            }
            return posts;
        });
    }

    /**
     * Stays counted by {@code by} (any of month, post, nationality, purpose, length) whose exit fell in the whole
     * months from {@code from} to {@code to}; a supervisor counts the stays that ended at their post.
     */
    public StayTable stays(LocalDate from, LocalDate to, List<String> by, Actor actor) {
        StayRollups.check(from, to, by);
        Role role = actor.user().role();
        String post = role == Role.SUPERVISOR ? actor.user().postId() : null;
        if (role != Role.ANALYST && role != Role.ADMIN && role != Role.SUPERVISOR) {
            throw new AccessDeniedException("stay durations are for analysts, administrators and supervisors");
        }
        return database.read(connection -> stayRollups.answer(connection, from, to, by, post));
    }

    /** The question as the actor may ask it: a supervisor's narrowed to their post, other roles refused. */
    private static FlowQuery scope(FlowQuery query, Actor actor) {
        Role role = actor.user().role();
        if (role == Role.ANALYST || role == Role.ADMIN) {
            return query;
        }
        if (role == Role.SUPERVISOR) {
            String own = actor.user().postId();
            String asked = query.where().get(FlowDimension.POST);
            if (asked != null && !asked.equals(own)) {
                throw new AccessDeniedException("a supervisor sees the flows of their own post " + own + " only");
            }
            return query.atPost(own);
        }
        throw new AccessDeniedException("border flows are for analysts, administrators and supervisors");
    }

    /** Entries, exits and net flow (entries less exits) in one period. */
    public record NetFlow(String period, long entries, long exits, long net) {
    }

    /** A corridor: travellers of one nationality through one post, entering and leaving. */
    public record Corridor(String nationality, String postId, long entries, long exits) {
    }

    /** A post on the flow map: where it stands (null when not set) and its crossings. */
    public record PostFlow(String postId, String name, Double latitude, Double longitude, long entries, long exits) {
    }
}
