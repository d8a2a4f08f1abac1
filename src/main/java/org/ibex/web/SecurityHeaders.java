package org.ibex.web;

import io.javalin.http.Context;

/**
 * Headers on every answer: the API serves personal data as JSON and nothing a browser should render, cache, frame
 * or guess the type of; over TLS, browsers are told never to fall back to plain HTTP.
 */
final class SecurityHeaders {
    /** A year, as the HSTS preload list asks; the node's address does not move between HTTP and HTTPS. */
    private static final String HSTS = "max-age=31536000";
    private final boolean tls;

    SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    void apply(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        ctx.header("Referrer-Policy", "no-referrer");
        if (tls) {
            ctx.header("Strict-Transport-Security", HSTS);
        }
    }
}
