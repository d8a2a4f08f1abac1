package org.ibex.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst dashboard in a real Chromium, in English and Arabic, on the demo node's crossings (recorded through the
 * normal paths, so the roll-ups hold them): every chart and both maps drawn (a canvas each), the PNG of a chart a
 * {@code data:image/png} address, the numbers under each chart as a table, no request beyond the node, and a
 * screenshot of the page and of each chart under target/screenshots/{en,ar}/.
 */
class AnalyticsBrowserTest extends BrowserTestBase {
    private static final List<String> CHARTS = List.of("net-flow", "nationality", "sex", "age-band", "purpose", "stays", "posts",
            "displacement");

    @Test
    void theDashboardDrawsItsChartsAndMapsInEnglish() {
        dashboard("en");
    }

    @Test
    void theDashboardDrawsItsChartsAndMapsMirroredInArabic() {
        dashboard("ar");
    }

    private void dashboard(String lang) {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(lang);
        browser.login("analyst", "demo-analyst-pass");
        browser.find(By.cssSelector(".main-nav a[href='/analyst/dashboard']")).click();
        browser.waitFor(By.id("dashboard"));
        assertThat(browser.find(By.tagName("html")).getAttribute("dir")).isEqualTo("ar".equals(lang) ? "rtl" : "ltr");
        for (String chart : CHARTS) {
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).withMessage("chart " + chart + " drawn")
                    .until(d -> "true".equals(d.findElement(By.id("chart-" + chart)).getAttribute("data-rendered")));
            assertThat(browser.driver.findElements(By.cssSelector("#chart-" + chart + " canvas")))
                    .as("%s draws on a canvas", chart).isNotEmpty();
        }
        String png = browser.find(By.id("png-net-flow")).getAttribute("href");
        assertThat(png).as("the PNG link carries the chart as an image").startsWith("data:image/png;base64,");
        assertThat(browser.find(By.id("png-posts")).getAttribute("href")).startsWith("data:image/png;base64,");
        assertThat(browser.find(By.id("csv-net-flow")).getAttribute("href")).contains("/analyst/dashboard/csv/net-flow");
        Object external = browser.driver.executeScript("return performance.getEntriesByType('resource')"
                + ".map(function (e) { return e.name; }).filter(function (n) { return n.indexOf(location.origin) !== 0; });");
        assertThat((List<?>) external).as("no request beyond the node").isEmpty();
        Object tilted = browser.driver.executeScript("var c = echarts.getInstanceByDom(document.getElementById("
                + "'chart-net-flow')); return c.getOption().xAxis[0].inverse;");
        assertThat(tilted).as("the time axis runs right to left in Arabic").isEqualTo("ar".equals(lang));

        browser.check(lang, "analytics-dashboard-top");
        full(lang);
        for (String chart : CHARTS) {
            region(lang, chart);
        }
        browser.find(By.cssSelector("#details-net-flow summary")).click();
        assertThat(browser.find(By.cssSelector("#details-net-flow table")).isDisplayed())
                .as("the numbers as a table, for readers without the chart").isTrue();
    }

    /** The whole page in one image: the window made as tall as the page, then back. */
    private void full(String lang) {
        org.openqa.selenium.Dimension before = browser.driver.manage().window().getSize();
        Number height = (Number) browser.driver.executeScript("return document.documentElement.scrollHeight;");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(),
                Math.min(6000, height.intValue() + 160)));
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> true);
        browser.screenshot(lang, "analytics-dashboard");
        browser.driver.manage().window().setSize(before);
    }

    private void region(String lang, String chart) {
        WebElement section = browser.find(By.id("section-" + chart));
        browser.driver.executeScript("arguments[0].scrollIntoView();", section);
        Path file = Path.of("target", "screenshots", lang, "analytics-" + (chart.equals("posts") ? "map" : chart)
                + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, section.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
