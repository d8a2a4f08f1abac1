package org.ibex.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MrzReadingTest {
    private static final MrzIssue ISSUE = new MrzIssue("sex", "sex", "sex must be M, F or <, found 'Q'",
            new MrzPosition(2, 21, 1));

    @Test
    void cannotClaimValidityWhileHoldingErrors() {
        assertThatThrownBy(() -> reading(true, List.of(ISSUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid must be false");
        assertThatThrownBy(() -> reading(false, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesValidityFromErrors() {
        assertThat(MrzReading.validity(List.of())).isTrue();
        assertThat(MrzReading.validity(List.of(ISSUE))).isFalse();
    }

    @Test
    void copiesItsListsSoLaterChangesDoNotLeakIn() {
        List<MrzIssue> errors = new ArrayList<>(List.of(ISSUE));
        MrzReading r = reading(false, errors);
        errors.clear();

        assertThat(r.errors()).hasSize(1);
        assertThatThrownBy(() -> r.errors().add(ISSUE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> TestMrz.parse(TestMrz.TD3_1, TestMrz.TD3_2).lines().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static MrzReading reading(boolean valid, List<MrzIssue> errors) {
        return new MrzReading(valid, MrzFormat.TD3, "P", "UTO", "ERIKSSON", "ANNA", "L898902C3", "UTO", null, null,
                "Q", "", null, List.of(), errors, List.of(), List.of());
    }
}
