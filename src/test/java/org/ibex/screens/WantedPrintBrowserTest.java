package org.ibex.screens;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wanted persons' fingerprints in a real Chromium, in English and Arabic: the list manager flags the demo's first
 * enrolled traveller with a reason (a flag without one is refused on its field), an officer's search for an
 * undocumented arrival with another impression of the same finger warns that the person is wanted, and the list
 * manager lifts the flag with a reason.
 */
class WantedPrintBrowserTest extends BrowserTestBase {
    private static final Path FVC = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "fingerprints",
            "fvc2002", "DB1_B");

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void aFlaggedPersonIsNamedAsWantedAtAnArrivalUntilTheFlagIsLifted(String lang) {
        long personId = firstEnrolledPerson();
        logIn(lang, "listmanager", "demo-listmanager-pass");
        browser.open("/wanted-prints");
        browser.find(By.id("personId")).sendKeys(Long.toString(personId));
        browser.find(By.cssSelector("form[action='/wanted-prints'] button[type=submit]")).click();
        browser.waitFor(By.id("reason-error"));
        assertThat(browser.find(By.id("reason")).getAttribute("aria-describedby")).contains("reason-error");
        browser.check(lang, "wanted-prints-error");

        browser.find(By.id("reason")).sendKeys("arrest warrant 2026/114 — call the national police duty desk");
        browser.find(By.cssSelector("form[action='/wanted-prints'] button[type=submit]")).click();
        browser.waitFor(By.cssSelector("p.notice[role=status]"));
        assertThat(browser.driver.findElements(By.cssSelector("table[aria-labelledby=flagged-heading] .tag.error")))
                .hasSize(1);
        browser.check(lang, "wanted-prints");

        logIn(lang, "officer.air", "demo-officer-pass");
        browser.open("/arrivals");
        browser.waitFor(By.cssSelector("form.arrival-capture"));
        browser.find(By.id("finger-2")).sendKeys(FVC.resolve("101_4.tif").toAbsolutePath().normalize().toString());
        browser.find(By.cssSelector("form.arrival-capture button[type=submit]")).click();
        browser.waitFor(By.id("wanted"));
        assertThat(browser.text(By.id("wanted"))).contains("arrest warrant 2026/114");
        browser.check(lang, "arrival-wanted");

        logIn(lang, "listmanager", "demo-listmanager-pass");
        browser.open("/wanted-prints");
        browser.find(By.cssSelector("form.wanted-lift input[name=liftReason]")).sendKeys("warrant withdrawn");
        browser.find(By.cssSelector("form.wanted-lift button[type=submit]")).click();
        browser.waitFor(By.cssSelector("p.notice[role=status]"));
        assertThat(browser.driver.findElements(By.cssSelector("form.wanted-lift"))).isEmpty();
        assertThat(browser.text(By.cssSelector("table[aria-labelledby=flagged-heading]"))).contains("warrant withdrawn");
    }

    private static void logIn(String lang, String user, String password) {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(lang);
        browser.login(user, password);
    }

    /** DemoFingerprints enrolled impression 1 of DB1_B 101 as the first traveller's right index. */
    private static long firstEnrolledPerson() {
        return site.node.database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT person_id FROM biometric_subject"
                    + " WHERE withdrawn_at IS NULL AND person_id IS NOT NULL ORDER BY id");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
