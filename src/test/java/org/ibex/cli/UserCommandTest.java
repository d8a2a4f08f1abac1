package org.ibex.cli;

import org.ibex.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ibex user} goes through the same account operations as the API: the username rule, one-time passwords,
 * and an access-log entry for every change under the operating-system user who ran it.
 */
class UserCommandTest {
    private static final String OPERATOR = "cli:" + System.getProperty("user.name", "unknown");
    private TestDataFolder data;

    @BeforeEach
    void createDataFolder() {
        data = TestDataFolder.create();
    }

    @Test
    void addingAnAccountPrintsAOneTimePasswordAndLogsTheOperator() {
        CliRun add = CliRun.of("user", "add", "--data", data.arg(), "--username", "analyst.cli", "--role", "analyst");

        assertThat(add.exit()).as(add.output()).isZero();
        assertThat(add.out()).contains("added analyst analyst.cli").contains("one-time password for analyst.cli");
        assertThat(accountEvents()).as("created through the access operation, which logs it")
                .contains(OPERATOR + " user.create user/analyst.cli role=analyst post=-");
    }

    @Test
    void aNameThatBreaksTheRuleIsRefusedAsTheApiRefusesIt() {
        CliRun add = CliRun.of("user", "add", "--data", data.arg(), "--username", "bad name!", "--role", "analyst");

        assertThat(add.exit()).as(add.output()).isEqualTo(2);
        assertThat(add.err()).contains("username must be 2 to 80 characters of A-Z a-z 0-9 . _ -");
        assertThat(add.printedStackTrace()).isFalse();
    }

    @Test
    void aSecondAccountDifferingOnlyInCaseIsRefused() {
        assertThat(CliRun.of("user", "add", "--data", data.arg(), "--username", "analyst.cli", "--role", "analyst").exit())
                .isZero();

        CliRun again = CliRun.of("user", "add", "--data", data.arg(), "--username", "Analyst.CLI", "--role", "analyst");

        assertThat(again.exit()).as(again.output()).isEqualTo(2);
        assertThat(again.err()).contains("exists");
    }

    @Test
    void disableEnableUnlockAndResetActOnTheAccountAndAreLogged() {
        CliRun.of("user", "add", "--data", data.arg(), "--username", "analyst.cli", "--role", "analyst");

        CliRun disable = CliRun.of("user", "disable", "--data", data.arg(), "analyst.cli");
        CliRun listed = CliRun.of("user", "list", "--data", data.arg());
        CliRun enable = CliRun.of("user", "enable", "--data", data.arg(), "analyst.cli");
        CliRun unlock = CliRun.of("user", "unlock", "--data", data.arg(), "analyst.cli");
        CliRun reset = CliRun.of("user", "reset-password", "--data", data.arg(), "ANALYST.cli");

        assertThat(List.of(disable, listed, enable, unlock, reset)).allSatisfy(run -> assertThat(run.exit()).as(run.output()).isZero());
        assertThat(listed.out()).containsPattern("analyst\\.cli\\s+analyst\\s+-\\s+disabled");
        assertThat(reset.out()).contains("one-time password for analyst.cli");
        assertThat(accountEvents()).containsSubsequence(OPERATOR + " user.create user/analyst.cli role=analyst post=-",
                OPERATOR + " user.disable user/analyst.cli role=analyst post=-",
                OPERATOR + " user.enable user/analyst.cli role=analyst post=-",
                OPERATOR + " user.unlock user/analyst.cli role=analyst post=-",
                OPERATOR + " user.password-reset user/analyst.cli role=analyst post=-");
        assertThat(CliRun.of("user", "disable", "--data", data.arg(), "nobody").err()).contains("no user 'nobody'");
    }

    /** Account entries of the access log, oldest first, as "actor action subject". */
    private List<String> accountEvents() {
        try (Database database = data.openDatabase()) {
            return database.read(connection -> {
                List<String> events = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT actor, action, subject FROM access_log WHERE action LIKE 'user.%' ORDER BY id");
                     ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        events.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3));
                    }
                }
                return events;
            });
        }
    }
}
