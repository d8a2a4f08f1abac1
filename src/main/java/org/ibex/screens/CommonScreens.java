package org.ibex.screens;

import io.javalin.http.HandlerType;
import org.ibex.access.AccountException;
import org.ibex.access.Accounts;
import org.ibex.access.Authenticator;
import org.ibex.access.Role;
import org.ibex.input.FieldRuleException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Log in and out, pick a language, land on the role's first screen, and set one's own password. */
public final class CommonScreens implements ScreenArea {
    /** Where a login with a one-time password must go first. */
    public static final String OWN_PASSWORD = "/account/password";
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private final Shell shell;
    private final Accounts accounts;
    private final List<DemoLogin> demoLogins;

    /** A demo user the login page lists, so a newcomer can try every role. */
    public record DemoLogin(String username, String password, String role) {
    }

    public CommonScreens(Shell shell, Accounts accounts, List<DemoLogin> demoLogins) {
        this.shell = shell;
        this.accounts = accounts;
        this.demoLogins = List.copyOf(demoLogins);
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.open(HandlerType.GET, "/", request -> request.redirect(
                shell.session(request.ctx())
                        .map(session -> Nav.home(session.user().role())).orElse("/login")));
        routes.open(HandlerType.GET, "/login", request -> showLogin(request, Form.empty()
                .set("next", safeNext(request.query("next")))));
        routes.open(HandlerType.POST, "/login", this::login);
        routes.open(HandlerType.GET, "/language", request -> {
            Lang.of(request.query("lang")).ifPresent(lang -> shell.setLang(request.ctx(), lang));
            request.redirect(safeNext(request.query("next")));
        });
        routes.post("/logout", EVERYONE, request -> {
            shell.sessionToken(request.ctx()).ifPresent(shell.authenticator()::logout);
            shell.clearSession(request.ctx());
            request.redirect("/login");
        });
        routes.get(OWN_PASSWORD, EVERYONE, request -> request.render("password.jte",
                request.page(request.t("password.title"))));
        routes.post(OWN_PASSWORD, EVERYONE, this::changePassword);
    }

    private void showLogin(ScreenRequest request, Form form) {
        request.render("login.jte", request.page(request.t("login.title"), form), "demoLogins", demoLogins);
    }

    private void login(ScreenRequest request) {
        String username = request.form("username");
        String next = safeNext(request.form("next"));
        Form form = Form.empty().set("username", username).set("next", next);
        if (username.isEmpty()) {
            form.error("username", request.t("login.error.username"));
        }
        String password = request.ctx().formParam("password");
        if (password == null || password.isEmpty()) {
            form.error("password", request.t("login.error.password"));
        }
        if (form.hasErrors()) {
            request.ctx().status(400);
            showLogin(request, form);
            return;
        }
        Authenticator.Outcome outcome = shell.authenticator().login(username, password, request.ctx().ip());
        switch (outcome.result()) {
            case OK -> {
                shell.setSession(request.ctx(), outcome.token());
                request.redirect(outcome.passwordChangeRequired() ? OWN_PASSWORD
                        : next.equals("/") ? Nav.home(outcome.user().role()) : next);
                return;
            }
            case DISABLED -> form.error("username", request.t("login.error.disabled"));
            case ONE_TIME_PASSWORD_EXPIRED -> form.error("password", request.t("login.error.expired"));
            case THROTTLED -> form.error("password", request.t("login.error.throttled",
                    Math.max(1, outcome.retryAfter().toSeconds())));
            case BAD_CREDENTIALS -> form.error("username", request.t("login.error.bad"));
        }
        request.ctx().status(outcome.result() == Authenticator.Result.THROTTLED ? 429 : 401);
        showLogin(request, form);
    }

    private void changePassword(ScreenRequest request) {
        Form form = Form.empty();
        try {
            String token = accounts.changeOwnPassword(request.actor(), request.ctx().formParam("currentPassword"),
                    request.ctx().formParam("newPassword"));
            shell.setSession(request.ctx(), token);
            request.redirect(Nav.home(request.user().role()));
            return;
        } catch (AccountException e) {
            form.error(e.field() == null ? "currentPassword" : e.field(),
                    request.texts().has("password.error." + e.code()) ? request.t("password.error." + e.code())
                            : e.getMessage());
        } catch (FieldRuleException e) {
            form.error(e.field(), e.getMessage());
        }
        request.ctx().status(400);
        request.render("password.jte", request.page(request.t("password.title"), form));
    }

    /** Only a path of this node: an open redirect would let a link log an officer into someone else's page. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.length() > 300 || next.chars().anyMatch(c -> c < 0x21)) {
            return "/";
        }
        return next;
    }
}
