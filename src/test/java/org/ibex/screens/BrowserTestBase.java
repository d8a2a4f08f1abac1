package org.ibex.screens;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every browser test class starts from: the demo node of this run and a fresh Chromium on it, opened before the
 * class's own {@code @BeforeAll} set-up (JUnit runs a superclass's first) and closed after its last test. The fields
 * are static and shared by the subclasses, which is safe because the test classes run one after another.
 */
abstract class BrowserTestBase {
    static DemoSite site;
    static Browser browser;

    @BeforeAll
    static void openBrowser() {
        site = DemoSite.get();
        browser = new Browser(site);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }
}
