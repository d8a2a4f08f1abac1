package org.ibex.screens;

import org.ibex.access.Role;

import java.util.List;
import java.util.Set;

/** One entry of the main navigation: where it goes, its text's key and who sees it. */
public record Nav(String path, String key, Set<Role> roles) {
    /** The whole navigation, in the order of a working day; each user sees the entries of their role. */
    public static final List<Nav> ALL = List.of(
            new Nav("/inspection", "nav.inspection", Set.of(Role.OFFICER, Role.SUPERVISOR)),
            new Nav("/arrivals", "nav.arrivals", Set.of(Role.OFFICER, Role.SUPERVISOR)),
            new Nav("/supervisor/crossings", "nav.crossings", Set.of(Role.SUPERVISOR)),
            new Nav("/supervisor/referrals", "nav.referrals", Set.of(Role.SUPERVISOR)),
            new Nav("/supervisor/hits", "nav.hits", Set.of(Role.SUPERVISOR)),
            new Nav("/persons", "nav.persons", Set.of(Role.SUPERVISOR)),
            new Nav("/watchlists", "nav.watchlists", Set.of(Role.SUPERVISOR, Role.LIST_MANAGER)),
            new Nav("/supervisor/users", "nav.postUsers", Set.of(Role.SUPERVISOR)),
            new Nav("/admin/users", "nav.users", Set.of(Role.ADMIN)),
            new Nav("/admin/posts", "nav.posts", Set.of(Role.ADMIN)),
            new Nav("/admin/stay-rules", "nav.stayRules", Set.of(Role.ADMIN)),
            new Nav("/admin/exchange", "nav.exchange", Set.of(Role.ADMIN)),
            new Nav("/wanted-prints", "nav.wantedPrints", Set.of(Role.LIST_MANAGER, Role.SUPERVISOR, Role.ADMIN)),
            new Nav("/analyst", "nav.analystHome", Set.of(Role.ANALYST)),
            new Nav("/analyst/dashboard", "nav.dashboard", Set.of(Role.ANALYST, Role.SUPERVISOR)),
            new Nav("/analyst/overstayers", "nav.overstayers", Set.of(Role.ANALYST, Role.SUPERVISOR)),
            new Nav("/sync", "nav.sync", Set.of(Role.ADMIN, Role.ANALYST, Role.SUPERVISOR)),
            new Nav("/agreements", "nav.agreements", Set.of(Role.ADMIN, Role.ANALYST, Role.SUPERVISOR)),
            new Nav("/questions", "nav.questions", Set.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)),
            new Nav("/requests", "nav.requests", Set.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)),
            new Nav("/partner-probes", "nav.partnerProbes", Set.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)),
            new Nav("/release-decisions", "nav.releaseDecisions", Set.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)),
            new Nav("/partner-searches", "nav.partnerSearches", Set.of(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)),
            new Nav("/disclosures", "nav.disclosures", Set.of(Role.ANALYST, Role.ADMIN)),
            new Nav("/docs/api", "nav.apiDocs", Set.of(Role.values())));

    public static List<Nav> of(Role role) {
        return ALL.stream().filter(nav -> nav.roles.contains(role)).toList();
    }

    /** Where a user lands after logging in: the first entry of their role. */
    public static String home(Role role) {
        return of(role).get(0).path();
    }
}
