package org.ibex.screens;

import org.ibex.access.AccountException;
import org.ibex.access.AccountSummary;
import org.ibex.access.Accounts;
import org.ibex.access.Role;
import org.ibex.border.NotFoundException;
import org.ibex.border.Post;
import org.ibex.border.PostRepository;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts: the list, creation with a one-time password shown once, and per user the change of role and post,
 * disable, enable, unlock and password reset. Every act goes through {@link Accounts}, which logs it.
 */
final class AdminUserScreens implements ScreenArea {
    static final String USERS = "/admin/users";
    private static final Set<String> DONE = Set.of("changed", "disabled", "enabled", "unlocked");
    private final Accounts accounts;
    private final PostRepository posts;

    AdminUserScreens(Accounts accounts, PostRepository posts) {
        this.accounts = accounts;
        this.posts = posts;
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(USERS, AdminScreens.ADMIN, r -> list(r, Form.empty().set("role", "officer")));
        routes.post(USERS, AdminScreens.ADMIN, this::create);
        routes.get(USERS + "/{username}", AdminScreens.ADMIN, r -> {
            AccountSummary user = summary(r);
            show(r, user, Form.empty().set("role", user.role().label())
                    .set("postId", user.postId() == null ? "" : user.postId()));
        });
        routes.post(USERS + "/{username}/change", AdminScreens.ADMIN, this::change);
        routes.post(USERS + "/{username}/disable", AdminScreens.ADMIN,
                r -> act(r, "disabled", () -> accounts.disable(r.actor(), username(r))));
        routes.post(USERS + "/{username}/enable", AdminScreens.ADMIN,
                r -> act(r, "enabled", () -> accounts.enable(r.actor(), username(r))));
        routes.post(USERS + "/{username}/unlock", AdminScreens.ADMIN,
                r -> act(r, "unlocked", () -> accounts.unlock(r.actor(), username(r))));
        routes.post(USERS + "/{username}/reset", AdminScreens.ADMIN, r -> {
            AccountSummary user = summary(r);
            issued(r, accounts.resetPassword(r.actor(), user.username()), "admin.issued.reset");
        });
    }

    private void list(ScreenRequest r, Form form) {
        r.render("admin/users.jte", r.page(r.t("admin.users.title"), form), "accounts", accounts.list(),
                "roles", roles(r), "posts", postOptions(r));
    }

    private void create(ScreenRequest r) {
        Form form = Form.empty().set("username", r.form("username")).set("role", r.form("role"))
                .set("postId", r.form("postId"));
        if (form.value("username").isEmpty()) {
            form.error("username", r.t("admin.users.username.required"));
        }
        checkRoleAndPost(r, form);
        if (!form.hasErrors()) {
            try {
                Accounts.Issued issued = accounts.create(r.actor(), form.value("username"), form.value("role"),
                        blankToNull(form.value("postId")));
                issued(r, issued, "admin.issued.created");
                return;
            } catch (AccountException e) {
                refused(r, form, e);
            }
        }
        r.ctx().status(400);
        list(r, form);
    }

    private void change(ScreenRequest r) {
        AccountSummary user = summary(r);
        Form form = Form.empty().set("role", r.form("role")).set("postId", r.form("postId"));
        checkRoleAndPost(r, form);
        if (!form.hasErrors()) {
            try {
                accounts.change(r.actor(), user.username(), form.value("role"), blankToNull(form.value("postId")));
                r.redirect(path(user.username()) + "?done=changed");
                return;
            } catch (AccountException e) {
                refused(r, form, e);
            }
        }
        r.ctx().status(400);
        show(r, user, form);
    }

    /** Disable, enable, unlock: a redirect that says what was done, or the user's page with the refusal. */
    private void act(ScreenRequest r, String done, Runnable action) {
        AccountSummary user = summary(r);
        try {
            action.run();
            r.redirect(path(user.username()) + "?done=" + done);
        } catch (AccountException e) {
            Form form = Form.empty().set("role", user.role().label())
                    .set("postId", user.postId() == null ? "" : user.postId());
            form.error("actions", r.texts().has("admin.users.error." + e.code())
                    ? r.t("admin.users.error." + e.code()) : e.getMessage());
            r.ctx().status(e.kind() == AccountException.Kind.FORBIDDEN ? 403 : 400);
            show(r, user, form);
        }
    }

    private void show(ScreenRequest r, AccountSummary user, Form form) {
        String done = r.query("done");
        r.render("admin/user.jte", r.page(r.t("admin.user.title", user.username()), form), "account", user,
                "roles", roles(r), "posts", postOptions(r),
                "done", DONE.contains(done) ? r.t("admin.user.done." + done) : "",
                "path", path(user.username()));
    }

    /** The one-time password, on this answer only: never stored in clear, never in a URL, never cached. */
    private void issued(ScreenRequest r, Accounts.Issued issued, String lead) {
        r.ctx().header("Cache-Control", "no-store");
        r.render("admin/issued.jte", r.page(r.t(lead + ".title")), "issued", issued,
                "lead", r.t(lead + ".lead"), "path", path(issued.user().username()));
    }

    /** The checks that need the screen's words; the domain checks them again and logs nothing refused. */
    private void checkRoleAndPost(ScreenRequest r, Form form) {
        Role role;
        try {
            role = Role.parse(form.value("role"));
        } catch (IllegalArgumentException e) {
            form.error("role", r.t("admin.users.role.required"));
            return;
        }
        String post = form.value("postId");
        if (role.boundToPost() && post.isEmpty()) {
            form.error("postId", r.t("admin.users.postId.required"));
        } else if (!role.boundToPost() && !post.isEmpty()) {
            form.error("postId", r.t("admin.users.postId.notAllowed"));
        } else if (!post.isEmpty() && posts.find(post).isEmpty()) {
            form.error("postId", r.t("admin.users.postId.unknown"));
        }
    }

    private static void refused(ScreenRequest r, Form form, AccountException e) {
        if (e.kind() == AccountException.Kind.FORBIDDEN) {
            // An admin changing their own role: the role field is what they tried to change.
            form.error("role", r.t("admin.users.error." + e.code()));
            return;
        }
        String field = e.field() == null ? "username" : e.field();
        String key = "admin.users." + field + "." + e.code();
        form.error(field, r.texts().has(key) ? r.t(key) : e.getMessage());
    }

    private AccountSummary summary(ScreenRequest r) {
        try {
            return accounts.summary(username(r));
        } catch (AccountException e) {
            throw new NotFoundException("no user " + username(r));
        }
    }

    private static String username(ScreenRequest r) {
        return r.ctx().pathParam("username");
    }

    static String path(String username) {
        return USERS + "/" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    }

    private static Map<String, String> roles(ScreenRequest r) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            roles.put(role.label(), r.t("role." + role.label()));
        }
        return roles;
    }

    private Map<String, String> postOptions(ScreenRequest r) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("", r.t("admin.users.noPost"));
        List<Post> all = posts.all();
        for (Post post : all) {
            options.put(post.id(), post.id() + " – " + post.name());
        }
        return options;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
