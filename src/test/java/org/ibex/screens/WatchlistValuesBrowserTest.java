package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.EntryQuery;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.ListedDocument;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a list says about a person is on the screens, in English and Arabic: the entries page shows every
 * birth date, nationality and document and the place of birth; the edit form holds them all, takes several dates
 * and nationalities separated by ";" and keeps what it was not asked to change; the hit review shows them beside
 * the traveller.
 */
class WatchlistValuesBrowserTest extends BrowserTestBase {

    private static String listWithKony(String locale) {
        String id = "wl-val-" + locale + "-" + UUID.randomUUID().toString().substring(0, 6);
        site.node.services.watchlists().replace(new ListImport(id, "Values " + locale, null, null, null, null),
                List.of(new PersonEntry(id, "CFi.009", List.of("JOSEPH KONY", "جوزيف كوني"),
                        List.of(PartialDate.parse("1959"), PartialDate.parse("1964-09-18"), PartialDate.parse("1961-08")),
                        List.of("UGA", "SSD"), "M", "Odek, Omoro, Gulu", List.of(
                        new ListedDocument("B0123456", "Passport", "UGA", "expired"),
                        new ListedDocument("UG-778899", "National Identification Number", null, null)),
                        "LRA commander", "browser test", null, null, EntryAction.REFUSE_ENTRY)), List.of(),
                WatchlistScreensTest.actor("supervisor.air", Role.SUPERVISOR, "UTO-AIR"));
        return id;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void theEntriesAndTheFormShowEveryDateNationalityAndDocument(String locale) {
        String list = listWithKony(locale);
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(locale);
        browser.login("supervisor.air", "demo-supervisor-pass");
        browser.open("/watchlists/list/" + list);
        browser.waitFor(By.id("wl-entries"));
        String row = browser.text(By.cssSelector("table.wl-entries tbody tr"));
        assertThat(row).contains("1959", "1964-09-18", "1961-08", "UGA", "SSD", "Odek, Omoro, Gulu", "B0123456",
                "Passport", "UG778899", "National Identification Number");
        browser.driver.executeScript("document.getElementById('wl-entries').scrollIntoView()");
        browser.check(locale, "watchlist-entry-values");

        browser.find(By.cssSelector("a[href*='/edit?kind=person&entry=CFi.009']")).click();
        WebElement dates = browser.waitFor(By.id("dateOfBirth"));
        assertThat(dates.getAttribute("value")).isEqualTo("1959; 1964-09-18; 1961-08");
        assertThat(browser.find(By.id("nationality")).getAttribute("value")).isEqualTo("UGA; SSD");
        assertThat(browser.find(By.id("placeOfBirth")).getAttribute("value")).isEqualTo("Odek, Omoro, Gulu");
        assertThat(browser.find(By.id("documents")).getAttribute("value"))
                .isEqualTo("B0123456; Passport; UGA; expired\nUG778899; National Identification Number");
        browser.driver.executeScript("document.getElementById('aliases').scrollIntoView()");
        browser.check(locale, "watchlist-edit-values");

        dates.sendKeys("; 1960");
        WebElement nationality = browser.find(By.id("nationality"));
        nationality.clear();
        nationality.sendKeys("uga; ssd; caf");
        browser.find(By.id("documents")).sendKeys("\nZZ-1; ; narnia");
        browser.find(By.cssSelector("form.wl-form button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".error-summary a[href='#documents']"));
        assertThat(browser.find(By.id("documents")).getAttribute("aria-describedby")).contains("documents-error");
        browser.driver.executeScript("document.getElementById('documents').scrollIntoView()");
        browser.check(locale, "watchlist-edit-values-error");

        WebElement documents = browser.find(By.id("documents"));
        documents.clear();
        documents.sendKeys("B0123456; Passport; UGA; expired\nUG778899; National Identification Number\nZZ-1; ; CAF");
        browser.find(By.cssSelector("form.wl-form button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".wl-done"));
        PersonEntry stored = site.node.services.watchlists().entry(list, EntryQuery.Kind.PERSON, "CFi.009",
                WatchlistScreensTest.actor("supervisor.air", Role.SUPERVISOR, "UTO-AIR")).persons().get(0);
        assertThat(stored.datesOfBirth()).extracting(PartialDate::toString)
                .containsExactly("1959", "1964-09-18", "1961-08", "1960");
        assertThat(stored.nationalities()).containsExactly("UGA", "SSD", "CAF");
        assertThat(stored.placeOfBirth()).isEqualTo("Odek, Omoro, Gulu");
        assertThat(stored.documents()).extracting(ListedDocument::number).containsExactly("B0123456", "UG778899", "ZZ1");
        assertThat(stored.documents().get(2).issuingCountry()).isEqualTo("CAF");
        assertThat(stored.names()).containsExactly("JOSEPH KONY", "جوزيف كوني");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void theHitReviewShowsEverythingTheListSaysBesideTheTraveller(String locale) {
        HitScenario scenario = new HitScenario(site, "v" + locale);
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(locale);
        browser.login("supervisor.air", "demo-supervisor-pass");
        browser.open(scenario.reviewPath());
        browser.waitFor(By.id("listed-heading"));
        String listed = browser.text(By.cssSelector("section[aria-labelledby=listed-heading]"));
        assertThat(listed).contains("1980", "1979-12-30", "UTO", "D", "Utopia Harbour", "HX998877", "Passport",
                "reported stolen");
        browser.driver.executeScript("document.getElementById('listed-heading').scrollIntoView()");
        browser.check(locale, "hits-review-values");
    }
}
