package org.ibex.screens;

import org.ibex.access.User;

import java.util.List;

/**
 * What every page's layout needs: the user's texts and language, the title, who is logged in (null on the login
 * page), the CSRF token its forms carry, the asset addresses and the navigation of the user's role.
 */
public record Page(Texts t, String title, User user, String csrf, Assets assets, String path, Form form) {
    public Lang lang() {
        return t.lang();
    }

    public String asset(String name) {
        return assets.url(name);
    }

    public List<Nav> nav() {
        return user == null ? List.of() : Nav.of(user.role());
    }

    public boolean current(Nav nav) {
        return path.equals(nav.path()) || path.startsWith(nav.path() + "/");
    }

    /** The page's title as the browser shows it; "Error:" first when the form has errors, as screen readers hear it. */
    public String documentTitle() {
        String title = this.title + " – IBEX";
        return form != null && form.hasErrors() ? t.t("common.errorPrefix") + " " + title : title;
    }

    /** The htmx request header that carries the CSRF token, as the JSON that `hx-headers` takes. */
    public String csrfHeaders() {
        return "{\"" + Csrf.HEADER + "\":\"" + csrf + "\"}";
    }

    public Page withForm(Form form) {
        return new Page(t, title, user, csrf, assets, path, form);
    }
}
