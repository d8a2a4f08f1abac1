package org.ibex.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One story of the federation demo as it happened: its steps, each at the time the node that took it says, waited
 * for through the nodes' APIs and printed in time order once the story is over.
 */
final class StoryTimeline {
    private static final Duration POLL = Duration.ofMillis(100);

    private final PrintStream out;
    private final Duration timeout;
    private final List<Hop> hops = new ArrayList<>();
    private Instant start;

    /** One step of the story, at its time. */
    private record Hop(Instant at, String what) {
    }

    /** A look at the nodes that finds its value or not yet. */
    @FunctionalInterface
    interface Look<T> {
        Optional<T> now() throws IOException, InterruptedException;
    }

    StoryTimeline(PrintStream out, Duration timeout) {
        this.out = out;
        this.timeout = timeout;
    }

    /** The story begins now: steps are printed as milliseconds since. */
    void begin() {
        start = Instant.now();
    }

    void add(String what) {
        add(Instant.now(), what);
    }

    void add(Instant at, String what) {
        hops.add(new Hop(at, what));
    }

    /** Polls {@code look} until it finds its value; past the timeout, fails naming {@code what} it waited for. */
    <T> T await(Look<T> look, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = look.now();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + timeout.toSeconds() + " s for " + what
                        + "; see the nodes' logs");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Prints {@code title} and the steps in time order. */
    void print(String title) {
        hops.sort(Comparator.comparing(Hop::at));
        out.println();
        out.println(title);
        for (Hop hop : hops) {
            out.printf("  %+7d ms  %s%n", Duration.between(start, hop.at()).toMillis(), hop.what());
        }
        out.flush();
    }
}
