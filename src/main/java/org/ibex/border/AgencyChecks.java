package org.ibex.border;

import org.ibex.access.Actor;

import java.util.List;

/**
 * The questions an inspection asks other agencies under their agreements (is this traveller wanted by the police?),
 * and what came back within the time an officer can wait. A node with no such agreement asks nothing.
 */
@FunctionalInterface
public interface AgencyChecks {
    AgencyChecks NONE = (document, crossingUid, actor) -> List.of();

    /** Asks (once per crossing uid: a retry waits for the first question's answer) and returns what stands now. */
    List<AgencyCheck> check(TravelDocument document, String crossingUid, Actor actor);
}
