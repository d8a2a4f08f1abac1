package org.ibex.screens;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screens at a desk's 1280×720 and on a 10-inch tablet (800×1280 portrait, 1280×800 landscape): nothing wider
 * than the window, so no page scrolls sideways (wide tables scroll inside their own region), in English and Arabic.
 */
class ViewportBrowserTest extends BrowserTestBase {
    private static final int[][] SIZES = {{1280, 720}, {800, 1280}, {1280, 800}};
    private static final String[] ANALYST_PAGES = {"/analyst", "/analyst/overstayers", "/docs/api"};
    private static final String[] SUPERVISOR_PAGES = {"/inspection", "/arrivals", "/supervisor/crossings",
            "/supervisor/referrals", "/supervisor/hits", "/persons", "/watchlists", "/supervisor/users"};
    private static final String[] ADMIN_PAGES = {"/admin/users", "/admin/posts", "/admin/stay-rules", "/admin/exchange"};

    @Test
    void noPageScrollsSidewaysAtADeskOrOnATablet() {
        for (String lang : new String[]{"en", "ar"}) {
            browser.driver.manage().deleteAllCookies();
            browser.open("/login").language(lang);
            for (int[] size : SIZES) {
                resize(size);
                browser.open("/login");
                fits(lang, "viewport-" + size[0] + "x" + size[1] + "-login");
            }
            browser.login("analyst", "demo-analyst-pass");
            for (int[] size : SIZES) {
                resize(size);
                for (String path : ANALYST_PAGES) {
                    browser.open(path);
                    if (path.equals("/docs/api")) {
                        browser.waitFor(By.cssSelector("#swagger-ui .opblock-tag"));
                    }
                    fits(lang, "viewport-" + size[0] + "x" + size[1] + path.replace('/', '-'));
                }
            }
            resize(SIZES[0]);
            browser.find(By.cssSelector("form.logout button")).click();
            browser.waitFor(By.id("username"));
        }
        resize(SIZES[0]);
    }

    @Test
    void theOfficersSupervisorsAndAdministratorsScreensFitADeskAndATablet() {
        for (String lang : new String[]{"en", "ar"}) {
            browser.driver.manage().deleteAllCookies();
            browser.open("/login").language(lang);
            visit(lang, "supervisor.air", "demo-supervisor-pass", SUPERVISOR_PAGES);
            visit(lang, "admin", "demo-admin-pass", ADMIN_PAGES);
        }
        resize(SIZES[0]);
    }

    private static void visit(String lang, String user, String password, String[] pages) {
        resize(SIZES[0]);
        browser.login(user, password);
        for (int[] size : SIZES) {
            resize(size);
            for (String path : pages) {
                browser.open(path);
                fits(lang, "viewport-" + size[0] + "x" + size[1] + path.replace('/', '-'));
            }
        }
        resize(SIZES[0]);
        browser.find(By.cssSelector("form.logout button")).click();
        browser.waitFor(By.id("username"));
    }

    private static void resize(int[] size) {
        browser.driver.manage().window().setSize(new Dimension(size[0], size[1]));
    }

    private static void fits(String lang, String name) {
        Object overflow = browser.driver.executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];");
        browser.screenshot(lang, name);
        assertThat(overflow).as("scroll width and window width of %s in %s", name, lang)
                .satisfies(pair -> {
                    java.util.List<?> widths = (java.util.List<?>) pair;
                    assertThat(((Number) widths.get(0)).longValue()).isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
                });
    }
}
