package org.ibex.screens;

import org.ibex.replication.PostNodes;
import org.ibex.access.Role;
import org.ibex.border.Posts;
import org.ibex.border.StayRules;
import org.ibex.web.Services;

import java.util.List;
import java.util.Set;

/** Administration: users, posts, stay rules and the node's exchange status, for administrators only. */
public final class AdminScreens implements ScreenArea {
    static final Set<Role> ADMIN = Set.of(Role.ADMIN);
    private final List<ScreenArea> parts;

    public AdminScreens(Shell shell, Services services) {
        this.parts = List.of(
                new AdminUserScreens(services.accounts(), services.posts()),
                new AdminPostScreens(new Posts(services.database(), services.accessLog()), services.posts(),
                        new PostNodes(services.database(), services.accessLog(), services.clock())),
                new AdminStayRuleScreens(new StayRules(services.database(), services.accessLog()), services.stays()),
                new AdminExchangeScreen(services.exchange()));
    }

    @Override
    public void routes(ScreenRoutes routes) {
        parts.forEach(part -> part.routes(routes));
    }
}
