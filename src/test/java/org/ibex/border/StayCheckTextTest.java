package org.ibex.border;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stay check an officer reads on an entry says the rule once: each rule's own text already names it, so the
 * inspection does not put the rule in front of it again ("exempt: exempt: no stay limit").
 */
class StayCheckTextTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final InspectionRules rules = new InspectionRules(18);

    @Test
    void anExemptTravellersStayCheckSaysExemptOnce() {
        assertThat(stayCheck(StayRule.exempt(), null)).isEqualTo("exempt: no stay limit");
    }

    @Test
    void aFixedRuleIsNamedOnce() {
        assertThat(stayCheck(StayRule.fixedPerEntry(30), null))
                .isEqualTo("30 days per entry: stay authorised until 2026-12-23");
    }

    @Test
    void aRollingRuleIsNamedOnce() {
        assertThat(stayCheck(StayRule.rolling(90, 180), null)).startsWith("90/180: ")
                .doesNotContain("90 days in any 180");
    }

    @Test
    void aVisaIsNamedOnce() {
        StayRule visa = StayRule.visa(TODAY.minusDays(10), TODAY.plusDays(100), null, 90);
        assertThat(stayCheck(visa, null)).startsWith("visa 2026-11-14..2027-03-04: entry 1 of multiple")
                .containsOnlyOnce("visa ");
    }

    private String stayCheck(StayRule rule, Permit permit) {
        TravelDocument document = new TravelDocument("P", "UTO", "L898902C3", "ERIKSSON", "ANNA MARIA", "UTO",
                LocalDate.of(1974, 8, 12), "F", TODAY.plusYears(3), null, null, null);
        InspectionOutcome outcome = rules.evaluate(new InspectionFacts(Direction.ENTRY, TODAY, document, List.of(), true,
                permit, rule, null, List.of(), List.of(), InspectionFacts.Fingerprints.NOT_CAPTURED));
        return outcome.checks().stream().filter(c -> c.name().equals("stay")).findFirst().orElseThrow().detail();
    }
}
