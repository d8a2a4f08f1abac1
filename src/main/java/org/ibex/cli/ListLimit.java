package org.ibex.cli;

import picocli.CommandLine.Option;

/** The {@code --limit} of the commands that list questions, requests, probes and releases: 1 to 500, 100 unless given. */
final class ListLimit {
    @Option(names = "--limit", defaultValue = "100", description = "at most this many, 1..500 (default ${DEFAULT-VALUE})")
    int limit;

    /** The limit given; an IllegalArgumentException naming the option when it is out of range. */
    int value() {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("--limit must be 1 to 500 (got " + limit + ")");
        }
        return limit;
    }
}
