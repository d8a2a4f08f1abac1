package org.ibex.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator at work in English and Arabic: creates a user who logs in with the one-time password and must
 * set their own, disables, enables, unlocks and resets; adds a post; sets a stay rule, wrong then right; sees that
 * the demo node has no exchange. A supervisor is refused the admin pages by the server.
 */
class AdminBrowserTest extends BrowserTestBase {

    @Test
    void anAdministratorWorksInEnglish() {
        administer("en");
    }

    @Test
    void anAdministratorWorksInArabic() {
        administer("ar");
    }

    @Test
    void aSupervisorIsRefusedTheAdminPages() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language("en");
        browser.login("supervisor.air", "demo-supervisor-pass");
        for (String path : new String[]{"/admin/users", "/admin/posts", "/admin/stay-rules", "/admin/exchange"}) {
            browser.open(path);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("You cannot open this page");
        }
        logout();
    }

    private void administer(String locale) {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login").language(locale);
        browser.login("admin", "demo-admin-pass");
        String username = "new.officer-" + locale + "-" + Long.toString(System.nanoTime() % 100000, 36);

        browser.open("/admin/users").check(locale, "admin-users");
        browser.find(By.id("username")).sendKeys(username);
        new Select(browser.find(By.id("role"))).selectByValue("officer");
        new Select(browser.find(By.id("postId"))).selectByValue("UTO-LAND");
        submit("form[action='/admin/users']");
        String oneTime = browser.waitFor(By.id("one-time-password")).getText().strip();
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(12);
        browser.check(locale, "admin-user-created");
        logout();

        // The new officer logs in with the one-time password and is sent to set their own first.
        browser.login(username, oneTime);
        assertThat(browser.driver.getCurrentUrl()).endsWith(CommonScreens.OWN_PASSWORD);
        browser.find(By.id("currentPassword")).sendKeys(oneTime);
        browser.find(By.id("newPassword")).sendKeys("lantern quietly harbour 42");
        submit("form[action='/account/password']");
        browser.waitFor(By.cssSelector("form.logout"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/inspection");
        logout();

        browser.login("admin", "demo-admin-pass");
        browser.open(AdminUserScreens.path(username));
        submit("form[action$='/disable']");
        assertThat(browser.waitFor(By.cssSelector(".notice")).getText()).isNotBlank();
        assertThat(browser.find(By.cssSelector(".admin-facts .tag.error")).isDisplayed()).isTrue();
        browser.check(locale, "admin-user-disabled");
        submit("form[action$='/enable']");
        browser.waitFor(By.cssSelector("form[action$='/disable']"));
        submit("form[action$='/unlock']");
        browser.waitFor(By.cssSelector(".notice"));
        submit("form[action$='/reset']");
        String reset = browser.waitFor(By.id("one-time-password")).getText().strip();
        assertThat(reset).isNotEqualTo(oneTime).hasSizeGreaterThanOrEqualTo(12);

        // A post with a time zone that does not exist, then one that does.
        String post = "ADM-" + locale.toUpperCase();
        browser.open("/admin/posts");
        browser.find(By.id("id")).sendKeys(post);
        browser.find(By.id("name")).sendKeys("Admin test post " + locale);
        new Select(browser.find(By.id("kind"))).selectByValue("seaport");
        browser.find(By.id("zone")).sendKeys("Mars/Olympus");
        submit("form[action='/admin/posts']");
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.find(By.id("zone")).getAttribute("aria-describedby")).contains("zone-error");
        browser.find(By.id("zone")).clear();
        browser.find(By.id("zone")).sendKeys("Asia/Bangkok");
        submit("form[action='/admin/posts']");
        browser.waitFor(By.cssSelector(".notice"));
        assertThat(browser.text(By.cssSelector(".admin-table"))).contains(post, "Asia/Bangkok");
        browser.check(locale, "admin-posts");

        // A rolling rule whose window is shorter than its days is refused on the field; then a good one is saved.
        String nationality = locale.equals("en") ? "ZQE" : "ZQA";
        browser.open("/admin/stay-rules");
        browser.find(By.id("nationality")).sendKeys(nationality);
        new Select(browser.find(By.id("kind"))).selectByValue("ROLLING");
        type("days", "100");
        type("windowDays", "50");
        submit("form[action='/admin/stay-rules']");
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.driver.getTitle()).startsWith(locale.equals("en") ? "Error:" : "");
        assertThat(browser.find(By.id("windowDays")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("nationality")).getAttribute("value")).isEqualTo(nationality);
        browser.check(locale, "admin-stay-rules-error");
        type("windowDays", "180");
        submit("form[action='/admin/stay-rules']");
        browser.waitFor(By.cssSelector(".notice"));
        assertThat(browser.text(By.cssSelector(".admin-table"))).contains(nationality);
        browser.check(locale, "admin-stay-rules");
        // Leave the shared demo node as it was: remove the test's rule again.
        submit("form[action='/admin/stay-rules/remove']:has(input[name='nationality'][value='" + nationality + "'])");
        browser.waitFor(By.cssSelector(".notice"));
        assertThat(browser.text(By.cssSelector(".admin-table"))).doesNotContain(nationality);

        browser.open("/admin/exchange");
        assertThat(browser.find(By.cssSelector(".admin-none h2")).isDisplayed()).isTrue();
        browser.check(locale, "admin-exchange");
        logout();
    }

    private static void type(String id, String text) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void submit(String form) {
        browser.clickToNextPage(By.cssSelector(form + " button[type=submit]"));
    }

    private static void logout() {
        browser.find(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("username"));
    }
}
