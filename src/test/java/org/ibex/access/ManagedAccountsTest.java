package org.ibex.access;

import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A post applies headquarters' accounts whole: it creates and updates the ones headquarters manages, disables those
 * that left the set, keeps the newer password, and never touches an account made at the post.
 */
class ManagedAccountsTest {
    private static final String HQ = "UTO/IMM/HQ";
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final PasswordHasher CHEAP = new PasswordHasher(8, 1, new SecureRandom());
    private final ManagedAccounts managed = new ManagedAccounts();
    private Database database;
    private UserRepository users;

    @BeforeEach
    void open() {
        database = TestDatabases.fresh();
        users = new UserRepository(database);
        database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO post(id, name, kind, zone_id)"
                    + " VALUES ('UTO-LAND', 'Land post', 'LAND', 'Europe/Vilnius')")) {
                return insert.executeUpdate();
            }
        });
        TestAccounts.seed(database, new User("officer.local", Role.OFFICER, "UTO-LAND"), "local password 1");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void headquartersAccountsAreCreatedUpdatedAndDisabledWhenTheyLeaveTheSetAndLocalOnesStay() {
        String localHash = users.find("officer.local").orElseThrow().passwordHash();
        ManagedAccount ana = account("officer.ana", Role.OFFICER, "pw ana one", T0, false);
        ManagedAccount local = account("Officer.Local", Role.SUPERVISOR, "pw hq local", T0, false);
        ManagedAccounts.Applied first = apply(ana, local, account("chief.land", Role.SUPERVISOR, "pw chief", T0, false));

        assertThat(first.changes()).extracting(ManagedAccounts.Change::action).containsExactly("user.create",
                "user.create");
        assertThat(first.keptLocal()).containsExactly("officer.local");
        assertThat(first.summary()).isEqualTo("accounts create=2, kept local officer.local");
        assertThat(users.find("officer.local").orElseThrow()).satisfies(a -> {
            assertThat(a.passwordHash()).isEqualTo(localHash);
            assertThat(a.user().role()).isEqualTo(Role.OFFICER);
        });
        assertThat(CHEAP.verify("pw ana one",
                users.find("officer.ana").orElseThrow().passwordHash())).isTrue();
        int epoch = users.find("officer.ana").orElseThrow().sessionEpoch();

        // Headquarters promotes Ana and disables nobody; the chief leaves the set.
        ManagedAccounts.Applied second = apply(account("officer.ana", Role.SUPERVISOR, "pw ana one", T0, false));
        assertThat(second.changes()).extracting(ManagedAccounts.Change::action).containsExactly("user.change",
                "user.disable");
        assertThat(second.changes().get(1).subject()).contains("user/chief.land").contains("no longer sent");
        assertThat(users.find("officer.ana").orElseThrow()).satisfies(a -> {
            assertThat(a.user().role()).isEqualTo(Role.SUPERVISOR);
            assertThat(a.sessionEpoch()).as("a change ends open sessions").isGreaterThan(epoch);
        });
        assertThat(users.find("chief.land").orElseThrow().disabled()).as("disabled, never deleted").isTrue();
        assertThat(users.find("officer.local").orElseThrow().disabled()).isFalse();

        assertThat(apply(account("officer.ana", Role.SUPERVISOR, "pw ana one", T0, true)).changes())
                .extracting(ManagedAccounts.Change::action).containsExactly("user.disable");
        assertThat(apply(account("officer.ana", Role.SUPERVISOR, "pw ana one", T0, true)).summary())
                .as("the same set again changes nothing").isEqualTo("accounts unchanged");
    }

    @Test
    void aPasswordSetAtThePostAfterHeadquartersOneStaysUntilHeadquartersSetsANewerOne() {
        apply(account("officer.ana", Role.OFFICER, "one-time at hq", T0, false));
        // Ana changed her password at the post an hour later (her first login there).
        String own = CHEAP.hash("ana's own password");
        database.inTransaction(c -> {
            new UserRepository(database).setPassword(c, "officer.ana", own, false, T0.plusSeconds(3600));
            return null;
        });

        assertThat(apply(account("officer.ana", Role.OFFICER, "one-time at hq", T0, false)).summary())
                .isEqualTo("accounts unchanged");
        assertThat(users.find("officer.ana").orElseThrow().passwordHash()).isEqualTo(own);

        assertThat(apply(account("officer.ana", Role.OFFICER, "reset at hq", T0.plusSeconds(7200), false)).changes())
                .extracting(ManagedAccounts.Change::action).containsExactly("user.password-set");
        assertThat(CHEAP.verify("reset at hq", users.find("officer.ana").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void aSetNamingOneAccountTwiceIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> apply(account("officer.ana", Role.OFFICER, "pw one 1234", T0, false),
                account("OFFICER.ANA", Role.OFFICER, "pw two 1234", T0, false)))
                .hasMessageContaining("username OFFICER.ANA appears twice");
        assertThat(users.find("officer.ana")).isEmpty();
    }

    @Test
    void whatComesFromHeadquartersIsCheckedFieldByField() {
        assertThatThrownBy(() -> new ManagedAccount("a", Role.OFFICER, "UTO-LAND", CHEAP.hash("password 1"), T0,
                false, false, T0).checked()).hasMessageStartingWith("username must be 2 to 80 characters");
        assertThatThrownBy(() -> new ManagedAccount("root", Role.ADMIN, null, CHEAP.hash("password 1"), T0,
                false, false, T0).checked()).hasMessage("role must be officer or supervisor: national roles stay at"
                + " headquarters (got admin)");
        assertThatThrownBy(() -> new ManagedAccount("ana", Role.OFFICER, "P".repeat(41), CHEAP.hash("password 1"),
                T0, false, false, T0).checked()).hasMessageStartingWith("postId is required, at most 40");
        assertThatThrownBy(() -> new ManagedAccount("ana", Role.OFFICER, "UTO-LAND", null, T0, false, false, T0)
                .checked()).hasMessage("passwordHash is required");
        assertThatThrownBy(() -> new ManagedAccount("ana", Role.OFFICER, "UTO-LAND", "plain password", T0, false,
                false, T0).checked()).hasMessageStartingWith("passwordHash must be an argon2id hash");
        String greedy = CHEAP.hash("password 1").replace("m=8,", "m=4194304,");
        assertThatThrownBy(() -> new ManagedAccount("ana", Role.OFFICER, "UTO-LAND", greedy, T0, false, false, T0)
                .checked()).as("a hash that would make every login take 4 GiB").hasMessageStartingWith(
                "passwordHash must be an argon2id hash of at most 262144 KiB");
        assertThat(account("ana", Role.OFFICER, "password 1", T0, false).toString()).doesNotContain("argon2");
    }

    private ManagedAccounts.Applied apply(ManagedAccount... accounts) {
        return database.inTransaction(c -> managed.apply(c, HQ, List.of(accounts)));
    }

    private static ManagedAccount account(String name, Role role, String password, Instant setAt, boolean disabled) {
        return new ManagedAccount(name, role, "UTO-LAND", CHEAP.hash(password), setAt, true, disabled, T0).checked();
    }
}
