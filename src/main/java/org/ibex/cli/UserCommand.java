package org.ibex.cli;

import org.ibex.node.Node;
import org.ibex.node.Operator;

import org.ibex.access.AccountSummary;
import org.ibex.access.Accounts;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.util.concurrent.Callable;

/**
 * Accounts from the node's shell, through the same {@link Accounts} operations as the API, logged with the
 * operating-system user as the actor ({@code cli:NAME}).
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add, list, disable, enable, unlock accounts and "
        + "reset their passwords.", subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class,
        UserCommand.Disable.class, UserCommand.Enable.class, UserCommand.Unlock.class, UserCommand.ResetPassword.class})
final class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account. The node's first admin gets "
            + "the password from $IBEX_PASSWORD or a prompt; every other account a one-time password, printed once.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--role", required = true, description = "officer, supervisor, analyst, admin or list-manager")
        String role;

        @Option(names = "--post", description = "post id (officers and supervisors)")
        String post;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                Accounts accounts = node.services.accounts();
                Actor operator = Operator.actor("account administration at shell");
                boolean firstAdmin = Role.parse(role) == Role.ADMIN && !node.services.users().hasAdmin();
                if (firstAdmin) {
                    User user = accounts.createWithPassword(operator, username, role, post, chosenPassword(username));
                    System.out.println("added the node's first admin " + user.username());
                    return 0;
                }
                if (System.getenv("IBEX_PASSWORD") != null) {
                    throw new IllegalArgumentException("IBEX_PASSWORD is only for the node's first admin: every other "
                            + "account gets a one-time password; unset it and run again");
                }
                Accounts.Issued issued = accounts.create(operator, username, role, post);
                System.out.println("added " + issued.user().role().label() + " " + issued.user().username());
                printOneTime(issued);
            }
            return 0;
        }

        private static String chosenPassword(String username) {
            String password = System.getenv("IBEX_PASSWORD");
            Console console = System.console();
            if (password == null && console != null) {
                char[] typed = console.readPassword("password for %s (12 characters or more): ", username);
                password = typed == null ? null : new String(typed);
            }
            if (password == null) {
                throw new IllegalArgumentException("no password for the first admin: set IBEX_PASSWORD or run on a terminal");
            }
            return password;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts with their state.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                for (AccountSummary a : node.services.accounts().list()) {
                    System.out.printf("%-24s %-10s %-12s %s%n", a.username(), a.role().label(),
                            a.postId() == null ? "-" : a.postId(), state(a));
                }
            }
            return 0;
        }

        private static String state(AccountSummary a) {
            String state = a.disabled() ? "disabled" : a.passwordChangeRequired() ? "must-change-password" : "active";
            return a.loginDelaySeconds() > 0 ? state + ", logins delayed " + a.loginDelaySeconds() + " s after "
                    + a.failedLogins() + " failures" : state;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account and end its sessions.")
    static final class Disable extends OnUser {
        Disable() {
            super("disabled", Accounts::disable);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account.")
    static final class Enable extends OnUser {
        Enable() {
            super("enabled", Accounts::enable);
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Forget an account's failed logins.")
    static final class Unlock extends OnUser {
        Unlock() {
            super("unlocked", Accounts::unlock);
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true, description = "Give an account a one-time "
            + "password, printed once, to be changed at the next login; ends its sessions.")
    static final class ResetPassword extends OnUser {
        ResetPassword() {
            super("reset", (accounts, actor, name) -> printOneTime(accounts.resetPassword(actor, name)));
        }
    }

    /** One account operation on the named user, as the shell's operator. */
    abstract static class OnUser implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        private final String done;
        private final Operation operation;

        OnUser(String done, Operation operation) {
            this.done = done;
            this.operation = operation;
        }

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                operation.apply(node.services.accounts(), Operator.actor("account administration at shell"), username);
            }
            System.out.println(done + " " + username);
            return 0;
        }
    }

    @FunctionalInterface
    interface Operation {
        void apply(Accounts accounts, Actor actor, String username);
    }

    static void printOneTime(Accounts.Issued issued) {
        System.out.println("one-time password for " + issued.user().username() + " (hand it over; it is shown only now "
                + "and works only to set their own password): " + issued.oneTimePassword());
    }
}
