package org.ibex.screens;

import io.javalin.http.Context;
import org.ibex.access.Actor;
import org.ibex.access.User;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One request to a screen: who asks (the same {@link Actor} the API's access log records), in which language, and
 * how to answer: a whole page, an htmx fragment, or a redirect that works both ways.
 */
public final class ScreenRequest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private final Context ctx;
    private final Actor actor;
    private final Texts texts;
    private final String csrf;
    private final Shell shell;

    ScreenRequest(Context ctx, Actor actor, Texts texts, String csrf, Shell shell) {
        this.ctx = ctx;
        this.actor = actor;
        this.texts = texts;
        this.csrf = csrf;
        this.shell = shell;
    }

    /**
     * The {@code {id}} of a path that names a question, a probe or a release by its UUID; anything else is a 404
     * saying that no such {@code thing} exists, before any lookup.
     */
    public String uuidPath(String thing) {
        String id = ctx.pathParam("id");
        if (!UUID.matcher(id).matches()) {
            throw new org.ibex.border.NotFoundException("no " + thing + " " + id);
        }
        return id;
    }

    public Context ctx() {
        return ctx;
    }

    /** The logged-in user acting, with the purpose the access log records; null only on public pages. */
    public Actor actor() {
        return actor;
    }

    /** The same actor acting for a stated purpose (a person view asks for it when the screen does not imply it). */
    public Actor actorFor(String purpose) {
        return new Actor(actor.user(), purpose, actor.remote());
    }

    public User user() {
        return actor == null ? null : actor.user();
    }

    public Texts texts() {
        return texts;
    }

    /** Shorthand for {@code texts().t(...)}. */
    public String t(String key, Object... args) {
        return texts.t(key, args);
    }

    public Page page(String title) {
        return new Page(texts, title, user(), csrf, shell.assets(), ctx.path(), null);
    }

    /** A page in another language than the user's (a letter written for the person it is about). */
    public Page page(String title, Texts other) {
        return new Page(other, title, user(), csrf, shell.assets(), ctx.path(), null);
    }

    public Page page(String title, Form form) {
        return new Page(texts, title, user(), csrf, shell.assets(), ctx.path(), form);
    }

    /** True when htmx asked, and a fragment answers. */
    public boolean htmx() {
        return "true".equals(ctx.header("HX-Request"));
    }

    public String form(String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    /** Every value of a field sent more than once (a repeated input), stripped, the blank ones dropped. */
    public java.util.List<String> formValues(String name) {
        return ctx.formParams(name).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    public String query(String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }

    /** Renders a template with the page and any further parameters, as the answer. */
    public void render(String template, Page page, Object... namesAndValues) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(shell.render().html(template, params));
    }

    /** POST, then redirect: a browser's 303, or htmx's own header so it follows without a round trip of HTML. */
    public void redirect(String path) {
        if (htmx()) {
            ctx.header("HX-Redirect", path);
            ctx.status(204);
        } else {
            ctx.redirect(path, io.javalin.http.HttpStatus.SEE_OTHER);
        }
    }
}
