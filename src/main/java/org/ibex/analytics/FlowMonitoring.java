package org.ibex.analytics;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.disclosure.DisclosureControl;
import org.ibex.disclosure.ProtectedTable;
import org.ibex.disclosure.TwoWayTable;
import org.ibex.input.FieldRuleException;
import org.ibex.store.CsvWriter;
import org.ibex.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Border crossings as DTM flow-monitoring indicators: per month and direction, travellers by destination area (the
 * admin area of the post, by p-code) and by origin, sex and age band, in the column layout of DTM's tables. Each
 * month and direction is one two-way table (area by origin-sex-age) under disclosure control, its totals published
 * as rows whose origin is {@code all}; a suppressed figure is left empty.
 */
public final class FlowMonitoring {
    public static final String OPERATION = "Border flow monitoring";
    /** DTM's assessment type for a flow monitoring point. */
    public static final String ASSESSMENT = "FMP";
    static final String ALL = "all";
    private static final String UNKNOWN_AREA = "unknown";
    private final Flows flows;
    private final Database database;
    private final AccessLog accessLog;

    public FlowMonitoring(Flows flows, Database database, AccessLog accessLog) {
        this.flows = flows;
        this.database = database;
        this.accessLog = accessLog;
    }

    /** One published figure; {@code individuals} is null when suppressed. */
    public record Indicator(String admin0Name, String admin0Pcode, String admin1Name, String admin1Pcode,
                            String direction, String origin, String sex, String ageBand, Long individuals,
                            LocalDate reportingDate, int roundNumber) {
    }

    /** The indicators of whole months {@code from}..{@code to}, the state named {@code admin0} (p-code and name). */
    public List<Indicator> indicators(LocalDate from, LocalDate to, String admin0Pcode, String admin0Name,
                                      int threshold, Actor actor) {
        if (threshold < FlowExports.MIN_THRESHOLD) {
            throw new FieldRuleException("threshold", "minimum", "threshold must be at least "
                    + FlowExports.MIN_THRESHOLD + " (got " + threshold + ")");
        }
        FlowTable table = flows.crossings(new FlowQuery(List.of(FlowDimension.MONTH, FlowDimension.DIRECTION,
                FlowDimension.POST, FlowDimension.NATIONALITY, FlowDimension.SEX, FlowDimension.AGE_BAND), from, to,
                Map.of()), actor);
        Map<String, String[]> areas = postAreas();
        Map<String, String> areaNames = new HashMap<>();
        Map<List<String>, List<TwoWayTable.Entry>> tables = new TreeMap<>(java.util.Comparator.comparing(
                (List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (FlowTable.Row row : table.rows()) {
            List<String> k = row.keys();
            String[] area = areas.getOrDefault(k.get(2), new String[] {UNKNOWN_AREA, null});
            areaNames.putIfAbsent(area[0], area[1]);
            tables.computeIfAbsent(List.of(k.get(0), k.get(1)), x -> new ArrayList<>()).add(new TwoWayTable.Entry(
                    area[0], k.get(3) + "|" + k.get(4) + "|" + k.get(5), row.crossings()));
        }
        DisclosureControl control = new DisclosureControl(threshold, 0);
        List<String> months = new ArrayList<>();
        List<Indicator> out = new ArrayList<>();
        int suppressed = 0;
        for (Map.Entry<List<String>, List<TwoWayTable.Entry>> one : tables.entrySet()) {
            String month = one.getKey().get(0);
            if (!months.contains(month)) {
                months.add(month);
            }
            LocalDate first = LocalDate.parse(month + "-01");
            LocalDate reported = first.withDayOfMonth(first.lengthOfMonth());
            int round = (first.getYear() - from.getYear()) * 12 + first.getMonthValue() - from.getMonthValue() + 1;
            ProtectedTable safe = control.protect(TwoWayTable.tabulate("area", "origin", one.getValue()));
            suppressed += safe.suppressed() + safe.suppressedTotals();
            String direction = one.getKey().get(1);
            for (int r = 0; r < safe.rowLabels().size(); r++) {
                String pcode = safe.rowLabels().get(r);
                for (int c = 0; c < safe.columnLabels().size(); c++) {
                    String[] cell = safe.columnLabels().get(c).split("\\|", -1);
                    out.add(new Indicator(admin0Name, admin0Pcode, areaNames.get(pcode), pcode, direction, cell[0],
                            cell[1], cell[2], safe.cell(r, c), reported, round));
                }
                out.add(new Indicator(admin0Name, admin0Pcode, areaNames.get(pcode), pcode, direction, ALL, ALL,
                        ALL, safe.rowTotals().get(r), reported, round));
            }
            for (int c = 0; c < safe.columnLabels().size(); c++) {
                String[] cell = safe.columnLabels().get(c).split("\\|", -1);
                out.add(new Indicator(admin0Name, admin0Pcode, null, ALL, direction, cell[0], cell[1], cell[2],
                        safe.columnTotals().get(c), reported, round));
            }
            out.add(new Indicator(admin0Name, admin0Pcode, null, ALL, direction, ALL, ALL, ALL, safe.total(),
                    reported, round));
        }
        accessLog.record(AccessLog.Access.by(actor, "stats.export", "flow monitoring " + from + ".." + to
                + " threshold=" + threshold + " suppressed=" + suppressed));
        return out;
    }

    /** The indicators in DTM's column layout (the API's CSV), suppressed figures empty. */
    public static String csv(List<Indicator> indicators) {
        CsvWriter csv = new CsvWriter().row(List.of("id", "operation", "admin0Name", "admin0Pcode", "admin1Name",
                "admin1Pcode", "admin2Name", "admin2Pcode", "direction", "origin", "sex", "ageBand", "individuals",
                "reportingDate", "yearReportingDate", "monthReportingDate", "roundNumber", "assessmentType"));
        long id = 1;
        for (Indicator i : indicators) {
            List<Object> line = new ArrayList<>();
            line.add(id++);
            line.add(OPERATION);
            line.add(i.admin0Name());
            line.add(i.admin0Pcode());
            line.add(i.admin1Name());
            line.add(i.admin1Pcode());
            line.add(null);
            line.add(null);
            line.add(i.direction());
            line.add(i.origin());
            line.add(i.sex());
            line.add(i.ageBand());
            line.add(i.individuals());
            line.add(i.reportingDate() + "T00:00:00");
            line.add(i.reportingDate().getYear());
            line.add(i.reportingDate().getMonthValue());
            line.add(i.roundNumber());
            line.add(ASSESSMENT);
            csv.row(line);
        }
        return csv.toString();
    }

    /** Each post's admin area: p-code (or "unknown") and name. */
    private Map<String, String[]> postAreas() {
        return database.read(connection -> {
            Map<String, String[]> areas = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, area_pcode, area_name FROM post");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String pcode = row.getString(2);
                    areas.put(row.getString(1), new String[] {pcode == null ? UNKNOWN_AREA : pcode,
                            row.getString(3)});
                }
            }
            return areas;
        });
    }
}
