package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentEntryTest {
    @Test
    void normalisesNumbersToWhatTheMrzAndTheKeyboardBothReach() {
        assertThat(DocumentEntry.normaliseNumber(" ab-12.34/56 < 7 ")).isEqualTo("AB1234567");
        assertThat(DocumentEntry.normaliseNumber("C01X00T47<<")).isEqualTo("C01X00T47");
        assertThat(DocumentEntry.normaliseNumber(null)).isNull();
    }

    @Test
    void keepsTheNumberNormalised() {
        DocumentEntry entry = new DocumentEntry("sltd", "D-1", "c01x-00t4.7", "D", "P", DocumentStatus.STOLEN,
                LocalDate.of(2024, 2, 29), "Interpol");
        assertThat(entry.documentNumber()).isEqualTo("C01X00T47");
    }

    @Test
    void needsANumberThatIsNotOnlySeparators() {
        assertThatThrownBy(() -> new DocumentEntry("sltd", "D-1", " -/< ", null, null, DocumentStatus.LOST, null, null))
                .isInstanceOf(InvalidEntryException.class).hasMessageContaining("documentNumber is required");
    }

    @Test
    void needsAStatusAndAnUpperCaseIssuingState() {
        assertThatThrownBy(() -> new DocumentEntry("sltd", "D-1", "X1", "FRA", null, null, null, null))
                .hasMessageContaining("status is required");
        assertThatThrownBy(() -> new DocumentEntry("sltd", "D-1", "X1", "fra", null, DocumentStatus.LOST, null, null))
                .hasMessageContaining("issuingState 'fra' must be an ICAO state code");
    }

    @Test
    void readsAStatusInAnyCase() {
        assertThat(DocumentStatus.parse(" stolen ")).isEqualTo(DocumentStatus.STOLEN);
        assertThatThrownBy(() -> DocumentStatus.parse("missing")).hasMessageContaining("[LOST, STOLEN, REVOKED, INVALIDATED]");
    }
}
