package org.ibex.delivery;

import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Processes sharing one database take turns to send its outbox, as the database's own lease row decides. */
class SenderLeaseTest {
    private final Database database = TestDatabases.fresh();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void oneHolderAtATimeAndAStandbyTakesOverOnceTheLeaseIsGivenBack() throws Exception {
        SenderLease active = new SenderLease(database, "host-a:/srv/ibex", SenderLease.STANDARD);
        SenderLease standby = new SenderLease(database, "host-b:/srv/ibex", SenderLease.STANDARD);

        assertThat(active.held()).isTrue();
        assertThat(standby.held()).isFalse();
        assertThat(active.held()).as("renewing keeps it").isTrue();
        assertThat(standby.state()).isEqualTo(new SenderLease.State("host-a:/srv/ibex", false));
        assertThat(active.state()).isEqualTo(new SenderLease.State("host-a:/srv/ibex", true));

        active.release();

        RunningNodes.await("the standby takes the lease given back", standby::held);
        assertThat(active.held()).isFalse();
        assertThat(active.state()).isEqualTo(new SenderLease.State("host-b:/srv/ibex", false));
    }

    @Test
    void aLapsedLeaseGoesToTheNextAskerAndARestartedHolderTakesItsOwnStraightBack() throws Exception {
        SenderLease dies = new SenderLease(database, "host-a:/srv/ibex", Duration.ofSeconds(1));
        assertThat(dies.held()).isTrue();
        SenderLease restarted = new SenderLease(database, "host-a:/srv/ibex", Duration.ofSeconds(1));
        assertThat(restarted.held()).as("the same name is the same process, started again").isTrue();

        // Nobody renews from now on, as when the holder is killed: the lease lapses after its second.
        SenderLease standby = new SenderLease(database, "host-b:/srv/ibex", Duration.ofSeconds(1));
        RunningNodes.await("the standby takes the lapsed lease", standby::held);
        assertThat(standby.state().held()).isTrue();
    }

    @Test
    void refusesANamelessHolderAndALeaseShorterThanASecond() {
        assertThatThrownBy(() -> new SenderLease(database, " ", SenderLease.STANDARD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease holder must be 1 to 300");
        assertThatThrownBy(() -> new SenderLease(database, "x".repeat(301), SenderLease.STANDARD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease holder must be 1 to 300");
        assertThatThrownBy(() -> new SenderLease(database, "host-a", Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least a second");
    }
}
