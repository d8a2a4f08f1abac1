package org.ibex.cli;

import org.ibex.node.Node;

import org.ibex.border.Post;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Adds a border post. */
@Command(name = "post", mixinStandardHelpOptions = true, description = "Manage border posts.", subcommands = PostCommand.Add.class)
final class PostCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a border post.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Option(names = "--id", required = true)
        String id;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--kind", required = true, description = "airport, land or seaport")
        String kind;

        @Option(names = "--zone", required = true, description = "time zone, e.g. Europe/Vilnius")
        String zone;

        @Override
        public Integer call() {
            Post.Kind parsedKind;
            try {
                parsedKind = Post.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--kind must be airport, land or seaport (got '" + kind + "')");
            }
            Post post = new Post(id, name, parsedKind, ZoneId.of(zone));
            try (Node node = data.open()) {
                node.services.posts().add(post);
            }
            System.out.println("added post " + id);
            return 0;
        }
    }
}
