package org.ibex.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewing a hit with a second person, in a real Chromium, in English and Arabic: supervisor.air finds the hit
 * among those awaiting review, reads the traveller beside the listed entry and proposes a confirmation; another
 * supervisor of the post completes it.
 */
class HitReviewBrowserTest extends BrowserTestBase {

    @Test
    void aHitIsConfirmedByTwoSupervisorsInEnglish() {
        review("en", "Confirmed");
    }

    @Test
    void aHitIsConfirmedByTwoSupervisorsInArabic() {
        review("ar", "مؤكَّد");
    }

    private void review(String locale, String confirmed) {
        HitScenario scenario = new HitScenario(site, "b" + locale);
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(locale);
        browser.login("supervisor.air", "demo-supervisor-pass");
        browser.open("/supervisor/hits");
        By link = By.cssSelector("a[href='" + scenario.reviewPath() + "']");
        browser.waitFor(link);
        assertThat(browser.text(By.cssSelector("table.hits"))).contains(scenario.documentNumber);
        browser.check(locale, "hits-list");

        browser.find(link).click();
        browser.waitFor(By.id("traveller-heading"));
        assertThat(browser.text(By.cssSelector(".hit-compare"))).contains(scenario.surname, scenario.documentNumber,
                "subject of a test case");
        browser.check(locale, "hits-review");
        browser.driver.executeScript("document.getElementById('match-heading').scrollIntoView()");
        browser.screenshot(locale, "hits-review-decision");

        browser.find(By.id("outcome")).click();
        browser.find(By.id("reason")).sendKeys("Photo, birth date and nationality agree");
        browser.find(By.cssSelector("form.hit-decision button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".notice[role=status]"));
        assertThat(browser.driver.findElements(By.cssSelector("input[value=CONFIRMED]")))
                .as("the first supervisor is not offered the second confirmation").isEmpty();
        browser.find(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("username"));

        browser.login(scenario.secondSupervisor, HitScenario.PASSWORD);
        browser.open(scenario.reviewPath());
        browser.waitFor(By.id("outcome")).click();
        browser.find(By.id("reason")).sendKeys("Checked again by a second supervisor");
        browser.find(By.cssSelector("form.hit-decision button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".notice[role=status]"));
        assertThat(browser.text(By.cssSelector("main"))).contains(confirmed, "supervisor.air",
                scenario.secondSupervisor);
        assertThat(browser.driver.findElements(By.cssSelector("form.hit-decision"))).isEmpty();
        browser.check(locale, "hits-confirmed");
        browser.find(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("username"));
    }
}
