package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.watchlist.EntryQuery;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.WatchlistService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person form's several-valued fields without a browser: several dates and nationalities in one field, the
 * documents one per line, and hostile values answered with a page naming the field, never a 500.
 */
class WatchlistEntryValuesTest {
    private static DemoSite site;
    private static WatchlistService lists;
    private static String list;

    @BeforeAll
    static void aListOfThePost() {
        site = DemoSite.get();
        lists = site.node.services.watchlists();
        list = "wl-values-" + UUID.randomUUID().toString().substring(0, 8);
        lists.replace(new ListImport(list, "Values test list", null, null, null, null),
                List.of(WatchlistScreensTest.person(list, "P1", "QORVENT ILLASH")), List.of(),
                WatchlistScreensTest.actor("supervisor.air", Role.SUPERVISOR, "UTO-AIR"));
    }

    private static Map<String, String> form(String entryId, String... pairs) {
        Map<String, String> fields = new HashMap<>(Map.of("kind", "person", "entryId", entryId, "name", "VALUES PERSON",
                "action", "DETAIN"));
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static PersonEntry stored(String entryId) {
        return lists.entry(list, EntryQuery.Kind.PERSON, entryId,
                WatchlistScreensTest.actor("supervisor.air", Role.SUPERVISOR, "UTO-AIR")).persons().get(0);
    }

    @Test
    void severalDatesNationalitiesAndDocumentsAreStoredAsTyped() {
        PageClient supervisor = new PageClient(site).login("supervisor.air", "demo-supervisor-pass");
        HttpResponse<String> added = supervisor.post("/watchlists/list/" + list + "/add", form("V1",
                "dateOfBirth", "1959; 1964-09-18, 1961-08", "nationality", "uga; ssd", "placeOfBirth", "Gulu, Uganda",
                "documents", "B 012-3456; Passport; uga; expired 2010\n\nUG778899"));
        assertThat(added.statusCode()).as(added.body()).isIn(200, 303);
        PersonEntry v1 = stored("V1");
        assertThat(v1.datesOfBirth()).extracting(PartialDate::toString).containsExactly("1959", "1964-09-18", "1961-08");
        assertThat(v1.nationalities()).containsExactly("UGA", "SSD");
        assertThat(v1.placeOfBirth()).isEqualTo("Gulu, Uganda");
        assertThat(v1.documents()).hasSize(2);
        assertThat(v1.documents().get(0).number()).isEqualTo("B0123456");
        assertThat(v1.documents().get(0).issuingCountry()).isEqualTo("UGA");
        assertThat(v1.documents().get(0).note()).isEqualTo("expired 2010");
        assertThat(v1.documents().get(1).type()).isNull();
    }

    @Test
    void hostileValuesInTheNewFieldsAreAPageNamingTheFieldNeverAServerError() {
        PageClient supervisor = new PageClient(site).login("supervisor.air", "demo-supervisor-pass");
        String path = "/watchlists/list/" + list + "/add";
        HttpResponse<String> date = supervisor.post(path, form("H1", "dateOfBirth", "1959; 31.02.1960"));
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("href=\"#dateOfBirth\"");
        HttpResponse<String> nationality = supervisor.post(path, form("H2", "nationality", "UGA; <b>zz</b>"));
        assertThat(nationality.statusCode()).isEqualTo(400);
        assertThat(nationality.body()).contains("href=\"#nationality\"").doesNotContain("<b>zz</b>");
        HttpResponse<String> document = supervisor.post(path, form("H3", "documents", "; Passport; UGA"));
        assertThat(document.statusCode()).isEqualTo(400);
        assertThat(document.body()).contains("href=\"#documents\"");
        HttpResponse<String> country = supervisor.post(path, form("H4", "documents", "X1; Passport; Narnia"));
        assertThat(country.statusCode()).isEqualTo(400);
        assertThat(country.body()).contains("href=\"#documents\"");
        HttpResponse<String> many = supervisor.post(path, form("H5", "documents",
                String.join("\n", java.util.stream.IntStream.range(0, 60).mapToObj(i -> "N" + i).toList())));
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(many.body()).contains("href=\"#documents\"");
        HttpResponse<String> place = supervisor.post(path, form("H6", "placeOfBirth", "P".repeat(5_000)));
        assertThat(place.statusCode()).isEqualTo(400);
        assertThat(place.body()).contains("href=\"#placeOfBirth\"");
        for (HttpResponse<String> response : List.of(date, nationality, document, country, many, place)) {
            assertThat(response.body()).doesNotContain("Exception");
        }
    }
}
