package org.ibex.access;

import org.ibex.store.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A token ends after 8 hours idle and, however busy, 12 hours after the login. */
class SessionLifetimeTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T06:00:00Z"));
    private final Sessions sessions = Sessions.standard(clock);

    @Test
    void aTokenUsedEveryFewHoursStillEndsTwelveHoursAfterTheLogin() {
        String token = sessions.open("officer.a", 0);
        for (int hour = 3; hour < 12; hour += 3) {
            clock.advance(Duration.ofHours(3));
            assertThat(sessions.find(token)).as("in use after %d hours", hour).isPresent();
        }
        clock.advance(Duration.ofHours(3));

        assertThat(sessions.find(token)).as("12 hours after the login, however busy").isEmpty();
    }

    @Test
    void aTokenLeftIdleForEightHoursEnds() {
        String token = sessions.open("officer.a", 0);
        clock.advance(Duration.ofHours(8).plusSeconds(1));

        assertThat(sessions.find(token)).isEmpty();
    }

    @Test
    void closingAllOfAUsersSessionsIgnoresCaseAndSparesOthers() {
        String first = sessions.open("officer.a", 0);
        String second = sessions.open("Officer.A", 0);
        String other = sessions.open("officer.b", 0);

        sessions.closeAll("OFFICER.a");

        assertThat(sessions.find(first)).isEmpty();
        assertThat(sessions.find(second)).isEmpty();
        assertThat(sessions.find(other)).isPresent();
    }
}
