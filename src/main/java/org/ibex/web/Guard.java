package org.ibex.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.ibex.access.Actor;
import org.ibex.access.Authenticator;
import org.ibex.access.User;

import java.util.Optional;
import java.util.Set;

/**
 * Wraps every handler: authenticates the bearer token (401), holds a session that must first change its
 * password to that one endpoint (403), checks the endpoint's roles (403), makes the
 * actor available to the handler, and names the endpoint for {@link RequestMetrics}. Explicit, so a reader sees the
 * whole gate here.
 */
final class Guard {
    /** All a login with a one-time password may do: set the user's own password, or log out. */
    static final Set<String> BEFORE_PASSWORD_CHANGE = Set.of("POST " + AccountRoutes.OWN_PASSWORD, "POST /api/logout");
    private final Authenticator authenticator;

    Guard(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    Handler wrap(Endpoint endpoint) {
        return ctx -> {
            ctx.attribute(RequestMetrics.ENDPOINT_PATH, endpoint.path());
            if (!endpoint.isPublic()) {
                admit(ctx, endpoint);
            }
            endpoint.handler().handle(ctx);
        };
    }

    private void admit(Context ctx, Endpoint endpoint) {
        Optional<Authenticator.Authenticated> session = authenticator.authenticate(bearer(ctx));
        if (session.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"ibex\"");
            throw new ApiException(401, "unauthenticated", null,
                    "log in at POST /api/login and send the token as 'Authorization: Bearer <token>'");
        }
        if (session.get().passwordChangeRequired()
                && !BEFORE_PASSWORD_CHANGE.contains(endpoint.method().name() + " " + endpoint.path())) {
            throw new ApiException(403, "password-change-required", null, "this login used a one-time password: "
                    + "set your own with POST " + AccountRoutes.OWN_PASSWORD + " first");
        }
        User user = session.get().user();
        if (!endpoint.roles().contains(user.role())) {
            throw new ApiException(403, "forbidden", null, "role " + user.role().label()
                    + " may not " + endpoint.method() + " " + endpoint.path());
        }
        String purpose = ctx.header("X-Purpose");
        if (purpose == null || purpose.isBlank()) {
            purpose = endpoint.method() + " " + endpoint.path();
        }
        ctx.attribute(Requests.ACTOR, new Actor(user, purpose, ctx.ip()));
    }

    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
