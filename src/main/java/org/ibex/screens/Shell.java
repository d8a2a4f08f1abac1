package org.ibex.screens;

import io.javalin.http.Context;
import org.ibex.access.Authenticator;

import java.util.Map;
import java.util.Optional;

/**
 * What every screen shares: the assets, the templates, the texts of each language, the CSRF key, and the cookies
 * that carry the session and the chosen language.
 */
public final class Shell {
    /** The session cookie: the same token the API's bearer takes, kept where page scripts cannot read it. */
    public static final String SESSION_COOKIE = "ibex_session";
    /** The chosen language, remembered for a year. */
    public static final String LANG_COOKIE = "ibex_lang";
    private final Assets assets;
    private final Render render;
    private final Map<Lang, Texts> texts;
    private final Csrf csrf;
    private final Authenticator authenticator;
    private final boolean secureCookies;

    public Shell(Assets assets, Render render, Map<Lang, Texts> texts, Csrf csrf, Authenticator authenticator,
                 boolean secureCookies) {
        this.assets = assets;
        this.render = render;
        this.texts = texts;
        this.csrf = csrf;
        this.authenticator = authenticator;
        this.secureCookies = secureCookies;
    }

    public Assets assets() {
        return assets;
    }

    public Render render() {
        return render;
    }

    public Csrf csrf() {
        return csrf;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public Texts texts(Lang lang) {
        return texts.get(lang);
    }

    /** The language of a request: the user's choice if made, else the browser's first supported one. */
    public Lang lang(Context ctx) {
        return Lang.of(ctx.cookie(LANG_COOKIE)).orElseGet(() -> Lang.fromAcceptLanguage(ctx.header("Accept-Language")));
    }

    public Optional<String> sessionToken(Context ctx) {
        String token = ctx.cookie(SESSION_COOKIE);
        return token == null || token.isBlank() || token.length() > 200 ? Optional.empty() : Optional.of(token);
    }

    /** The logged-in session of a request, if its cookie names a live one. */
    public Optional<Authenticator.Authenticated> session(Context ctx) {
        return sessionToken(ctx).flatMap(authenticator::authenticate);
    }

    public void setSession(Context ctx, String token) {
        ctx.res().addHeader("Set-Cookie", cookie(SESSION_COOKIE, token, -1));
    }

    public void clearSession(Context ctx) {
        ctx.res().addHeader("Set-Cookie", cookie(SESSION_COOKIE, "", 0));
    }

    public void setLang(Context ctx, Lang lang) {
        ctx.res().addHeader("Set-Cookie", cookie(LANG_COOKIE, lang.code(), 365L * 24 * 3600));
    }

    /**
     * HttpOnly, SameSite=Strict and, over TLS, Secure. A node served over plain HTTP (the demo on loopback) cannot
     * set Secure cookies that the browser would send back; `ibex serve` with a keystore always does.
     */
    private String cookie(String name, String value, long maxAgeSeconds) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Strict");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (secureCookies) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }
}
