package org.ibex.displacement;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditEntry;
import org.ibex.audit.AuditLog;
import org.ibex.store.Database;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Internal displacement as IOM's DTM measures it: imports of its exports (all or nothing, idempotent, changed
 * figures audited), each area's latest figure and series, the operations held, and surges between rounds.
 * Analysts and administrators only: the figures are aggregates, but what the node holds is its analysts' work.
 */
public final class Displacement {
    private static final Set<Role> ALLOWED = Set.of(Role.ANALYST, Role.ADMIN);
    private final Database database;
    private final AuditLog auditLog;
    private final AccessLog accessLog;
    private final Clock clock;
    private final DtmReader reader;
    private final DtmLimits limits;
    private final SurgeRule defaults;
    private final DisplacementStore store = new DisplacementStore();

    public Displacement(Database database, AuditLog auditLog, AccessLog accessLog, Clock clock, DtmLimits limits,
                        SurgeRule defaults) {
        this.database = database;
        this.auditLog = auditLog;
        this.accessLog = accessLog;
        this.clock = clock;
        this.limits = limits;
        this.reader = new DtmReader(limits);
        this.defaults = defaults;
    }

    /** The size and row bounds of an import. */
    public DtmLimits limits() {
        return limits;
    }

    /** The node's surge rule when a caller gives none. */
    public SurgeRule defaults() {
        return defaults;
    }

    /** Imports a DTM file (CSV or JSON); {@link DtmFileException} with every problem, and nothing stored, if bad. */
    public ImportSummary importFile(Path file, Actor actor) throws IOException {
        allow(actor);
        return importRows(reader.read(file), file.getFileName().toString(), actor);
    }

    /** Imports a DTM export held in memory (an upload), under the name {@code source} in the audit trail. */
    public ImportSummary importBytes(byte[] body, String source, Actor actor) {
        allow(actor);
        return importRows(reader.read(body), source, actor);
    }

    /**
     * Stores checked rows in one transaction: new keys added, changed figures replaced (each change audited with
     * the old and new count), identical ones left as they are, so importing a file twice changes nothing.
     */
    public ImportSummary importRows(List<DtmRow> rows, String source, Actor actor) {
        allow(actor);
        Instant now = clock.instant();
        Set<String> operations = new LinkedHashSet<>();
        Set<String> areas = new LinkedHashSet<>();
        rows.forEach(r -> {
            operations.add(r.operation());
            areas.add(r.pcode());
        });
        return database.inTransaction(connection -> {
            Map<DtmRow.Key, DtmRow> held = store.existing(connection, operations);
            List<DtmRow> added = new ArrayList<>();
            List<DtmRow> changed = new ArrayList<>();
            List<AuditEntry.Draft> audit = new ArrayList<>();
            for (DtmRow row : rows) {
                DtmRow before = held.get(row.key());
                if (before == null) {
                    added.add(row);
                } else if (!before.equals(row)) {
                    changed.add(row);
                    audit.add(new AuditEntry.Draft("displacement.figure", actor.username(), row.key().toString(),
                            "displaced " + before.displaced() + " -> " + row.displaced() + " from " + source
                                    + (Objects.equals(before.name(), row.name()) ? "" : "; name '" + before.name()
                                    + "' -> '" + row.name() + "'")));
                }
            }
            store.insert(connection, added, now);
            store.update(connection, changed, now);
            ImportSummary summary = new ImportSummary(rows.size(), added.size(), changed.size(),
                    rows.size() - added.size() - changed.size(), operations.size(), areas.size());
            audit.add(new AuditEntry.Draft("displacement.import", actor.username(), source, summary.rows() + " rows: "
                    + summary.added() + " added, " + summary.updated() + " updated, " + summary.unchanged()
                    + " unchanged; operations " + String.join(" | ", operations)));
            auditLog.appendAll(connection, audit);
            return summary;
        });
    }

    /** The operations held, with their country, rounds (distinct date and round), areas and dates. */
    public List<OperationSummary> operations(Actor actor) {
        allow(actor);
        List<DtmRow> all = database.read(c -> store.figures(c, null, null, null, null));
        accessLog.record(AccessLog.Access.by(actor, "displacement.operations", "dtm"));
        Map<String, List<DtmRow>> byOperation = new LinkedHashMap<>();
        all.forEach(r -> byOperation.computeIfAbsent(r.operation(), k -> new ArrayList<>()).add(r));
        List<OperationSummary> out = new ArrayList<>();
        byOperation.forEach((operation, rows) -> {
            DtmRow first = rows.get(0);
            long rounds = rows.stream().map(r -> r.reportingDate() + "#" + r.round()).distinct().count();
            long areas = rows.stream().map(DtmRow::pcode).distinct().count();
            LocalDate from = rows.stream().map(DtmRow::reportingDate).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate to = rows.stream().map(DtmRow::reportingDate).max(Comparator.naturalOrder()).orElseThrow();
            out.add(new OperationSummary(operation, first.admin0Name(), first.admin0Pcode(), (int) rounds,
                    (int) areas, from, to));
        });
        return out;
    }

    /**
     * Each area's latest figure at or before {@code date} (null: the latest of all), per operation; {@code level}
     * (0, 1, 2 or null for all) and {@code operation} (null for all) narrow it. For the choropleth.
     */
    public List<AreaFigure> areas(String operation, Integer level, LocalDate date, Actor actor) {
        allow(actor);
        List<DtmRow> all = database.read(c -> store.figures(c, operation, null, level, date));
        accessLog.record(AccessLog.Access.by(actor, "displacement.areas", "operation=" + operation + " level="
                + level + " date=" + date));
        Map<String, DtmRow> latest = new LinkedHashMap<>();
        // Series order (date, then round): the last seen per operation and area is the latest.
        all.forEach(r -> latest.put(r.operation() + "\u0000" + r.pcode(), r));
        return latest.values().stream().map(r -> new AreaFigure(r.pcode(), r.name(), r.level(), r.displaced(),
                r.reportingDate(), r.round(), r.operation())).toList();
    }

    /** An area's series by reporting date and round, in one operation or (null) all of them. */
    public List<TrendPoint> trend(String pcode, String operation, Actor actor) {
        allow(actor);
        Objects.requireNonNull(pcode, "pcode");
        List<DtmRow> all = database.read(c -> store.figures(c, operation, pcode, null, null));
        accessLog.record(AccessLog.Access.by(actor, "displacement.trend", "pcode=" + pcode + " operation="
                + operation));
        return all.stream().sorted(Comparator.comparing(DtmRow::reportingDate).thenComparing(DtmRow::round)
                .thenComparing(DtmRow::operation)).map(r -> new TrendPoint(r.reportingDate(), r.round(),
                r.displaced(), r.operation())).toList();
    }

    /**
     * Growth beyond {@code rule} (null: the node's default) between consecutive rounds, by reporting date, of
     * each operation's areas; the most recent first. {@code operation} null for all.
     */
    public List<Surge> surges(SurgeRule rule, String operation, Actor actor) {
        allow(actor);
        SurgeRule applied = rule == null ? defaults : rule;
        List<DtmRow> all = database.read(c -> store.figures(c, operation, null, null, null));
        accessLog.record(AccessLog.Access.by(actor, "displacement.surges", "factor=" + applied.factor() + " jump="
                + applied.jump() + " operation=" + operation));
        return Surges.find(all, applied);
    }

    private static void allow(Actor actor) {
        if (!ALLOWED.contains(actor.user().role())) {
            throw new AccessDeniedException(actor.user().role().label() + " " + actor.username()
                    + " may not read or import displacement figures: analysts and administrators do");
        }
    }
}
