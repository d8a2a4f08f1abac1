package org.ibex.displacement;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DTM figures at the node: real Sudan rounds, idempotent re-imports, audited changes, all-or-nothing, surges. */
class DisplacementTest {
    private static final Actor ANALYST = new Actor(new User("analyst", Role.ANALYST, null), "test", "local");
    private Database database;
    private Displacement displacement;

    @BeforeEach
    void freshNode() {
        database = TestDatabases.fresh();
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
        AuditLog audit = new AuditLog(clock);
        displacement = new Displacement(database, audit, new AccessLog(database, audit, clock), clock,
                DtmLimits.STANDARD, SurgeRule.STANDARD);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ImportSummary csv(String... rows) {
        return displacement.importBytes((DtmFiles.HEADER + "\n" + String.join("\n", rows) + "\n")
                .getBytes(StandardCharsets.UTF_8), "test.csv", ANALYST);
    }

    @Test
    void theSudanFileImportsWithItsReusedRoundNumbersAndAgainChangesNothing() throws IOException {
        ImportSummary first = displacement.importFile(DtmFiles.file("dtm-api-idp-admin1-sdn.json"), ANALYST);

        assertThat(first).isEqualTo(new ImportSummary(1482, 1482, 0, 0, 4, 18));
        assertThat(count()).isEqualTo(1482);
        List<OperationSummary> operations = displacement.operations(ANALYST);
        assertThat(operations).extracting(OperationSummary::operation).containsExactlyInAnyOrder("Darfur conflict",
                "Armed Clashes in Sudan", "Armed Clashes in Sudan (Monthly)", "Armed Clashes in Sudan (Overview)");
        OperationSummary darfur = operations.stream().filter(o -> o.operation().equals("Darfur conflict")).findFirst()
                .orElseThrow();
        assertThat(darfur.from()).isEqualTo(LocalDate.of(2010, 6, 30));
        assertThat(darfur.areas()).isPositive();
        // Darfur conflict reuses round numbers 1-3 in later years: both are kept, told apart by date.
        List<TrendPoint> westDarfur = displacement.trend("SD04", "Darfur conflict", ANALYST);
        assertThat(westDarfur.stream().filter(p -> p.round() == 2).map(TrendPoint::reportingDate).distinct().count())
                .isGreaterThan(1);

        ImportSummary again = displacement.importFile(DtmFiles.file("dtm-api-idp-admin1-sdn.csv"), ANALYST);
        assertThat(again.status()).isEqualTo("unchanged");
        assertThat(again.unchanged()).isEqualTo(1482);
        assertThat(count()).isEqualTo(1482);
    }

    @Test
    void theSampleImportsAtEveryAdminLevel() throws IOException {
        ImportSummary sample = displacement.importFile(DtmFiles.file("dtm-api-idp-sample.csv"), ANALYST);

        assertThat(sample.added()).isEqualTo(15);
        assertThat(displacement.areas(null, 2, null, ANALYST)).extracting(AreaFigure::pcode)
                .containsExactlyInAnyOrder("LB21", "LB32", "LB11");
        assertThat(displacement.areas("Countrywide monitoring", 0, LocalDate.of(2018, 3, 1), ANALYST))
                .singleElement().satisfies(a -> {
                    assertThat(a.displaced()).isEqualTo(1_742_461);
                    assertThat(a.round()).isEqualTo(9);
                });
    }

    @Test
    void aChangedFigureReplacesTheHeldOneAndIsAudited() throws Exception {
        csv(DtmFiles.row("Op", "UT01", "Capital District", 100, "2026-01-31", 1),
                DtmFiles.row("Op", "UT02", "Northern Hills", 200, "2026-01-31", 1));
        ImportSummary changed = csv(DtmFiles.row("Op", "UT01", "Capital District", 150, "2026-01-31", 1),
                DtmFiles.row("Op", "UT02", "Northern Hills", 200, "2026-01-31", 1));

        assertThat(changed).isEqualTo(new ImportSummary(2, 0, 1, 1, 1, 2));
        assertThat(displacement.trend("UT01", "Op", ANALYST)).extracting(TrendPoint::displaced).containsExactly(150L);
        assertThat(audit("displacement.figure")).containsExactly("Op/UT01/2026-01-31/round 1: displaced 100 -> 150"
                + " from test.csv");
        assertThat(audit("displacement.import")).hasSize(2);
    }

    @Test
    void oneBadRowImportsNothing() {
        csv(DtmFiles.row("Op", "UT01", "Capital District", 100, "2026-01-31", 1));

        assertThatThrownBy(() -> csv(DtmFiles.row("Op", "UT01", "Capital District", 999, "2026-01-31", 1),
                DtmFiles.row("Op", "UT02", "Northern Hills", 5, "2026-01-31", 1),
                DtmFiles.row("Op", "UT03", "River Plain", -1, "2026-01-31", 1)))
                .isInstanceOfSatisfying(DtmFileException.class, e -> assertThat(e.problems())
                        .containsExactly("line 4: field numPresentIdpInd: must not be negative (got '-1')"));
        assertThat(count()).isEqualTo(1);
        assertThat(displacement.trend("UT01", null, ANALYST)).extracting(TrendPoint::displaced).containsExactly(100L);
    }

    @Test
    void aCraftedRoundFromAThousandToAMillionIsASurge() {
        csv(DtmFiles.row("Op", "UT03", "River Plain", 1_000, "2026-01-31", 1),
                DtmFiles.row("Op", "UT03", "River Plain", 1_000_000, "2026-02-28", 2),
                DtmFiles.row("Op", "UT01", "Capital District", 5_000, "2026-01-31", 1),
                DtmFiles.row("Op", "UT01", "Capital District", 9_000, "2026-02-28", 2),
                DtmFiles.row("Op", "UT01", "Capital District", 18_000, "2026-03-31", 3));

        List<Surge> surges = displacement.surges(null, null, ANALYST);

        assertThat(surges).extracting(Surge::pcode).as("UT01 grows x1.8 then x2.0 (not more than x2) by under"
                + " 10,000: no surge").containsExactly("UT03");
        Surge surge = surges.get(0);
        assertThat(surge.fromDisplaced()).isEqualTo(1_000);
        assertThat(surge.toDisplaced()).isEqualTo(1_000_000);
        assertThat(surge.factor()).isEqualTo(1000.0);
        assertThat(surge.jump()).isEqualTo(999_000);
        assertThat(surge.toRound()).isEqualTo(2);
        assertThat(DisplacementCsv.surges(surges)).startsWith("operation,pcode,name,fromDate,fromRound,fromDisplaced,"
                + "toDate,toRound,toDisplaced,factor,jump\r\nOp,UT03,River Plain,2026-01-31,1,1000,2026-02-28,2,"
                + "1000000,1000.0,999000\r\n");
        assertThat(displacement.surges(new SurgeRule(1.5, 1_000_000), null, ANALYST)).extracting(Surge::pcode)
                .as("a stricter jump, a looser factor: UT01's x1.8 counts").contains("UT01", "UT03");
        assertThat(displacement.surges(new SurgeRule(2000, 1_000_000), null, ANALYST)).isEmpty();
    }

    @Test
    void areasGiveTheLatestFigureAtOrBeforeADate() {
        csv(DtmFiles.row("Op", "UT01", "Capital District", 100, "2026-01-31", 1),
                DtmFiles.row("Op", "UT01", "Capital District", 300, "2026-02-28", 2),
                DtmFiles.row("Op", "UT02", "Northern Hills", 50, "2026-01-31", 1));

        assertThat(displacement.areas("Op", 1, null, ANALYST)).extracting(AreaFigure::pcode, AreaFigure::displaced)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UT01", 300L),
                        org.assertj.core.groups.Tuple.tuple("UT02", 50L));
        assertThat(displacement.areas("Op", 1, LocalDate.of(2026, 2, 1), ANALYST)).extracting(AreaFigure::displaced)
                .containsExactly(100L, 50L);
    }

    @Test
    void utopiaDemoRoundsHoldOneSurgeInTheRiverPlain() {
        displacement.importBytes(UtopiaDtm.csv(), UtopiaDtm.RESOURCE, ANALYST);

        assertThat(displacement.surges(null, null, ANALYST)).singleElement().satisfies(s -> {
            assertThat(s.pcode()).isEqualTo("UT03");
            assertThat(s.toDisplaced()).isEqualTo(1_000_000);
        });
        assertThat(displacement.operations(ANALYST)).singleElement().satisfies(o -> {
            assertThat(o.rounds()).isEqualTo(12);
            assertThat(o.admin0Pcode()).isEqualTo("UTO");
        });
    }

    @Test
    void officersAndSupervisorsAreRefused() {
        for (Role role : List.of(Role.OFFICER, Role.SUPERVISOR)) {
            Actor actor = new Actor(new User("x", role, "POST-A"), "test", "local");
            assertThatThrownBy(() -> displacement.surges(null, null, actor)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> displacement.importBytes(UtopiaDtm.csv(), "x", actor))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(count()).isZero();
    }

    private long count() {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM dtm_figure");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private List<String> audit(String kind) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT subject, detail FROM audit_entry WHERE kind = ?"
                    + " ORDER BY seq")) {
                s.setString(1, kind);
                List<String> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1) + ": " + r.getString(2));
                    }
                }
                return out;
            }
        });
    }
}
