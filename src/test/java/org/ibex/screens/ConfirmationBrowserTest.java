package org.ibex.screens;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity confirmation in a real Chromium on two states' nodes, in English and Arabic: XXB's supervisor finds no one
 * nationally, asks UTO and watches the hit land on the open arrival page, reads the verified deletion receipt and
 * asks for a release; UTO's supervisor approves it in part with the quota in view; XXB reads what was released. An
 * officer's probe of an unknown person comes back no hit; UTO's analyst shows the oversight view.
 */
class ConfirmationBrowserTest {
    private static ConfirmationSite site;
    private static Browser browser;

    @BeforeAll
    static void open() {
        site = ConfirmationSite.get();
        browser = new Browser(site.requester.url(""), 1280, 900);
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void aNationalNoHitIsAskedOfAPartnerAndTheHitReleasedInPartAfterApproval(String lang) {
        logIn(site.requester, lang, "supervisor.air", "demo-supervisor-pass");
        identify(ConfirmationSite.knownPrintFile().toString());
        scrollTo("partners");
        browser.check(lang, "confirm-arrival-partners");

        browser.find(By.cssSelector("form[action$='/partner-probes'] button[type=submit]"));
        new Select(browser.find(By.id("partner"))).selectByValue(ConfirmationSite.UTO);
        new Select(browser.find(By.id("purpose"))).selectByValue(ConfirmationSite.PURPOSE);
        browser.find(By.id("case")).sendKeys("XB/2026/" + lang);
        browser.clickToNextPage(By.cssSelector("form[action$='/partner-probes'] button[type=submit]"));
        awaitAnswer();
        assertThat(browser.find(By.cssSelector("#partner-probes td:nth-child(4) .tag")).getAttribute("class"))
                .contains("warn");
        scrollTo("partners");
        browser.check(lang, "confirm-arrival-hit");

        browser.clickToNextPage(By.cssSelector("#partner-probes td:first-child a"));
        browser.waitFor(By.id("receipt"));
        assertThat(browser.find(By.cssSelector("#receipt .tag")).getAttribute("class")).contains("ok");
        browser.check(lang, "confirm-probe-hit");
        browser.find(By.id("category-biographic")).click();
        browser.find(By.id("category-travel-history")).click();
        browser.find(By.id("category-documents")).click();
        scrollTo("release-heading");
        browser.check(lang, "confirm-release-form");
        browser.clickToNextPage(By.cssSelector("form[action$='/releases'] button[type=submit]"));
        browser.waitFor(By.cssSelector("section[id^='release-']"));
        scrollTo("releases-heading");
        browser.check(lang, "confirm-release-waiting");

        logIn(site.responder, lang, "supervisor.air", "demo-supervisor-pass");
        wait(d -> {
            browser.open("/release-decisions");
            return !d.findElements(By.cssSelector("form[action$='/approve']")).isEmpty();
        });
        browser.check(lang, "confirm-decisions");
        browser.find(By.cssSelector("form[action$='/approve'] input[value='documents']")).click();
        browser.clickToNextPage(By.cssSelector("form[action$='/approve'] button[type=submit]"));
        browser.waitFor(By.cssSelector("p.notice[role=status]"));
        browser.check(lang, "confirm-decisions-done");

        logIn(site.requester, lang, "supervisor.air", "demo-supervisor-pass");
        browser.open("/partner-probes");
        browser.check(lang, "confirm-probes");
        browser.clickToNextPage(By.cssSelector("table[aria-labelledby=probes-heading] tbody tr:first-child a"));
        wait(d -> d.findElements(By.cssSelector("section[id^='release-'] h4")).size() > 0);
        assertThat(browser.text(By.cssSelector("section[id^='release-']"))).contains(ConfirmationSite.SURNAME,
                "UTO-AIR");
        scrollTo("releases-heading");
        browser.check(lang, "confirm-release-partial");

        logIn(site.responder, lang, "analyst", "demo-analyst-pass");
        browser.open("/partner-searches");
        browser.waitFor(By.cssSelector("table[aria-labelledby=searches-heading]"));
        browser.check(lang, "confirm-partner-searches");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void anOfficersProbeOfAnUnknownPersonComesBackNoHit(String lang) {
        logIn(site.requester, lang, "officer.air", "demo-officer-pass");
        identify(ConfirmationSite.unknownPrintFile().toString());
        new Select(browser.find(By.id("partner"))).selectByValue(ConfirmationSite.UTO);
        browser.clickToNextPage(By.cssSelector("form[action$='/partner-probes'] button[type=submit]"));
        awaitAnswer();
        assertThat(browser.find(By.cssSelector("#partner-probes td:nth-child(4) .tag")).getAttribute("class"))
                .contains("ok");
        scrollTo("partners");
        browser.check(lang, "confirm-arrival-nohit");
    }

    private static void identify(String print) {
        browser.open("/arrivals");
        browser.find(By.id("finger-2")).sendKeys(print);
        browser.clickToNextPage(By.cssSelector("form.arrival-capture button[type=submit]"));
        browser.waitFor(By.id("partners"));
    }

    /** The arrival page's own polling brings the answer in; the list stops polling once nothing is pending. */
    private static void awaitAnswer() {
        wait(d -> !d.findElements(By.cssSelector("#partner-probes tbody tr")).isEmpty()
                && d.findElements(By.cssSelector("#partner-probes[hx-trigger]")).isEmpty());
    }

    private static void wait(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(40)).ignoring(
                org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    private static void scrollTo(String id) {
        WebElement element = browser.find(By.id(id));
        browser.driver.executeScript("arguments[0].scrollIntoView()", element);
    }

    private static void logIn(FederatedSite.Side side, String lang, String user, String password) {
        browser.at(side.url(""));
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(lang);
        browser.login(user, password);
    }
}
