package org.ibex.screens;

import org.ibex.web.Services;

/** Not yet built: see issue 14. */
public final class PersonScreens implements ScreenArea {
    private final Shell shell;
    private final Services services;

    public PersonScreens(Shell shell, Services services) {
        this.shell = shell;
        this.services = services;
    }

    @Override
    public void routes(ScreenRoutes routes) {
    }
}
