package org.ibex.cli;

import org.ibex.access.Role;
import org.ibex.access.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.Console;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Adds a user account from the command line (the first admin of a node is made this way). */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add a user (password from $IBEX_PASSWORD or a prompt).",
        subcommands = UserCommand.Add.class)
final class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user account.")
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
            User user = new User(username, Role.parse(role), post);
            String password = System.getenv("IBEX_PASSWORD");
            Console console = System.console();
            if (password == null && console != null) {
                char[] typed = console.readPassword("password for %s: ", username);
                password = typed == null ? null : new String(typed);
            }
            if (password == null) {
                throw new IllegalArgumentException("no password: set IBEX_PASSWORD or run on a terminal");
            }
            try (Node node = data.open()) {
                if (post != null && node.services.posts().find(post).isEmpty()) {
                    throw new IllegalArgumentException("unknown post '" + post + "': add it with 'ibex post add'");
                }
                node.services.authenticator().addUser(user, password, Instant.now());
            }
            System.out.println("added " + user.role().label() + " " + username);
            return 0;
        }
    }
}
