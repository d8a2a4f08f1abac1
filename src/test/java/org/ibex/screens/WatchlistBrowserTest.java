package org.ibex.screens;

import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.DocumentStatus;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.PersonEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watchlist management in a real Chromium, in English and Arabic: a supervisor searches a list of their post, adds,
 * edits and expires an entry; imports a file and watches the progress reach the summary; and is refused a change
 * of a national list by the server. Every list is made by the test, with names no other test uses.
 */
class WatchlistBrowserTest extends BrowserTestBase {
    private static final int IMPORT_ROWS = 10_000;

    private static void loginAs(String locale, String user, String password) {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(locale);
        browser.login(user, password);
    }

    /** A list of the supervisor's post with one findable person, an alias in Arabic, and enough others to page. */
    private static String airList(String locale) {
        String id = "wl-br-" + locale + "-" + UUID.randomUUID().toString().substring(0, 6);
        List<PersonEntry> persons = new ArrayList<>();
        persons.add(new PersonEntry(id, "P-000", List.of("ZORVANTH QUELLIMOR", "زورفانث كويليمور"), null, "UTO", "M",
                "test entry", "browser test", null, null, EntryAction.REFER_TO_SECOND_LINE));
        Random random = new Random(11);
        for (int i = 1; i <= 30; i++) {
            persons.add(new PersonEntry(id, String.format("P-%03d", i), List.of(name(random)), null, null, null,
                    "filler", "browser test", null, null, EntryAction.NOTIFY_AUTHORITY));
        }
        site.node.services.watchlists().replace(new ListImport(id, "Browser list " + locale, null, null, null, null),
                persons, List.of(new DocumentEntry(id, "D-1", "XK" + id.hashCode(), "UTO", "P", DocumentStatus.LOST,
                        null, "browser test")), WatchlistScreensTest.actor("supervisor.air",
                        org.ibex.access.Role.SUPERVISOR, "UTO-AIR"));
        return id;
    }

    /** A made-up two-word name, unlike any traveller of the demo. */
    private static String name(Random random) {
        String[] syllables = {"QWA", "ZOR", "XEL", "VRU", "KIZ", "POQ", "YUX", "JEV", "WUZ", "FIQ"};
        StringBuilder name = new StringBuilder();
        for (int word = 0; word < 2; word++) {
            for (int s = 0; s < 3; s++) {
                name.append(syllables[random.nextInt(syllables.length)]);
            }
            name.append(word == 0 ? " " : "");
        }
        return name.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void aSupervisorSearchesAddsEditsAndExpiresAnEntry(String locale) {
        String list = airList(locale);
        loginAs(locale, "supervisor.air", "demo-supervisor-pass");
        browser.open("/watchlists");
        assertThat(browser.text(By.cssSelector("table.watchlists"))).contains(list);
        browser.check(locale, "watchlist-lists");

        browser.find(By.cssSelector("a[href='/watchlists/list/" + list + "']")).click();
        browser.waitFor(By.cssSelector(".wl-paging .wl-next"));
        assertThat(browser.driver.findElements(By.cssSelector("table.wl-entries tbody tr"))).hasSize(25);
        browser.check(locale, "watchlist-entries");

        browser.find(By.id("q")).sendKeys("كويليمور");
        browser.find(By.cssSelector("form.wl-search button[type=submit]")).click();
        browser.waitFor(By.id("wl-entries"));
        assertThat(browser.driver.findElements(By.cssSelector("table.wl-entries tbody tr"))).hasSize(1);
        assertThat(browser.text(By.cssSelector("table.wl-entries"))).contains("P-000", "ZORVANTH QUELLIMOR");
        browser.driver.executeScript("document.getElementById('wl-entries').scrollIntoView()");
        browser.check(locale, "watchlist-search");

        browser.find(By.cssSelector("a[href$='/add?kind=person']")).click();
        browser.waitFor(By.id("entryId")).sendKeys("NEW-1");
        browser.check(locale, "watchlist-add");
        browser.find(By.id("name")).sendKeys("TARQUELLO VENDRASH");
        browser.find(By.id("nationality")).sendKeys("utopia");
        browser.find(By.cssSelector("form.wl-form button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".error-summary a[href='#nationality']"));
        assertThat(browser.find(By.id("nationality")).getAttribute("aria-describedby")).contains("nationality-error");
        browser.check(locale, "watchlist-add-error");
        browser.find(By.id("nationality")).clear();
        browser.find(By.id("nationality")).sendKeys("UTO");
        browser.find(By.cssSelector("form.wl-form button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".wl-done"));

        browser.find(By.cssSelector("a[href*='/edit?kind=person&entry=NEW-1']")).click();
        WebElement name = browser.waitFor(By.id("name"));
        assertThat(name.getAttribute("value")).isEqualTo("TARQUELLO VENDRASH");
        name.clear();
        name.sendKeys("TARQUELLO VENDRASH MOLL");
        new Select(browser.find(By.id("action"))).selectByValue("DETAIN");
        browser.check(locale, "watchlist-edit");
        browser.find(By.cssSelector("form.wl-form button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".wl-done"));
        assertThat(browser.text(By.cssSelector("table.wl-entries"))).contains("TARQUELLO VENDRASH MOLL");

        browser.find(By.cssSelector("a[href*='/expire?kind=person&entry=NEW-1']")).click();
        browser.waitFor(By.id("reason")).sendKeys("cleared by the court (browser test)");
        browser.check(locale, "watchlist-expire");
        browser.find(By.cssSelector("form.wl-form button.warning")).click();
        browser.waitFor(By.cssSelector(".wl-done"));
        WebElement row = browser.driver.findElements(By.cssSelector("table.wl-entries tbody tr")).stream()
                .filter(r -> r.getText().contains("NEW-1")).findFirst().orElseThrow();
        assertThat(row.findElements(By.cssSelector(".tag.error"))).hasSize(1);
        assertThat(row.findElements(By.cssSelector("a[href*='expire']"))).isEmpty();
        browser.driver.executeScript("arguments[0].scrollIntoView()", row);
        browser.screenshot(locale, "watchlist-expired");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void anImportShowsItsProgressThenItsSummary(String locale) throws IOException {
        Path file = Files.createTempFile("wl-browser-import", ".csv");
        try {
            StringBuilder csv = new StringBuilder("id,name,nationality\n");
            Random random = new Random(locale.hashCode());
            for (int i = 0; i < IMPORT_ROWS; i++) {
                csv.append("IMP-").append(i).append(',').append(name(random)).append(",UTO\n");
            }
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            String list = "wl-br-imp-" + locale + "-" + UUID.randomUUID().toString().substring(0, 6);
            loginAs(locale, "supervisor.air", "demo-supervisor-pass");
            browser.open("/watchlists/import");
            browser.screenshot(locale, "watchlist-import");
            browser.find(By.id("list")).sendKeys(list);
            browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            long started = System.nanoTime();
            browser.find(By.cssSelector("form.wl-form button[type=submit]")).click();
            browser.waitFor(By.id("wl-import"));
            boolean sawProgress = browser.driver.findElements(By.cssSelector(".wl-import-done")).isEmpty();
            if (sawProgress) {
                assertThat(browser.driver.findElements(By.cssSelector("#wl-import[hx-trigger='every 1s'] progress")))
                        .hasSize(1);
                browser.check(locale, "watchlist-import-progress");
            }
            new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                    .until(d -> !d.findElements(By.cssSelector(".wl-import-done")).isEmpty());
            System.out.printf("watchlist import of %d rows: %d ms, progress seen: %s%n", IMPORT_ROWS,
                    (System.nanoTime() - started) / 1_000_000, sawProgress);
            assertThat(sawProgress).as("the import page showed its progress before the summary").isTrue();
            assertThat(browser.text(By.cssSelector(".wl-added"))).isNotEmpty();
            assertThat(site.node.services.watchlists().personCount(list)).isEqualTo(IMPORT_ROWS);
            browser.check(locale, "watchlist-import-done");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void aSupervisorIsRefusedAChangeOfANationalList(String locale) {
        loginAs(locale, "supervisor.air", "demo-supervisor-pass");
        browser.open("/watchlists/list/national-alerts");
        browser.waitFor(By.cssSelector(".wl-refusal"));
        assertThat(browser.driver.findElements(By.cssSelector("a[href*='/add?kind']"))).isEmpty();
        browser.check(locale, "watchlist-refusal");
        browser.open("/watchlists/list/national-alerts/add?kind=person");
        assertThat(browser.driver.findElements(By.id("entryId"))).isEmpty();
        assertThat(browser.text(By.tagName("h1"))).isNotBlank();
        browser.check(locale, "watchlist-forbidden");
    }
}
