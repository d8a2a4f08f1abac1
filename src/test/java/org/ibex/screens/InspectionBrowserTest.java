package org.ibex.screens;

import org.ibex.biometrics.FingerCapture;
import org.ibex.biometrics.FingerPosition;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.document.MrzWriter;
import org.ibex.node.Operator;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The officer's desk in a real Chromium, in English and Arabic: a reader types the MRZ, the proposal appears, Enter
 * confirms, the desk is ready again; an expired passport, a listed person, an override and a mistyped check digit.
 */
class InspectionBrowserTest extends BrowserTestBase {
    /** A name only this class lists, so its hit does not depend on the demo's random travellers. */
    private static final String LISTED_SURNAME = "QUENTARRO";
    private static final String LISTED_GIVEN = "ODALYS";
    private static final LocalDate LISTED_BIRTH = LocalDate.of(1974, 8, 19);

    @BeforeAll
    static void setUp() {
        site.node.services.watchlists().replace(new ListImport("inspection-test", "Inspection test alerts", "tests",
                "national", null, null), List.of(new PersonEntry("inspection-test", "IT-1",
                List.of(LISTED_GIVEN + " " + LISTED_SURNAME), new PartialDate(LISTED_BIRTH.getYear(), null, null, null),
                "UTO", null, "wanted for questioning (test)", "tests", null, null, EntryAction.REFER_TO_SECOND_LINE)),
                List.of(), Operator.listManager("inspection browser test"));
    }

    private static String number() {
        return "T" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private static String passport(String surname, String given, LocalDate birth, String number, LocalDate expiry) {
        return MrzWriter.td3("UTO", surname, given, number, "UTO", birth, "F", expiry, null);
    }

    private static String valid(String number) {
        return passport("LINDQVIST", "MARTA", LocalDate.of(1985, 2, 11), number, LocalDate.now().plusYears(5));
    }

    /** The desk of officer.air in a language; the session of an earlier test is kept, as an officer keeps theirs. */
    private void desk(String lang) {
        browser.open("/inspection");
        if (!browser.driver.getCurrentUrl().endsWith("/inspection")) {
            browser.driver.manage().deleteAllCookies();
            browser.login("officer.air", "demo-officer-pass");
            browser.open("/inspection");
        }
        if (!lang.equals(browser.find(By.tagName("html")).getAttribute("lang"))) {
            browser.language(lang);
        }
        browser.waitFor(By.id("mrz"));
    }

    /** Brings a part of the screen into view for its screenshot. */
    private void show(String selector) {
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", browser.find(By.cssSelector(selector)));
    }

    /** Types the MRZ as a keyboard-wedge reader does: each line, then Enter; the last Enter reads the document. */
    private void scan(String mrz) {
        WebElement field = browser.find(By.id("mrz"));
        for (String line : mrz.split("\n")) {
            field.sendKeys(line + Keys.ENTER);
        }
        browser.waitFor(By.cssSelector(".insp-document"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void aValidPassportIsRecordedWithOneKeystrokeAfterTheMrz(String lang) {
        desk(lang);
        browser.check(lang, "inspection-empty");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("mrz");
        String number = number();

        scan(valid(number));
        browser.waitFor(By.id("confirm"));
        assertThat(browser.find(By.cssSelector(".insp-decision .tag")).getAttribute("class")).contains("ok");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("Enter confirms").isEqualTo("confirm");
        assertThat(browser.find(By.cssSelector("#recent h2")).isDisplayed())
                .as("the desk's list stays in place while a traveller is assessed").isTrue();
        browser.check(lang, "inspection-valid");

        int keystrokes = 0;
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        keystrokes++;
        browser.waitFor(By.cssSelector(".insp-recorded"));
        assertThat(keystrokes).isLessThanOrEqualTo(3);
        assertThat(browser.text(By.cssSelector(".insp-recent"))).contains(number);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("ready for the next traveller")
                .isEqualTo("mrz");
        assertThat(browser.find(By.id("mrz")).getAttribute("value")).isEmpty();
        browser.check(lang, "inspection-recorded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void anExpiredPassportIsProposedForRefusalWithItsReason(String lang) {
        desk(lang);
        scan(passport("OKONKWO", "CHIDI", LocalDate.of(1970, 6, 1), number(), LocalDate.now().minusDays(30)));
        browser.waitFor(By.id("confirm"));
        assertThat(browser.find(By.cssSelector(".insp-decision h2 .tag")).getAttribute("class")).contains("error");
        // The reason in the officer's language, with the day it expired.
        assertThat(browser.text(By.cssSelector(".insp-reasons")))
                .contains(lang.equals("ar") ? "انتهت صلاحية الوثيقة" : "document expired on");
        browser.check(lang, "inspection-expired");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void aListedPersonShowsTheHitBesideTheDocument(String lang) {
        desk(lang);
        scan(passport(LISTED_SURNAME, LISTED_GIVEN, LISTED_BIRTH, number(), LocalDate.now().plusYears(3)));
        browser.waitFor(By.cssSelector(".insp-hit"));
        assertThat(browser.text(By.cssSelector(".insp-hit"))).contains("inspection-test/IT-1");
        assertThat(browser.find(By.cssSelector(".insp-decision h2 .tag")).getAttribute("class")).contains("warn");
        show(".insp-facts");
        browser.check(lang, "inspection-watchlist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void anOverrideNeedsAReasonAndIsRecordedWithIt(String lang) {
        desk(lang);
        String number = number();
        scan(valid(number));
        browser.find(By.cssSelector(".insp-override summary")).click();
        new Select(browser.find(By.id("override"))).selectByValue("REFER");
        browser.find(By.cssSelector(".insp-override button")).click();
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.find(By.id("reason")).getAttribute("aria-describedby")).contains("reason-error");
        browser.find(By.id("reason")).sendKeys("Traveller nervous, story inconsistent");
        browser.check(lang, "inspection-override");
        new Select(browser.find(By.id("override"))).selectByValue("REFER");
        browser.find(By.cssSelector(".insp-override button")).click();
        browser.waitFor(By.cssSelector(".insp-recorded"));
        assertThat(browser.find(By.cssSelector(".insp-recorded .tag")).getAttribute("class")).contains("warn");
        assertThat(browser.text(By.cssSelector(".insp-recent"))).contains(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void fingerprintsUploadedWithTheMrzAreVerifiedOneToOne(String lang) throws Exception {
        Path fvc = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "fingerprints", "fvc2002", "DB1_B");
        assumeTrue(Files.isDirectory(fvc), "the shared FVC2002 prints are not here");
        String mrz = passport("FERREIRA", "NUNO", LocalDate.of(1966, 12, 3), number(), LocalDate.now().plusYears(2));
        long person = site.node.services.border().record(new CrossingRequest(null, Direction.EXIT, "UTO-AIR",
                Instant.now().minusSeconds(3600 * 24 * 3), mrz, null, null, null, null, List.of(), "earlier trip (test)"),
                Operator.actor("inspection browser test")).crossing().personId();
        site.node.services.biometrics().enrol(person, "person " + person, List.of(new FingerCapture(
                FingerPosition.RIGHT_INDEX, Files.readAllBytes(fvc.resolve("107_1.tif")), 500)), List.of(), "enrolled by a test",
                Operator.actor("inspection browser test"));
        desk(lang);

        browser.find(By.cssSelector(".insp-prints summary")).click();
        browser.find(By.id("prints")).sendKeys(fvc.resolve("107_2.tif").toRealPath().toString());
        scan(mrz);
        browser.waitFor(By.id("confirm"));
        assertThat(browser.text(By.cssSelector(".insp-checks"))).contains("fused");
        show(".insp-checks");
        browser.check(lang, "inspection-fingerprints");
        assertThat(browser.find(By.cssSelector(".insp-decision h2 .tag")).getAttribute("class")).contains("ok");
        browser.find(By.id("confirm")).sendKeys(Keys.ENTER);
        browser.waitFor(By.cssSelector(".insp-recorded"));
    }

    @org.junit.jupiter.api.Test
    void aDoubleEnterRecordsTheTravellerOnce() {
        desk("en");
        String number = number();
        scan(valid(number));
        browser.waitFor(By.id("confirm"));
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(Keys.ENTER).sendKeys(Keys.ENTER).perform();
        browser.waitFor(By.cssSelector(".insp-recorded"));
        int stored = site.node.services.database().read(c -> {
            try (var statement = c.prepareStatement("SELECT COUNT(*) FROM crossing WHERE document_number = ?")) {
                statement.setString(1, number);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
        assertThat(stored).isEqualTo(1);
        assertThat(browser.find(By.id("mrz")).getAttribute("value")).as("the second Enter typed nothing").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aRefusedRequestShowsItsPageInsteadOfNothing() {
        desk("en");
        browser.driver.executeScript("document.body.setAttribute('hx-headers', '{\"X-CSRF-Token\":\"stale\"}')");
        WebElement field = browser.find(By.id("mrz"));
        for (String line : valid(number()).split("\n")) {
            field.sendKeys(line + Keys.ENTER);
        }
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.cssSelector("#main h1"),
                        "This form has expired"));
        assertThat(browser.driver.findElements(By.id("desk"))).as("the refusal replaced the desk").isEmpty();
        browser.open("/inspection");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void aMistypedCheckDigitIsMarkedWhereItIs(String lang) {
        desk(lang);
        String[] lines = valid(number()).split("\n");
        char digit = lines[1].charAt(9);
        String wrong = lines[1].substring(0, 9) + (char) ('0' + (digit - '0' + 1) % 10) + lines[1].substring(10);
        scan(lines[0] + "\n" + wrong);
        WebElement marked = browser.find(By.cssSelector(".mrz-lines .mrz-error"));
        assertThat(marked.getText()).startsWith(String.valueOf(wrong.charAt(9)));
        assertThat(browser.find(By.cssSelector(".insp-field.field-error")).getText()).isNotEmpty();
        show(".insp-facts");
        browser.check(lang, "inspection-checkdigit");
    }
}
