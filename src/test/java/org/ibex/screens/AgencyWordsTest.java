package org.ibex.screens;

import org.ibex.border.Check;
import org.ibex.border.Decision;
import org.ibex.border.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Another agency's answer at the gate reads in the officer's language, the agency's own words kept as data. */
class AgencyWordsTest {
    private static final Map<Lang, Texts> TEXTS = Texts.load();

    private static InspectionWords words(Lang lang) {
        return new InspectionWords(TEXTS.get(lang), new InspectionWords.Facts(null, null, null, null, List.of(),
                List.of(), null));
    }

    @Test
    void aWantedHitIsASentenceInFrenchNamingTheAgencyWithWhomItListsAsData() {
        List<InspectionWords.Word> reasons = words(Lang.FR).reasons(List.of(new Reason("agency-hit", Decision.REFER,
                "UTO/POL/HQ reports the traveller wanted: ANNA MARIA ERIKSSON on POLICE-WANTED (REFER, score 97)")));
        assertThat(reasons).singleElement().satisfies(word -> {
            assertThat(word.text()).contains("UTO/POL/HQ", "recherché");
            assertThat(word.english()).isEqualTo("ANNA MARIA ERIKSSON on POLICE-WANTED (REFER, score 97)");
        });
    }

    @Test
    void aPendingAnswerAndANoHitCheckAreWordsOnly() {
        InspectionWords arabic = words(Lang.AR);
        assertThat(arabic.reasons(List.of(new Reason("agency-pending", Decision.ADMIT, "no answer yet from"
                + " UTO/POL/HQ (question q-1); it will show on this crossing when it lands"))))
                .singleElement().satisfies(word -> {
                    assertThat(word.text()).contains("UTO/POL/HQ").doesNotContain("answer");
                    assertThat(word.english()).isNull();
                });
        assertThat(arabic.checks(List.of(new Check("agency-wanted", Check.Outcome.PASS, "UTO/POL/HQ: no hit"))))
                .singleElement().satisfies(word -> assertThat(word.text()).contains("UTO/POL/HQ", "لا تطابق"));
    }
}
