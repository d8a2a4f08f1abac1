package org.ibex.screens;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Actor;
import org.ibex.access.Authenticator;
import org.ibex.access.Role;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The gate of every screen, in one place: a session from the cookie (else the login page), a one-time password
 * changed first, the role (else a server-side 403 page, not a hidden link), and on every state change the CSRF
 * token and the origin. Domain refusals become pages in the user's language.
 */
public final class ScreenRoutes {
    private final Javalin app;
    private final Shell shell;
    private final ScreenErrors errors;

    ScreenRoutes(Javalin app, Shell shell, ScreenErrors errors) {
        this.app = app;
        this.shell = shell;
        this.errors = errors;
    }

    public void get(String path, Set<Role> roles, ScreenHandler handler) {
        app.addHttpHandler(HandlerType.GET, path, ctx -> {
            Screens.pageHeaders(ctx);
            admit(ctx, roles, handler, false);
        });
    }

    public void post(String path, Set<Role> roles, ScreenHandler handler) {
        app.addHttpHandler(HandlerType.POST, path, ctx -> {
            Screens.pageHeaders(ctx);
            admit(ctx, roles, handler, true);
        });
    }

    /** A page anyone may see (the login page): no session, but a state change still proves its origin. */
    public void open(HandlerType method, String path, ScreenHandler handler) {
        app.addHttpHandler(method, path, ctx -> {
            Screens.pageHeaders(ctx);
            Texts texts = shell.texts(shell.lang(ctx));
            if (method != HandlerType.GET && !sameOrigin(ctx)) {
                errors.page(ctx, texts, null, 403, "error.csrf");
                return;
            }
            run(ctx, new ScreenRequest(ctx, null, texts, "", shell), handler);
        });
    }

    private void admit(Context ctx, Set<Role> roles, ScreenHandler handler, boolean changesState) throws Exception {
        Texts texts = shell.texts(shell.lang(ctx));
        Optional<String> token = shell.sessionToken(ctx);
        Optional<Authenticator.Authenticated> session = token.flatMap(t -> shell.authenticator().authenticate(t));
        if (session.isEmpty()) {
            String next = ctx.method() == HandlerType.GET ? ctx.path() : "/";
            String login = "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            if ("true".equals(ctx.header("HX-Request"))) {
                ctx.header("HX-Redirect", login).status(204);
            } else {
                ctx.redirect(login, io.javalin.http.HttpStatus.SEE_OTHER);
            }
            return;
        }
        String csrf = shell.csrf().tokenFor(token.get());
        Actor actor = new Actor(session.get().user(), "screen " + ctx.method() + " " + ctx.matchedPath(), ctx.ip());
        String presented;
        try {
            presented = changesState ? presentedCsrf(ctx) : null;
        } catch (IllegalStateException e) {
            // Reading the token parses a multipart body, and Jetty refuses one over the node's upload limits.
            errors.page(ctx, texts, actor.user(), 413, "error.tooLarge");
            return;
        }
        if (changesState && !(sameOrigin(ctx) && shell.csrf().matches(token.get(), presented))) {
            errors.page(ctx, texts, actor.user(), 403, "error.csrf");
            return;
        }
        if (session.get().passwordChangeRequired() && !ctx.path().equals(CommonScreens.OWN_PASSWORD)
                && !ctx.path().equals("/logout")) {
            ctx.redirect(CommonScreens.OWN_PASSWORD, io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        if (!roles.contains(actor.user().role())) {
            errors.page(ctx, texts, actor.user(), 403, "error.forbidden");
            return;
        }
        run(ctx, new ScreenRequest(ctx, actor, texts, csrf, shell), handler);
    }

    private void run(Context ctx, ScreenRequest request, ScreenHandler handler) throws Exception {
        try {
            handler.handle(request);
        } catch (Exception e) {
            errors.failed(ctx, request, e);
        }
    }

    private static String presentedCsrf(Context ctx) {
        String header = ctx.header(Csrf.HEADER);
        return header != null ? header : ctx.formParam(Csrf.FIELD);
    }

    /**
     * A browser names the page a POST came from; one from another site is refused even before the token is
     * checked (OWASP's defence in depth). A request with neither header is not from a browser's form.
     */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            String referer = ctx.header("Referer");
            return referer == null || referer.startsWith(ctx.scheme() + "://" + ctx.host() + "/");
        }
        return origin.equals(ctx.scheme() + "://" + ctx.host());
    }
}
