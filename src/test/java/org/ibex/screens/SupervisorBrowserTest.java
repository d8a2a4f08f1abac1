package org.ibex.screens;

import org.ibex.border.Crossing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor's day in a real Chromium, in English and in Arabic: crossings filtered, a referral, the users. */
class SupervisorBrowserTest extends BrowserTestBase {
    private static SupervisorTestData data;

    @BeforeAll
    static void setUp() {
        data = new SupervisorTestData(site);
    }

    @Test
    void aSupervisorWorksThroughTheDayInEnglish() {
        day("en");
    }

    @Test
    void aSupervisorWorksThroughTheDayInArabic() {
        day("ar");
        assertThat(browser.find(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    }

    private void day(String lang) {
        String surname = SupervisorTestData.freshSurname("DAY");
        String sweden = SupervisorTestData.freshNumber();
        String thailand = SupervisorTestData.freshNumber();
        data.enter("officer.air", "UTO-AIR", SupervisorTestData.mrz(surname, sweden, "SWE"));
        data.enter("officer.air", "UTO-AIR", SupervisorTestData.mrz(surname, thailand, "THA"));
        String referredNumber = SupervisorTestData.freshNumber();
        String good = SupervisorTestData.mrz(SupervisorTestData.freshSurname("SECOND"), referredNumber, "FRA");
        Crossing referred = data.enter("officer.air", "UTO-AIR", SupervisorTestData.misread(good));
        String landNumber = SupervisorTestData.freshNumber();
        data.enter("officer.land", "UTO-LAND", SupervisorTestData.mrz(surname, landNumber, "SWE"));

        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(lang);
        browser.login("supervisor.air", "demo-supervisor-pass");
        browser.open("/supervisor/crossings");
        assertThat(browser.text(By.id("crossing-results"))).contains(sweden, thailand).doesNotContain(landNumber);
        browser.check(lang, "supervisor-crossings");

        browser.find(By.id("q")).sendKeys(surname);
        browser.find(By.id("nationality")).sendKeys("tha");
        browser.find(By.cssSelector("form.supervisor-filters button[type=submit]")).click();
        until(() -> {
            String results = browser.text(By.id("crossing-results"));
            return results.contains(thailand) && !results.contains(sweden);
        });
        assertThat(browser.driver.getCurrentUrl()).contains("q=" + surname, "nationality=tha");
        until(() -> !browser.find(By.id("crossing-status")).getAttribute("textContent").isBlank());
        assertThat(browser.text(By.id("crossing-results"))).doesNotContain(landNumber);
        // The screenshot shows the table the filter left, below the form.
        browser.driver.executeScript("document.getElementById('crossing-results').scrollIntoView()");
        browser.check(lang, "supervisor-crossings-filtered");

        browser.open("/supervisor/crossings?nationality=12&fromTime=9");
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.driver.getTitle()).startsWith(lang.equals("en") ? "Error:" : "");
        assertThat(browser.find(By.id("nationality")).getAttribute("aria-describedby")).contains("nationality-error");
        browser.check(lang, "supervisor-crossings-error");

        browser.open("/supervisor/referrals");
        assertThat(browser.text(By.tagName("main"))).contains(referredNumber);
        browser.check(lang, "supervisor-referrals");
        browser.find(By.cssSelector("a[href='/supervisor/referrals/" + referred.id() + "']")).click();
        WebElement mrz = browser.waitFor(By.id("mrz"));
        browser.check(lang, "supervisor-referral");
        browser.driver.executeScript("window.scrollTo(0, 0)");
        browser.screenshot(lang, "supervisor-referral-top");
        mrz.clear();
        mrz.sendKeys(good);
        browser.find(By.id("reason")).sendKeys("Document examined: the number was misread at the desk");
        browser.find(By.cssSelector("main form button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".notice[role=status]"));
        assertThat(browser.driver.getCurrentUrl()).contains("/supervisor/referrals?handled=");
        assertThat(browser.text(By.cssSelector(".notice[role=status]"))).contains("SECOND");
        assertThat(browser.find(By.cssSelector(".notice[role=status] .tag")).getAttribute("class")).contains("ok");
        assertThat(browser.driver.findElements(By.cssSelector("a[href='/supervisor/referrals/" + referred.id() + "']")))
                .isEmpty();
        browser.check(lang, "supervisor-referral-handled");

        browser.open("/supervisor/users");
        assertThat(browser.text(By.tagName("main"))).contains("officer.air", "supervisor.air")
                .doesNotContain("officer.land");
        browser.check(lang, "supervisor-users");
        browser.find(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("username"));
    }

    private static void until(java.util.function.BooleanSupplier condition) {
        // htmx replaces the results while they are read: a stale element only means "not yet".
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }
}
