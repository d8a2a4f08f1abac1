package org.ibex.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** Logging in and out, choosing a language, and the pages a role may not open, in a real Chromium. */
class LoginBrowserTest extends BrowserTestBase {

    @Test
    void anOfficerLogsInInEnglishAndLandsOnInspection() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language("en").check("en", "login");
        assertThat(browser.text(By.cssSelector(".demo-logins"))).contains("officer.air", "demo-officer-pass");
        browser.login("officer.air", "demo-officer-pass");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/inspection");
        assertThat(browser.text(By.cssSelector(".who"))).contains("officer.air", "UTO-AIR");
        browser.find(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("username"));
        browser.open("/inspection");
        assertThat(browser.driver.getCurrentUrl()).contains("/login?next=%2Finspection");
    }

    @Test
    void arabicMirrorsTheWholeLayoutAndIsRemembered() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language("ar").check("ar", "login");
        assertThat(browser.find(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        // Mirrored from dir alone: the heading starts at the right edge.
        int width = browser.driver.manage().window().getSize().getWidth();
        assertThat(browser.find(By.tagName("h1")).getRect().getX()).isGreaterThan(width / 3);
        browser.login("supervisor.air", "demo-supervisor-pass");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
        browser.find(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("username"));
    }

    @Test
    void thaiIsRenderedWithTheServedFont() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language("th");
        Object loaded = browser.driver.executeAsyncScript("var done = arguments[0];"
                + "document.fonts.ready.then(function () { done(document.fonts.check('16px \"Noto Sans Thai\"', 'ไทย')"
                + " && Array.from(document.fonts).some(function (f) { return f.family.indexOf('Noto Sans Thai') >= 0"
                + " && f.status === 'loaded'; })); });");
        assertThat(loaded).isEqualTo(true);
        browser.check("th", "login");
    }

    @Test
    void aWrongPasswordIsShownTheGovUkWayAndTheTitleSaysError() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language("en");
        browser.find(By.id("username")).sendKeys("officer.air");
        browser.find(By.id("password")).sendKeys("not-the-password");
        browser.find(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.driver.getTitle()).startsWith("Error:");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("class")).contains("error-summary");
        assertThat(browser.find(By.id("username")).getAttribute("aria-describedby")).isEqualTo("username-error");
        browser.check("en", "login-error");
    }

    @Test
    void anOfficerCannotOpenASupervisorPage() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language("en");
        browser.login("officer.land", "demo-officer-pass");
        browser.open("/supervisor/hits");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("You cannot open this page");
        browser.check("en", "forbidden");
        browser.find(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("username"));
    }
}
