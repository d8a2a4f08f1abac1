package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.web.Services;

import java.util.EnumSet;

/**
 * The API's OpenAPI document, browsable with swagger-ui served by the node itself (the webjar's files through
 * {@link Assets}, started by api-docs.js): nothing inline and nothing from another host, so the page keeps the
 * screens' strict Content-Security-Policy unchanged.
 */
public final class ApiDocsScreen implements ScreenArea {
    static final String PATH = "/docs/api";
    private final Shell shell;
    private final Services services;

    public ApiDocsScreen(Shell shell, Services services) {
        this.shell = shell;
        this.services = services;
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(PATH, EnumSet.allOf(Role.class), r -> r.render("docs/api.jte", r.page(r.t("docs.title"))));
    }
}
