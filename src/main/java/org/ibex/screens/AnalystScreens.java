package org.ibex.screens;

import org.ibex.web.Services;

/** Not yet built: see issue 14. */
public final class AnalystScreens implements ScreenArea {
    private final Shell shell;
    private final Services services;

    public AnalystScreens(Shell shell, Services services) {
        this.shell = shell;
        this.services = services;
    }

    @Override
    public void routes(ScreenRoutes routes) {
    }
}
