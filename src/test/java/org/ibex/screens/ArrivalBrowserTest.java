package org.ibex.screens;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Undocumented arrival in a real Chromium, in English and Arabic: prints of an enrolled traveller find them and the
 * officer confirms the match beside the probe; unknown prints find nobody and are enrolled only by the explicit act
 * with its reason; a file that is no image is refused on its own finger's field.
 */
class ArrivalBrowserTest extends BrowserTestBase {
    private static final Path FVC = Path.of(System.getProperty("ibex.shared", "../shared"), "data", "fingerprints",
            "fvc2002", "DB1_B");

    private static void logIn(String lang) {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(lang);
        browser.login("officer.air", "demo-officer-pass");
        browser.open("/arrivals");
        browser.waitFor(By.cssSelector("form.arrival-capture"));
    }

    /** DemoFingerprints enrolled impression 1 of DB1_B 101 and 102 as right and left index of the first traveller. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void printsOfAnEnrolledTravellerAreComparedSideBySideAndTheMatchConfirmed(String lang) {
        logIn(lang);
        browser.check(lang, "arrival-capture");
        browser.find(By.id("label")).sendKeys("BOAT-" + lang);
        browser.find(By.id("finger-2")).sendKeys(FVC.resolve("101_2.tif").toAbsolutePath().normalize().toString());
        browser.find(By.id("finger-7")).sendKeys(FVC.resolve("102_2.tif").toAbsolutePath().normalize().toString());
        browser.find(By.cssSelector("form.arrival-capture button[type=submit]")).click();
        browser.waitFor(By.id("candidate-1"));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#candidate-1 tbody tr"));
        assertThat(rows).hasSize(2);
        for (WebElement row : rows) {
            assertThat(row.findElements(By.tagName("img"))).hasSize(2);
            assertThat(row.findElement(By.cssSelector("td.num")).getText()).isNotBlank().isNotEqualTo("–");
        }
        waitForImages();
        scrollTo("candidate-1");
        browser.check(lang, "arrival-candidates");
        browser.find(By.id("outcome")).click();
        browser.find(By.cssSelector("form[action$='/outcome'] button[type=submit]")).click();
        browser.waitFor(By.id("recorded"));
        assertThat(browser.driver.findElements(By.cssSelector("form[action$='/enrolment']")))
                .as("a confirmed match is not enrolled again").isEmpty();
        waitForImages();
        browser.check(lang, "arrival-outcome");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void unknownPrintsFindNobodyAndAreEnrolledOnlyWithAReason(String lang) {
        logIn(lang);
        // A mirrored print is a finger nobody has: DB1_B's fingers are all enrolled by the demo, as they are.
        browser.find(By.id("finger-1")).sendKeys(mirrored(lang.equals("en") ? "103_3.tif" : "105_3.tif").toString());
        browser.find(By.cssSelector("form.arrival-capture button[type=submit]")).click();
        browser.waitFor(By.cssSelector("form[action$='/enrolment']"));
        assertThat(browser.driver.findElements(By.cssSelector(".arrival-candidate"))).isEmpty();
        waitForImages();
        scrollTo("probe-heading");
        browser.check(lang, "arrival-unknown");
        browser.find(By.cssSelector("form[action$='/enrolment'] button[type=submit]")).click();
        browser.waitFor(By.id("enrolReason-error"));
        assertThat(browser.find(By.id("enrolReason")).getAttribute("aria-describedby")).contains("enrolReason-error");
        browser.find(By.id("enrolReason")).sendKeys("asylum claim registered, no document held");
        browser.find(By.cssSelector("form[action$='/enrolment'] button[type=submit]")).click();
        browser.waitFor(By.id("enrolled"));
        assertThat(browser.driver.findElements(By.cssSelector("form[action$='/enrolment']"))).isEmpty();
        waitForImages();
        browser.check(lang, "arrival-unknown-enrolled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void aFileThatIsNoImageIsRefusedOnItsOwnFinger(String lang) throws IOException {
        logIn(lang);
        Path text = Files.createTempFile("not-a-print", ".png");
        Files.writeString(text, "this is not a fingerprint");
        browser.find(By.id("finger-2")).sendKeys(FVC.resolve("107_2.tif").toAbsolutePath().normalize().toString());
        browser.find(By.id("finger-3")).sendKeys(text.toString());
        browser.find(By.cssSelector("form.arrival-capture button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.find(By.cssSelector(".error-summary a")).getAttribute("href")).endsWith("#finger-3");
        assertThat(browser.find(By.id("finger-3")).getAttribute("aria-describedby")).isEqualTo("finger-3-error");
        assertThat(browser.find(By.id("finger-3")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElements(By.id("finger-2-error"))).isEmpty();
        browser.check(lang, "arrival-error");
        Files.delete(text);
    }

    /** Screenshots show the viewport: the part of the page the step is about is brought into it. */
    private static void scrollTo(String id) {
        browser.driver.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private static void waitForImages() {
        browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "Promise.all(Array.from(document.images).map(function (i) { return i.complete ? null"
                + " : new Promise(function (r) { i.onload = i.onerror = r; }); })).then(function () { done(true); });");
        Object broken = browser.driver.executeScript("return Array.from(document.images)"
                + ".filter(function (i) { return !i.naturalWidth; }).length;");
        assertThat(broken).as("images that failed to load").isEqualTo(0L);
    }

    private static Path mirrored(String file) {
        try {
            BufferedImage print = ImageIO.read(FVC.resolve(file).toFile());
            AffineTransform flip = AffineTransform.getScaleInstance(-1, 1);
            flip.translate(-print.getWidth(), 0);
            BufferedImage mirror = new AffineTransformOp(flip, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(print, null);
            Path out = Files.createTempFile("mirrored-" + file, ".png");
            ImageIO.write(mirror, "png", out.toFile());
            out.toFile().deleteOnExit();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
