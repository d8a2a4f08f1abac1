package org.ibex.cli;

import org.ibex.node.Node;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;

/** The {@code --data DIR} option every command that touches the store takes. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "data folder: configuration, H2 database, keys (default: $IBEX_DATA or ./ibex-data)")
    Path data;

    Path folder() {
        if (data != null) {
            return data;
        }
        String env = System.getenv("IBEX_DATA");
        return Path.of(env == null || env.isBlank() ? "ibex-data" : env);
    }

    Node open() {
        return Node.open(folder(), System.getenv(), Clock.systemUTC());
    }
}
