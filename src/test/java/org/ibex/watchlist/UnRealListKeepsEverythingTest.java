package org.ibex.watchlist;

import org.ibex.country.Countries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ibex.watchlist.TestInputs.parseFile;
import static org.ibex.watchlist.TestInputs.sharedList;

/**
 * Acceptance of issue 15 on the real UN list of 2018-10-29: every birth date, nationality and document number the
 * XML gives is kept, entry by entry. The XML is read here with the DOM, independently of the importer's StAX.
 */
class UnRealListKeepsEverythingTest {
    private static List<Element> individuals;
    private static ParsedEntries parsed;

    @BeforeAll
    static void readBothWays() throws Exception {
        var file = sharedList("un_consolidated_2018-10-29.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document dom = factory.newDocumentBuilder().parse(file.toFile());
        individuals = new ArrayList<>();
        var nodes = dom.getElementsByTagName("INDIVIDUAL");
        for (int i = 0; i < nodes.getLength(); i++) {
            individuals.add((Element) nodes.item(i));
        }
        parsed = parseFile(new UnConsolidatedListXml(), file);
    }

    @Test
    void keepsEveryIndividual() {
        assertThat(individuals).hasSize(703);
        assertThat(parsed.persons()).hasSize(703);
        assertThat(parsed.errors()).allMatch(RowError::isWarning);
    }

    @Test
    void keepsEveryListedBirthDateOfEveryPerson() {
        int listed = 0;
        int fromNotesOnly = 0;
        for (int row = 1; row <= individuals.size(); row++) {
            Element individual = individuals.get(row - 1);
            PersonEntry entry = entry(individual);
            List<String> kept = entry.datesOfBirth().stream().map(PartialDate::toString).toList();
            Set<String> expected = new LinkedHashSet<>();
            int notesOnly = 0;
            for (Element dob : children(individual, "INDIVIDUAL_DATE_OF_BIRTH")) {
                String date = text(dob, "DATE");
                String year = text(dob, "YEAR");
                String from = text(dob, "FROM_YEAR");
                String to = text(dob, "TO_YEAR");
                if (date != null) {
                    expected.add(date.substring(0, 10));
                } else if (year != null) {
                    // A NOTE may narrow the year to a month ("Sep." beside 1958): the year must still lead.
                    String y = year;
                    assertThat(kept).as("%s keeps year %s", entry.entryId(), y)
                            .anyMatch(k -> k.equals(y) || k.startsWith(y + "-"));
                    listed++;
                } else if (from != null) {
                    expected.add(from + ".." + to);
                } else if (text(dob, "NOTE") != null) {
                    notesOnly++;
                }
            }
            assertThat(kept).as("%s (row %d) keeps every DATE and range", entry.entryId(), row).containsAll(expected);
            if (notesOnly > 0) {
                assertThat(kept).as("%s: a date from its NOTE", entry.entryId()).hasSizeGreaterThanOrEqualTo(1);
            }
            listed += expected.size();
            fromNotesOnly += notesOnly;
        }
        assertThat(listed).as("DATE, YEAR and FROM_YEAR..TO_YEAR values").isEqualTo(831);
        assertThat(fromNotesOnly).as("birth dates given only in a NOTE").isEqualTo(8);
        assertThat(parsed.errors()).as("every NOTE-only date of this edition reads")
                .noneMatch(e -> e.field().equals("INDIVIDUAL_DATE_OF_BIRTH"));
        assertThat(parsed.persons().stream().mapToInt(p -> p.datesOfBirth().size()).sum()).isEqualTo(838);
    }

    @Test
    void keepsEveryNationalityATableKnowsAndWarnsAboutEachOtherByRow() {
        int values = 0;
        List<String> unread = new ArrayList<>();
        for (int row = 1; row <= individuals.size(); row++) {
            Element individual = individuals.get(row - 1);
            PersonEntry entry = entry(individual);
            for (Element nationality : children(individual, "NATIONALITY")) {
                for (Element value : children(nationality, "VALUE")) {
                    String name = value.getTextContent().strip().replaceAll("\\s+", " ");
                    if (name.isEmpty()) {
                        continue;
                    }
                    values++;
                    String code = Countries.fromName(name);
                    if (code != null) {
                        assertThat(entry.nationalities()).as("%s keeps %s", entry.entryId(), name).contains(code);
                    } else {
                        int r = row;
                        assertThat(parsed.errors()).as("%s: '%s' is reported", entry.entryId(), name).anyMatch(e ->
                                e.row() == r && e.field().equals("NATIONALITY") && e.message().contains(name));
                        if (entry.nationalities().isEmpty() || Countries.findIn(name).isEmpty()) {
                            unread.add(name);
                        }
                    }
                }
            }
        }
        assertThat(values).isEqualTo(644);
        assertThat(unread).as("values that name no country at all").containsExactlyInAnyOrder("na",
                "USSR (until 1991)");
        assertThat(parsed.persons().stream().filter(p -> p.nationalities().size() > 1)).as("persons with several")
                .hasSizeGreaterThan(10);
    }

    @Test
    void keepsEveryListedDocumentNumber() {
        int numbers = 0;
        for (int row = 1; row <= individuals.size(); row++) {
            Element individual = individuals.get(row - 1);
            PersonEntry entry = entry(individual);
            List<String> kept = entry.documents().stream().map(ListedDocument::number).toList();
            Set<String> written = new LinkedHashSet<>();
            for (Element document : children(individual, "INDIVIDUAL_DOCUMENT")) {
                String number = text(document, "NUMBER");
                if (number != null) {
                    numbers++;
                    String plain = number.toUpperCase().replaceAll("[^A-Z0-9]", "");
                    written.add(plain);
                    // The number itself, or the number inside the prose the UN wrote ("Jordan 654781", "8208 No.
                    // 555627"): its characters in the written order.
                    assertThat(kept).as("%s keeps document %s", entry.entryId(), number)
                            .anyMatch(k -> k.matches(".*\\d.*") && inOrder(k.replaceAll("[^A-Z0-9]", ""), plain));
                }
            }
            assertThat(kept.size()).as("%s: one document per number", entry.entryId())
                    .isGreaterThanOrEqualTo(written.size());
        }
        assertThat(numbers).isEqualTo(408);
        assertThat(parsed.persons().stream().mapToInt(p -> p.documents().size()).sum()).as("with numbers read from"
                + " notes").isGreaterThanOrEqualTo(408);
    }

    @Test
    void keepsSexAndEveryPlaceOfBirth() {
        for (int row = 1; row <= individuals.size(); row++) {
            Element individual = individuals.get(row - 1);
            PersonEntry entry = entry(individual);
            int r = row;
            if (parsed.errors().stream().anyMatch(e -> e.row() == r && e.field().equals("INDIVIDUAL_PLACE_OF_BIRTH"))) {
                assertThat(entry.placeOfBirth()).as("cut, with a warning").hasSize(300);
                continue;
            }
            String gender = text(individual, "GENDER");
            if ("Male".equalsIgnoreCase(gender) || "Female".equalsIgnoreCase(gender)) {
                assertThat(entry.sex()).as(entry.entryId()).isEqualTo(gender.substring(0, 1).toUpperCase());
            }
            for (Element place : children(individual, "INDIVIDUAL_PLACE_OF_BIRTH")) {
                for (String part : new String[] {text(place, "CITY"), text(place, "COUNTRY")}) {
                    if (part != null) {
                        assertThat(entry.placeOfBirth()).as(entry.entryId()).contains(part.replaceAll("\\s+", " "));
                    }
                }
            }
        }
    }

    private static boolean inOrder(String sought, String text) {
        int at = 0;
        for (char c : sought.toCharArray()) {
            at = text.indexOf(c, at) + 1;
            if (at == 0) {
                return false;
            }
        }
        return true;
    }

    private static PersonEntry entry(Element individual) {
        String id = text(individual, "REFERENCE_NUMBER");
        String key = id != null ? id : text(individual, "DATAID");
        return parsed.persons().stream().filter(p -> p.entryId().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + key));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                children.add(e);
            }
        }
        return children;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        String text = found.isEmpty() ? "" : found.get(0).getTextContent().strip();
        return text.isEmpty() ? null : text;
    }
}
