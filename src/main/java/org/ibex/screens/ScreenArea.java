package org.ibex.screens;

/** One area of the web application (inspection, arrivals, supervision, lists, administration, analysis). */
public interface ScreenArea {
    void routes(ScreenRoutes routes);
}
