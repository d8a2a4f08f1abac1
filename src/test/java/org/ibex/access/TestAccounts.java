package org.ibex.access;

import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.store.Database;

import java.security.SecureRandom;
import java.time.Clock;

/** Accounts on a bare database, for tests that need a login but no node: added as the demo adds its users. */
public final class TestAccounts {
    private TestAccounts() {
    }

    /** Adds {@code user} with {@code password} (production hashing cost), logged as the test's operator. */
    public static void seed(Database database, User user, String password) {
        Clock clock = Clock.systemUTC();
        UserRepository users = new UserRepository(database);
        Authenticator authenticator = new Authenticator(users, PasswordHasher.standard(), LoginThrottle.standard(clock),
                Sessions.standard(clock));
        Accounts accounts = new Accounts(database, users, authenticator, null,
                new AccessLog(database, new AuditLog(clock), clock).forAccounts(), post -> true, new SecureRandom(), clock);
        accounts.seed(new Actor(new User("cli:test", Role.ADMIN, null), "test set-up", "local"), user, password);
    }
}
