package org.ibex.screens;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.ibex.web.Services;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Consumer;

/**
 * The web application: every screen the node serves beside its API, mounted on the same server. Pages are rendered
 * on the server (jte) and work without JavaScript; htmx only saves round trips of whole pages.
 */
public final class Screens implements Consumer<Javalin> {
    /** Nothing inline and nothing from another host: every script, style, font and image comes from this node. */
    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private final Shell shell;
    private final List<ScreenArea> areas;

    public Screens(Services services, boolean secureCookies, List<CommonScreens.DemoLogin> demoLogins) {
        this.shell = new Shell(new Assets(), new Render(), Texts.load(), new Csrf(new SecureRandom()),
                services.authenticator(), secureCookies);
        this.areas = List.of(
                new CommonScreens(shell, services.accounts(), demoLogins),
                new InspectionScreens(shell, services),
                new ArrivalScreens(shell, services),
                new SupervisorScreens(shell, services),
                new HitScreens(shell, services),
                new PersonScreens(shell, services),
                new WatchlistScreens(shell, services),
                new AdminScreens(shell, services),
                new AnalystScreens(shell, services),
                new AnalyticsScreens(new AnalyticsScreens.Sources(services.posts(), services.boundaries(),
                        services.stays()::today), new DashboardFigures(services.flows(),
                        new DisplacementFigures(services.boundaries(), services.displacement()))),
                new SyncScreen(services.sync()),
                new WantedPrintScreens(services.biometrics().wanted()),
                new AgreementScreens(services.database(), services.agreements(), services.clock()),
                new InquiryScreens(services),
                new RequestScreens(services.inquiry()),
                new ProbeScreens(services),
                new ReleaseDecisionScreens(services),
                new PartnerSearchScreens(services),
                new DisclosureScreens(shell, services),
                new ApiDocsScreen(shell, services));
    }

    @Override
    public void accept(Javalin app) {
        app.get(Assets.PREFIX + "*", shell.assets()::serve);
        ScreenErrors errors = new ScreenErrors(shell);
        ScreenRoutes routes = new ScreenRoutes(app, shell, errors);
        for (ScreenArea area : areas) {
            area.routes(routes);
        }
        // A browser asking for a page that is not there gets a page, in its language; API clients keep their JSON.
        app.error(404, "html", ctx -> {
            if (!ctx.path().startsWith("/api/") && (ctx.result() == null || ctx.result().isEmpty())) {
                pageHeaders(ctx);
                errors.page(ctx, shell.texts(shell.lang(ctx)), errors.user(ctx), 404, "error.notFound");
            }
        });
    }

    static void pageHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_CSP);
        // Same-origin, not no-referrer: under no-referrer a browser's form POST says "Origin: null", and the origin
        // check of every state change needs the real one. Nothing leaves for another site either way.
        ctx.header("Referrer-Policy", "same-origin");
    }
}
