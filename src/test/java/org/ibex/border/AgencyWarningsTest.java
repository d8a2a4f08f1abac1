package org.ibex.border;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Other agencies' answers weigh on a decision: a hit refers, no hit passes, no answer or a refusal only warns. */
class AgencyWarningsTest {
    private static final InspectionOutcome ADMITTED = new InspectionOutcome(List.of(), List.of(), Decision.ADMIT,
            null);

    @Test
    void aWantedHitRefersTheTravellerWithTheAgencysWordsAsTheReason() {
        InspectionOutcome outcome = AgencyWarnings.add(ADMITTED, List.of(new AgencyCheck("UTO/POL/HQ", "wanted",
                AgencyCheck.Status.HIT, "ANNA ERIKSSON on POLICE-WANTED")));
        assertThat(outcome.decision()).isEqualTo(Decision.REFER);
        assertThat(outcome.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("agency-hit");
            assertThat(r.message()).contains("UTO/POL/HQ", "ANNA ERIKSSON on POLICE-WANTED");
        });
        assertThat(outcome.checks()).extracting(Check::outcome).containsExactly(Check.Outcome.FAIL);
    }

    @Test
    void noHitPassesAndAMissingOrRefusedAnswerWarnsWithoutChangingTheDecision() {
        InspectionOutcome outcome = AgencyWarnings.add(ADMITTED, List.of(
                new AgencyCheck("UTO/POL/HQ", "wanted", AgencyCheck.Status.NO_HIT, "no hit"),
                new AgencyCheck("UTO/CUS/HQ", "wanted", AgencyCheck.Status.PENDING, "question q-1"),
                new AgencyCheck("UTO/LAB/HQ", "wanted", AgencyCheck.Status.REFUSED, "expired")));
        assertThat(outcome.decision()).isEqualTo(Decision.ADMIT);
        assertThat(outcome.checks()).extracting(Check::outcome)
                .containsExactly(Check.Outcome.PASS, Check.Outcome.WARN, Check.Outcome.WARN);
        assertThat(outcome.reasons()).extracting(Reason::code).containsExactly("agency-pending", "agency-refused");
    }

    @Test
    void withoutAnswersTheOutcomeIsUntouched() {
        assertThat(AgencyWarnings.add(ADMITTED, List.of())).isSameAs(ADMITTED);
    }
}
