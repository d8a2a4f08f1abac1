package org.ibex.watchlist;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonEntryTest {
    private static PersonEntry entry(List<String> names, String nationality, String sex, LocalDate from, LocalDate until) {
        return new PersonEntry("national", "P-1", names, null, nationality, sex, null, null, from, until,
                EntryAction.REFER_TO_SECOND_LINE);
    }

    @Test
    void theFirstNameIsPrimaryAndTheRestAreAliasesInAnyScript() {
        PersonEntry entry = entry(List.of("Ivan SIDOROV", "Иван Сидоров", "伊万"), "RUS", "M", null, null);
        assertThat(entry.primaryName()).isEqualTo("Ivan SIDOROV");
        assertThat(entry.aliases()).containsExactly("Иван Сидоров", "伊万");
    }

    @Test
    void namesAreCopiedSoTheEntryCannotChangeLater() {
        List<String> names = new ArrayList<>(List.of("Ivan SIDOROV"));
        PersonEntry entry = entry(names, null, null, null, null);
        names.add("later");
        assertThat(entry.names()).containsExactly("Ivan SIDOROV");
    }

    @Test
    void needsAPrimaryName() {
        assertThatThrownBy(() -> entry(List.of(), null, null, null, null)).isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("names must hold at least the primary name");
        assertThatThrownBy(() -> entry(List.of(" "), null, null, null, null)).hasMessageContaining("name is required");
    }

    @Test
    void rejectsANameOverThreeHundredCharactersNamingWhichOne() {
        String tooLong = "A".repeat(301);
        assertThatThrownBy(() -> entry(List.of("Ivan", tooLong), null, null, null, null))
                .isInstanceOf(InvalidEntryException.class)
                .hasMessage("names[1] is 301 characters long; the limit is 300")
                .satisfies(e -> assertThat(((InvalidEntryException) e).field()).isEqualTo("names[1]"));
        assertThat(entry(List.of("A".repeat(300)), null, null, null, null).primaryName()).hasSize(300);
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String ancient = "𓀀".repeat(300);
        assertThat(entry(List.of(ancient), null, null, null, null).primaryName()).isEqualTo(ancient);
    }

    @Test
    void rejectsAnAlpha2Nationality() {
        assertThatThrownBy(() -> entry(List.of("Ivan"), "ru", null, null, null))
                .hasMessageContaining("nationality 'ru' must be an ISO 3166-1 alpha-3 code");
    }

    @Test
    void acceptsOnlyMOrFForSex() {
        assertThatThrownBy(() -> entry(List.of("Ivan"), null, "X", null, null)).hasMessageContaining("sex 'X' must be M, F");
    }

    @Test
    void rejectsAValidityThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> entry(List.of("Ivan"), null, null, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 4, 30)))
                .hasMessage("validUntil 2024-04-30 is before validFrom 2024-05-01");
        assertThat(entry(List.of("Ivan"), null, null, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 1)).validUntil())
                .as("a single day is a valid period").isEqualTo(LocalDate.of(2024, 5, 1));
    }

    @Test
    void needsAnAction() {
        assertThatThrownBy(() -> new PersonEntry("l", "P-1", List.of("Ivan"), null, null, null, null, null, null, null, null))
                .hasMessage("action is required");
    }
}
