package org.ibex.watchlist;

import org.ibex.country.Countries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.watchlist.TestInputs.parseFile;
import static org.ibex.watchlist.TestInputs.sharedList;

/**
 * Acceptance of issue 15 on a real OpenSanctions export ("Ukraine War and Sanctions", every field quoted, 650
 * records across lines): every birth date, country and identifier of every person is kept. The file is read here
 * with a plain RFC 4180 loop, independently of the importer's reader.
 */
class OpenSanctionsRealListKeepsEverythingTest {
    private static List<Map<String, String>> persons;
    private static int records;
    private static ParsedEntries parsed;

    @BeforeAll
    static void readBothWays() throws Exception {
        var file = sharedList("os_ukraine_war_sanctions_targets.simple.csv");
        List<List<String>> rows = plainCsv(Files.readString(file, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        persons = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> record = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(header.get(i), row.get(i));
            }
            if (record.get("schema").equals("Person")) {
                persons.add(record);
            }
        }
        records = rows.size() - 1;
        parsed = parseFile(new OpenSanctionsSimpleCsv(), file);
    }

    @Test
    void readsEveryRecordAndEveryPerson() {
        assertThat(records).isEqualTo(5600);
        assertThat(parsed.rowsRead()).isEqualTo(5600);
        assertThat(persons).hasSize(1543);
        assertThat(parsed.persons()).hasSize(1543);
        assertThat(parsed.errors()).as("nothing in this export fails to read").isEmpty();
    }

    @Test
    void keepsEveryBirthDateCountryAndIdentifierOfEveryPerson() {
        int dates = 0;
        int countries = 0;
        int identifiers = 0;
        for (Map<String, String> person : persons) {
            PersonEntry entry = parsed.persons().stream().filter(p -> p.entryId().equals(person.get("id"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no entry " + person.get("id")));
            List<String> listedDates = values(person.get("birth_date"));
            assertThat(entry.datesOfBirth()).extracting(PartialDate::toString).as(entry.entryId())
                    .containsExactlyInAnyOrderElementsOf(listedDates);
            List<String> listedCountries = values(person.get("countries")).stream().map(Countries::fromAlpha2).toList();
            assertThat(listedCountries).as("%s: every code is ISO alpha-2", entry.entryId()).doesNotContainNull();
            assertThat(entry.nationalities()).as(entry.entryId()).containsExactlyInAnyOrderElementsOf(listedCountries);
            List<String> listedIdentifiers = values(person.get("identifiers"));
            assertThat(entry.documents()).extracting(ListedDocument::number).as(entry.entryId())
                    .containsExactlyInAnyOrderElementsOf(listedIdentifiers);
            dates += listedDates.size();
            countries += listedCountries.size();
            identifiers += listedIdentifiers.size();
        }
        assertThat(dates).isEqualTo(1491);
        assertThat(countries).isEqualTo(1159);
        assertThat(identifiers).isEqualTo(1316);
    }

    private static List<String> values(String field) {
        return Arrays.stream(field.split(";")).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /** RFC 4180 with nothing else: quotes, doubled quotes, separators and line breaks inside quotes. */
    private static List<List<String>> plainCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString().replaceFirst("\r$", ""));
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
