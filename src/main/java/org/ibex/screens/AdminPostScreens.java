package org.ibex.screens;

import org.ibex.border.NotFoundException;
import org.ibex.border.Post;
import org.ibex.border.PostRepository;
import org.ibex.border.Posts;
import org.ibex.input.FieldRuleException;
import org.ibex.replication.PostNodes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Border posts: the list, a new post with its kind and time zone, and the edit of an existing one's details, with
 * (at a headquarters) the node that serves it.
 */
final class AdminPostScreens implements ScreenArea {
    private static final String POSTS = "/admin/posts";
    private final Posts admin;
    private final PostRepository posts;
    private final PostNodes nodes;

    AdminPostScreens(Posts admin, PostRepository posts, PostNodes nodes) {
        this.admin = admin;
        this.posts = posts;
        this.nodes = nodes;
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(POSTS, AdminScreens.ADMIN, r -> list(r, Form.empty().set("kind", "airport")));
        routes.post(POSTS, AdminScreens.ADMIN, r -> {
            Form form = typed(r).set("id", r.form("id").toUpperCase(Locale.ROOT));
            try {
                Post post = admin.add(r.actor(), form.value("id"), form.value("name"), form.value("kind"),
                        form.value("zone"));
                r.redirect(POSTS + "?added=" + URLEncoder.encode(post.id(), StandardCharsets.UTF_8));
            } catch (FieldRuleException e) {
                AdminErrors.add(r, form, "admin.posts.error", e);
                r.ctx().status(400);
                list(r, form);
            }
        });
        routes.get(POSTS + "/{id}", AdminScreens.ADMIN, r -> {
            Post post = post(r);
            edit(r, post, Form.empty().set("name", post.name()).set("kind", label(post.kind()))
                    .set("zone", post.zone().getId()).set("node", nodes.nodeOf(post.id()).orElse("")));
        });
        routes.post(POSTS + "/{id}", AdminScreens.ADMIN, r -> {
            Post post = post(r);
            Form form = typed(r);
            try {
                PostNodes.check(form.value("node"));
                admin.edit(r.actor(), post.id(), form.value("name"), form.value("kind"), form.value("zone"));
                if (!form.value("node").strip().equals(nodes.nodeOf(post.id()).orElse(""))) {
                    nodes.assign(r.actor(), post.id(), form.value("node"));
                }
                r.redirect(POSTS + "?saved=" + URLEncoder.encode(post.id(), StandardCharsets.UTF_8));
            } catch (FieldRuleException e) {
                AdminErrors.add(r, form, "admin.posts.error", e);
                r.ctx().status(400);
                edit(r, post, form);
            }
        });
    }

    private void list(ScreenRequest r, Form form) {
        String added = posts.find(r.query("added")).map(p -> r.t("admin.posts.added", p.id())).orElse("");
        String saved = posts.find(r.query("saved")).map(p -> r.t("admin.posts.saved", p.id())).orElse("");
        r.render("admin/posts.jte", r.page(r.t("admin.posts.title"), form), "posts", posts.all(),
                "kinds", kinds(r), "notice", added.isEmpty() ? saved : added);
    }

    private void edit(ScreenRequest r, Post post, Form form) {
        r.render("admin/post.jte", r.page(r.t("admin.post.title", post.id()), form), "post", post,
                "kinds", kinds(r));
    }

    private static Form typed(ScreenRequest r) {
        return Form.empty().set("name", r.form("name")).set("kind", r.form("kind")).set("zone", r.form("zone"))
                .set("node", r.form("node"));
    }

    private Post post(ScreenRequest r) {
        String id = r.ctx().pathParam("id");
        return posts.find(id).orElseThrow(() -> new NotFoundException("no post " + id));
    }

    static String label(Post.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> kinds(ScreenRequest r) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (Post.Kind kind : Post.Kind.values()) {
            kinds.put(label(kind), r.t("admin.posts.kind." + label(kind)));
        }
        return kinds;
    }
}
