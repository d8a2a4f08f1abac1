package org.ibex.screens;

import io.javalin.http.Context;
import org.ibex.access.AccessDeniedException;
import org.ibex.access.User;
import org.ibex.biometrics.BiometricRefusal;
import org.ibex.border.NotFoundException;
import org.ibex.input.FieldRuleException;
import org.ibex.watchlist.UnknownListException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Failures as pages in the user's language: a record out of reach reads exactly as one that does not exist, a rule
 * broken names the field, and anything unexpected shows an incident id that is in the server log, never a trace.
 */
final class ScreenErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenErrors.class);
    private final Shell shell;

    ScreenErrors(Shell shell) {
        this.shell = shell;
    }

    void failed(Context ctx, ScreenRequest request, Exception e) {
        Texts texts = request.texts();
        User user = request.user();
        if (e instanceof NotFoundException || e instanceof UnknownListException
                || e instanceof BiometricRefusal refusal && (refusal.kind() == BiometricRefusal.Kind.UNKNOWN_PERSON
                || refusal.kind() == BiometricRefusal.Kind.UNKNOWN_IDENTIFICATION)) {
            page(ctx, texts, user, 404, "error.notFound");
        } else if (e instanceof AccessDeniedException) {
            page(ctx, texts, user, 403, "error.forbidden");
        } else if (e instanceof FieldRuleException rule) {
            render(ctx, texts, user, 400, texts.t("error.badInput"), texts.t("error.field", rule.field(),
                    rule.getMessage()));
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.error("incident {} on screen {} {}", incident, ctx.method(), ctx.path(), e);
            render(ctx, texts, user, 500, texts.t("error.internal"), texts.t("error.incident", incident));
        }
    }

    /** The logged-in user of a request that reached no screen, so its error page keeps the header. */
    User user(Context ctx) {
        return shell.session(ctx)
                .map(org.ibex.access.Authenticator.Authenticated::user).orElse(null);
    }

    /** A page that says only what went wrong, in the user's language. */
    void page(Context ctx, Texts texts, User user, int status, String key) {
        render(ctx, texts, user, status, texts.t(key + ".title"), texts.t(key + ".body"));
    }

    private void render(Context ctx, Texts texts, User user, int status, String title, String body) {
        String csrf = user == null ? "" : shell.sessionToken(ctx).map(shell.csrf()::tokenFor).orElse("");
        Page page = new Page(texts, title, user, csrf, shell.assets(), ctx.path(), null);
        ctx.status(status).contentType("text/html; charset=utf-8");
        ctx.result(shell.render().html("error.jte", java.util.Map.of("page", page, "message", body)));
    }
}
