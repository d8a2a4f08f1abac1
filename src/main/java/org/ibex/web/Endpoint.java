package org.ibex.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;

import java.util.Set;

/**
 * One route of the API: method, path, the roles allowed (empty means public) and the handler. The list of
 * endpoints is the single source for routing, for the role checks and for the OpenAPI consistency test.
 */
record Endpoint(HandlerType method, String path, Set<Role> roles, Handler handler) {
    static Endpoint open(HandlerType method, String path, Handler handler) {
        return new Endpoint(method, path, Set.of(), handler);
    }

    static Endpoint of(HandlerType method, String path, Set<Role> roles, Handler handler) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a protected endpoint needs at least one role: " + path);
        }
        return new Endpoint(method, path, Set.copyOf(roles), handler);
    }

    boolean isPublic() {
        return roles.isEmpty();
    }
}
