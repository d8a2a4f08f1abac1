package org.ibex.screens;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questions pillar in a real Chromium on two federated nodes, in English and Arabic: a police officer asks
 * immigration about a traveller and watches the answer land without reloading; immigration asks police whether a
 * traveller is wanted and waits while a police supervisor approves; immigration's supervisor finds both in the
 * traveller's disclosure ledger and prints the letter for her; the analyst searches the node's whole ledger.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InquiryBrowserTest {
    private static FederatedSite site;
    private static Browser browser;

    @BeforeAll
    static void open() {
        site = FederatedSite.get();
        browser = new Browser(site.police.url(""), 1280, 900);
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void anOfficerAsksAnotherAgencyAndTheAnswerLandsOnTheOpenPage(String lang) {
        logIn(site.police, lang, "officer.air", "demo-officer-pass");
        browser.open("/questions");
        browser.waitFor(By.id("query"));
        browser.check(lang, "questions");

        browser.find(By.cssSelector("form[action='/questions'] button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.find(By.id("documentNumber")).getAttribute("aria-describedby"))
                .contains("documentNumber-error");
        browser.check(lang, "questions-error");

        new Select(browser.find(By.id("query"))).selectByValue("crossings");
        new Select(browser.find(By.id("purpose"))).selectByValue("criminal-investigation");
        browser.find(By.id("category-biographic")).click();
        browser.find(By.id("category-travel-history")).click();
        browser.find(By.id("surname")).sendKeys("Eriksson");
        browser.find(By.id("givenNames")).sendKeys("Anna Maria");
        date(browser.find(By.id("birthDate")), "1974-08-12");
        browser.clickToNextPage(By.cssSelector("form[action='/questions'] button[type=submit]"));
        waitForText(By.cssSelector("#answer"), lang.equals("en") ? "The other agency knows this person."
                : "الجهة الأخرى تعرف هذا الشخص.");
        assertThat(browser.text(By.id("answer"))).contains("ERIKSSON", "UTO-AIR");
        browser.check(lang, "question-answered");
    }

    /** After the first: the traveller's ledger holds the police's questions about her. */
    @Order(2)
    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void aHeldQuestionWaitsForTheOtherAgencysSupervisorAndTheLedgerShowsEveryDisclosure(String lang) {
        logIn(site.immigration, lang, "officer.air", "demo-officer-pass");
        browser.open("/questions");
        new Select(browser.find(By.id("query"))).selectByValue("wanted");
        new Select(browser.find(By.id("purpose"))).selectByValue("border-control");
        browser.find(By.id("documentNumber")).sendKeys("L898902C3");
        browser.find(By.id("issuingState")).sendKeys("UTO");
        browser.clickToNextPage(By.cssSelector("form[action='/questions'] button[type=submit]"));
        browser.waitFor(By.cssSelector("#answer[hx-trigger]"));
        waitForText(By.cssSelector("#answer"), lang.equals("en") ? "Waiting for approval" : "بانتظار الموافقة");
        browser.check(lang, "question-waiting");

        logIn(site.police, lang, "supervisor.air", "demo-supervisor-pass");
        browser.open("/requests");
        browser.waitFor(By.cssSelector("form[action$='/approve']"));
        browser.check(lang, "requests");
        browser.clickToNextPage(By.cssSelector("form[action$='/approve'] button[type=submit]"));
        browser.waitFor(By.cssSelector("p.notice[role=status]"));
        browser.check(lang, "requests-approved");

        logIn(site.immigration, lang, "supervisor.air", "demo-supervisor-pass");
        browser.open("/persons/" + FederatedSite.ANNA);
        new Select(browser.find(By.id("purpose"))).selectByValue("identity");
        browser.clickToNextPage(By.cssSelector("form[action='/persons/7'] button[type=submit]"));
        WebElement heading = browser.waitFor(By.id("disclosures-heading"));
        browser.driver.executeScript("arguments[0].scrollIntoView()", heading);
        assertThat(browser.text(By.cssSelector("table[aria-labelledby=disclosures-heading]"))).contains("UTO/POL/HQ");
        browser.check(lang, "person-disclosures");

        browser.open("/persons/" + FederatedSite.ANNA + "/disclosures/letter?lang=" + lang);
        browser.waitFor(By.cssSelector("article.letter li"));
        browser.check(lang, "disclosure-letter");

        logIn(site.immigration, lang, "analyst", "demo-analyst-pass");
        browser.open("/disclosures");
        browser.find(By.id("q")).sendKeys("ERIKSSON");
        browser.clickToNextPage(By.cssSelector("form[action='/disclosures'] button[type=submit]"));
        browser.waitFor(By.cssSelector("table[aria-labelledby=ledger-heading]"));
        browser.check(lang, "disclosures");
    }

    private static void logIn(FederatedSite.Side side, String lang, String user, String password) {
        browser.at(side.url(""));
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(lang);
        browser.login(user, password);
    }

    /** A date field takes its value as the browser's own picker would give it, whatever the locale's format. */
    private static void date(WebElement field, String isoDate) {
        browser.driver.executeScript("arguments[0].value = arguments[1]", field, isoDate);
    }

    private static void waitForText(By locator, String text) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(
                org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(locator).getText().contains(text));
    }
}
