package org.ibex.web;

import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.border.PersonFiles;

import java.util.List;
import java.util.Set;

/** A person's file: what an identification's candidate links to. */
final class PersonRoutes {
    private final PersonFiles files;
    private final Services services;

    PersonRoutes(Services services) {
        this.services = services;
        this.files = new PersonFiles(services.database(), services.stays(), services.biometrics(), services.accessLog());
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.of(HandlerType.GET, "/api/persons/{id}", Set.of(Role.OFFICER, Role.SUPERVISOR,
                Role.ANALYST), ctx -> ctx.json(files.open(Requests.pathId(ctx, "id"),
                Requests.date(ctx, "asOf", services.stays().today()), Requests.actor(ctx)))));
    }
}
