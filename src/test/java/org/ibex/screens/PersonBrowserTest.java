package org.ibex.screens;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person view in a real Chromium, in English and Arabic: found by name, it asks the purpose of the look-up
 * first, then shows the file, whose "who looked" lists this very look-up with its purpose.
 */
class PersonBrowserTest extends BrowserTestBase {
    private static HitScenario scenario;

    @BeforeAll
    static void setUp() {
        scenario = new HitScenario(site, "person");
    }

    @Test
    void aLookUpAsksItsPurposeAndIsListedInEnglish() {
        lookUp("en");
    }

    @Test
    void aLookUpAsksItsPurposeAndIsListedInArabic() {
        lookUp("ar");
    }

    private void lookUp(String locale) {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(locale);
        browser.login("supervisor.air", "demo-supervisor-pass");
        browser.open("/persons");
        browser.waitFor(By.id("q")).sendKeys(scenario.surname);
        browser.find(By.cssSelector("form.person-search button[type=submit]")).click();
        By result = By.cssSelector("a[href='/persons/" + scenario.personId + "']");
        browser.waitFor(result);
        browser.check(locale, "person-search");

        browser.find(result).click();
        browser.waitFor(By.id("purpose"));
        browser.check(locale, "person-purpose");
        String details = "case " + locale + "-" + System.nanoTime() % 100000;
        new Select(browser.find(By.id("purpose"))).selectByValue("identity");
        browser.find(By.id("details")).sendKeys(details);
        browser.find(By.cssSelector("main form button[type=submit]")).click();

        browser.waitFor(By.id("looked-heading"));
        assertThat(browser.text(By.tagName("h1"))).contains(scenario.surname);
        assertThat(browser.text(By.cssSelector("main"))).contains(scenario.documentNumber, scenario.listIdPrefix());
        assertThat(browser.text(By.cssSelector("table.who-looked tbody tr:first-child")))
                .contains("supervisor.air", "identity check: " + details);
        browser.check(locale, "person-file");
        browser.driver.executeScript("document.getElementById('looked-heading').scrollIntoView()");
        browser.screenshot(locale, "person-file-looked");
        browser.find(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("username"));
    }
}
