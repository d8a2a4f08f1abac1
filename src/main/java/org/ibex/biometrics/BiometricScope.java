package org.ibex.biometrics;

import org.ibex.access.Actor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Which persons' and subjects' fingerprints an actor may act on: a person their post has dealt with (the
 * crossings rule, {@link PersonVisibility}) or one their post holds an open case for; an unknown subject
 * (a 1:N probe) belongs to the post that took it. Analysts and admins are bound to no post.
 */
final class BiometricScope {
    private final PersonVisibility visibility;
    private final BiometricRepository subjects;
    private final CaseRepository cases;

    BiometricScope(PersonVisibility visibility, BiometricRepository subjects, CaseRepository cases) {
        this.visibility = visibility;
        this.subjects = subjects;
        this.cases = cases;
    }

    /** True when the person exists and the actor may act on their fingerprints. */
    boolean coversPerson(Connection connection, long personId, Actor actor, Instant now) throws SQLException {
        if (!subjects.personExists(connection, personId)) {
            return false;
        }
        return visibility.visible(connection, personId, actor)
                || actor.user().role().boundToPost() && cases.openAt(connection, personId, actor.user().postId(), now);
    }

    boolean coversSubject(Connection connection, BiometricRepository.StoredSubject subject, Actor actor, Instant now)
            throws SQLException {
        if (subject.personId() != null) {
            return coversPerson(connection, subject.personId(), actor, now);
        }
        return actor.user().mayActAtPost(subject.postId());
    }
}
