package org.ibex.screens;

import org.ibex.border.Decision;
import org.ibex.border.RecordedCrossing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst at work in a real Chromium, in English and Arabic: the home with its overstay alerts, the overstayers filtered (htmx) down to a
 * traveller this test records, the CSV of the same filter, and the API documentation rendered by swagger-ui under
 * the page's strict CSP.
 */
class AnalystBrowserTest extends BrowserTestBase {
    private static String surname;
    private static LocalDate later;
    /** The day the crossing happened at UTO-SEA, in the post's zone: after 22:00 UTC it is already tomorrow there. */
    private static LocalDate entered;

    /** A traveller whose overstay alert is withdrawn: their exit came after the alert. */
    private static String departed;

    @BeforeAll
    static void setUp() {
        Random random = new Random();
        surname = freshSurname(random);
        later = enterThai(site, surname);
        departed = freshSurname(random);
        enterThai(site, departed);
        // Alerts as a sweep on the day both overstay raises them; then one traveller's exit withdraws theirs.
        site.node.services.stays().alerts().sweep(later);
        RecordedCrossing exit = site.node.services.border().record(new org.ibex.border.CrossingRequest(null,
                org.ibex.border.Direction.EXIT, "UTO-SEA", null, AnalystScreensHttpTest.mrz(departed,
                "T" + departed.substring(departed.length() - 6) + "1"), null, null, null, null),
                AnalystScreensHttpTest.seaOfficer());
        site.node.database.inTransaction(connection -> {
            site.node.services.stays().alerts().reconsider(connection, java.util.Set.of(exit.crossing().personId()),
                    "UTO-SEA");
            return null;
        });
    }

    /** A surname no other test uses: MRZ names are A to Z only. */
    static String freshSurname(Random random) {
        StringBuilder name = new StringBuilder("STAYLONG");
        for (int i = 0; i < 6; i++) {
            name.append((char) ('A' + random.nextInt(26)));
        }
        return name.toString();
    }

    /** A Thai passport (30 days a stay in the demo's rules) entering today at UTO-SEA; the day returned it overstays. */
    static LocalDate enterThai(DemoSite site, String surname) {
        String number = "T" + surname.substring(surname.length() - 6) + "1";
        RecordedCrossing recorded = site.node.services.border().record(AnalystScreensHttpTest.entry(surname, number),
                AnalystScreensHttpTest.seaOfficer());
        assertThat(recorded.crossing().decision()).isEqualTo(Decision.ADMIT);
        entered = recorded.crossing().localDate();
        return site.node.services.stays().today().plusDays(45);
    }

    @Test
    void anAnalystFiltersOverstayersAndDownloadsThemInEnglish() {
        flow("en");
    }

    @Test
    void anAnalystFiltersOverstayersAndDownloadsThemInArabic() {
        flow("ar");
    }

    private void flow(String lang) {
        long started = System.nanoTime();
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(lang);
        browser.login("analyst", "demo-analyst-pass");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/analyst");
        assertThat(browser.find(By.tagName("html")).getAttribute("dir")).isEqualTo("ar".equals(lang) ? "rtl" : "ltr");
        assertThat(browser.find(By.cssSelector(".analyst-dashboard-link a[href=\"/analyst/dashboard\"]")).isDisplayed()).isTrue();
        assertThat(browser.text(By.cssSelector(".analyst-alerts tbody"))).as("the newest alerts, open and withdrawn")
                .contains(surname, departed, "exit recorded at UTO-SEA");
        browser.check(lang, "analyst-home");
        browser.driver.executeScript("document.querySelector('.analyst-alerts').scrollIntoView();");
        browser.screenshot(lang, "analyst-alerts");

        browser.find(By.cssSelector(".main-nav a[href='/analyst/overstayers']")).click();
        browser.waitFor(By.id("nationality"));
        browser.check(lang, "analyst-overstayers");

        browser.find(By.id("nationality")).sendKeys("T1");
        WebElement before = browser.find(By.id("overstayers"));
        browser.find(By.cssSelector(".analyst-filters button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> !isAttached(before));
        browser.waitFor(By.cssSelector("#overstayers .error-summary a[href='#nationality']"));
        assertThat(browser.driver.getTitle()).startsWith("ar".equals(lang) ? "خطأ:" : "Error:");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("class")).contains("error-summary");
        assertThat(browser.find(By.id("nationality")).getAttribute("aria-describedby")).contains("nationality-error");
        browser.check(lang, "analyst-error");
        browser.find(By.id("nationality")).clear();
        browser.find(By.id("nationality")).sendKeys("tha");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("post"))).selectByValue("UTO-SEA");
        browser.find(By.id("minDays")).sendKeys("1");
        // A date input types in the browser's own format; setting its value is what a date picker does.
        browser.driver.executeScript("document.getElementById('asOf').value = arguments[0];", later.toString());
        WebElement stale = browser.find(By.id("overstayers"));
        browser.find(By.cssSelector(".analyst-filters button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> !isAttached(stale) && d.findElement(By.id("overstayers")).getText().contains(surname));
        assertThat(browser.driver.getCurrentUrl()).as("htmx keeps the filter in the address")
                .contains("nationality=THA", "post=UTO-SEA", "asOf=" + later);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("results-heading");
        assertThat(browser.find(By.cssSelector(".analyst-table tbody")).getText()).contains(surname)
                .doesNotContain("FRA ");
        browser.check(lang, "analyst-filtered");

        String csvLink = browser.find(By.cssSelector(".analyst-paging a[download]")).getAttribute("href");
        String session = browser.driver.manage().getCookieNamed(Shell.SESSION_COOKIE).getValue();
        HttpResponse<byte[]> csv = new PageClient(site).withSession(session)
                .bytes(csvLink.substring(site.url("").length()));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment;"));
        String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFpersonId,surname,givenNames,nationality,dateOfBirth,sex,documentCode,"
                + "documentNumber,issuingState,documentExpiry,entryPost,entered,stayEndsOn,overstayDays,daysUsed,rule");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("," + surname + ",SOMCHAI,THA,1985-03-09,M,P,")
                .contains(",UTO-SEA," + entered + ","));

        browser.find(By.cssSelector(".main-nav a[href='/docs/api']")).click();
        browser.waitFor(By.cssSelector("#swagger-ui #operations-tag-stays")).click();
        browser.waitFor(By.cssSelector("#swagger-ui .opblock"));
        assertThat(browser.text(By.cssSelector("#swagger-ui"))).contains("/api/overstayers", "/api/persons/{id}/stay",
                "crossings", "admin");
        browser.check(lang, "docs-api");
        System.out.printf("analyst flow in %s: %d ms%n", lang, (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean isAttached(WebElement element) {
        try {
            element.isEnabled();
            return true;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return false;
        }
    }
}
