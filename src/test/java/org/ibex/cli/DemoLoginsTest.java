package org.ibex.cli;

import org.ibex.demo.DemoSeeder;
import org.ibex.node.Node;

import org.ibex.access.Authenticator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's logins, printed in the README, work as printed: the operator chose them, so they are not
 * one-time passwords, even where the password policy would refuse them (demo-admin-pass contains "admin").
 */
class DemoLoginsTest {
    @Test
    void everyPublishedDemoLoginOpensAFullSession() {
        try (Node node = Node.open(TestDataFolder.create().path(), Map.of(), Clock.systemUTC())) {
            new DemoSeeder(node, new Random(1), LocalDate.of(2026, 11, 24)).seedReferenceData();

            for (String[] login : DemoSeeder.LOGINS) {
                Authenticator.Outcome outcome = node.services.authenticator().login(login[0], login[1], "127.0.0.1");
                assertThat(outcome.ok()).as("%s / %s as in the README", login[0], login[1]).isTrue();
                assertThat(outcome.passwordChangeRequired()).as(login[0]).isFalse();
            }
            assertThat(node.services.accessLog().recent("user.", 100)).as("seeding the users is logged too")
                    .hasSize(DemoSeeder.LOGINS.size());
        }
    }
}
