package org.ibex.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.ibex.access.Actor;
import org.ibex.access.Authenticator;
import org.ibex.access.User;

import java.util.Optional;

/**
 * Wraps every handler: authenticates the bearer token (401), checks the endpoint's roles (403), makes the
 * actor available to the handler, and times the request. Explicit, so a reader sees the whole gate here.
 */
final class Guard {
    private final Authenticator authenticator;
    private final MeterRegistry metrics;

    Guard(Authenticator authenticator, MeterRegistry metrics) {
        this.authenticator = authenticator;
        this.metrics = metrics;
    }

    Handler wrap(Endpoint endpoint) {
        return ctx -> {
            Timer.Sample sample = Timer.start(metrics);
            try {
                if (!endpoint.isPublic()) {
                    admit(ctx, endpoint);
                }
                endpoint.handler().handle(ctx);
            } finally {
                sample.stop(metrics.timer("ibex.http.requests", "method", endpoint.method().name(),
                        "path", endpoint.path(), "status", Integer.toString(ctx.statusCode())));
            }
        };
    }

    private void admit(Context ctx, Endpoint endpoint) {
        Optional<User> user = authenticator.authenticate(bearer(ctx));
        if (user.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"ibex\"");
            throw new ApiException(401, "unauthenticated", null,
                    "log in at POST /api/login and send the token as 'Authorization: Bearer <token>'");
        }
        if (!endpoint.roles().contains(user.get().role())) {
            throw new ApiException(403, "forbidden", null, "role " + user.get().role().label()
                    + " may not " + endpoint.method() + " " + endpoint.path());
        }
        String purpose = ctx.header("X-Purpose");
        if (purpose == null || purpose.isBlank()) {
            purpose = endpoint.method() + " " + endpoint.path();
        }
        ctx.attribute(Requests.ACTOR, new Actor(user.get(), purpose, ctx.ip()));
    }

    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
