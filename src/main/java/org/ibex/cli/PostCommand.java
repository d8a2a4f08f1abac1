package org.ibex.cli;

import org.ibex.node.Node;

import org.ibex.border.Post;
import org.ibex.node.Operator;
import org.ibex.replication.PostNodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Adds a border post; at a headquarters, says which node serves one. */
@Command(name = "post", mixinStandardHelpOptions = true, description = "Manage border posts.",
        subcommands = {PostCommand.Add.class, PostCommand.ServedBy.class, PostCommand.Locate.class})
final class PostCommand {

    @Command(name = "node", mixinStandardHelpOptions = true,
            description = "At a headquarters: the node that serves a post gets its accounts before it ever reports,"
                    + " and other nodes' records of the post are refused. --node '' clears it.")
    static final class ServedBy implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Option(names = "--id", required = true, description = "the border post")
        String id;

        @Option(names = "--node", required = true, description = "STATE/AGENCY/UNIT, e.g. UTO/IMM/POST-LAND")
        String node;

        @Override
        public Integer call() {
            try (org.ibex.node.Node opened = data.open()) {
                java.util.Optional<String> stored = new PostNodes(opened.database, opened.services.accessLog(),
                        java.time.Clock.systemUTC()).assign(Operator.actor("post node set at shell"), id, node);
                System.out.println("post " + id + " " + stored.map(n -> "served by " + n)
                        .orElse("served by the node whose records name it first"));
            }
            return 0;
        }
    }

    @Command(name = "locate", mixinStandardHelpOptions = true,
            description = "Where a post stands (the flow map) and the admin area it serves (flow monitoring).")
    static final class Locate implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Option(names = "--id", required = true, description = "the border post")
        String id;

        @Option(names = "--latitude", description = "WGS 84 degrees, -90..90")
        Double latitude;

        @Option(names = "--longitude", description = "WGS 84 degrees, -180..180")
        Double longitude;

        @Option(names = "--area-pcode", description = "p-code of the admin area the post serves, e.g. UT03")
        String areaPcode;

        @Option(names = "--area-name", description = "name of that area")
        String areaName;

        @Override
        public Integer call() {
            try (Node node = data.open()) {
                org.ibex.border.PostLocations.Location set = new org.ibex.border.PostLocations(node.database,
                        node.services.accessLog()).locate(Operator.actor("post located at shell"), id,
                        new org.ibex.border.PostLocations.Location(latitude, longitude, areaPcode, areaName));
                System.out.println("post " + id + " at " + set.latitude() + "," + set.longitude() + " in area "
                        + set.areaPcode() + (set.areaName() == null ? "" : " " + set.areaName()));
            }
            return 0;
        }
    }

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
